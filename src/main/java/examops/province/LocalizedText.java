package examops.province;
public record LocalizedText(String vi, String en) {}
