package examops.province;

/**
 * A provincial department (Sở, Ban, Ngành) that reports on its part of the exam window, beside the
 * district units. Its id names it in unit reports ({@code department:<id>} is never a district).
 */
public record Department(String id, LocalizedText name) {}
