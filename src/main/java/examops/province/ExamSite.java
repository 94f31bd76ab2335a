package examops.province;

/**
 * An exam site (điểm thi).
 *
 * @param id {@code district/slug}, e.g. {@code long-xuyen/thpt-long-xuyen}
 * @param address the street address, or null when the file does not give it
 * @param sample true when the name and address are illustrative, not the real 2020 list
 * @param checkins true when this site reports its own check-ins on the site cadence
 */
public record ExamSite(
    String id, String district, LocalizedText name, String address, boolean sample, boolean checkins) {}
