package examops.vocabulary;

import java.util.Optional;

/** How bad an incident is; declared from worst to least. */
public enum Severity {
  CRITICAL("critical"),
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<Severity> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<Severity> fromWireName(String name) {
    return NAMES.find(name);
  }
}
