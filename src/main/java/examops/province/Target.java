package examops.province;
public record Target(String id, String name, String kind, String district, String site, String dependsOn) {}
