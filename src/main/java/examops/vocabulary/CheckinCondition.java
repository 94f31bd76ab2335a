package examops.vocabulary;

import java.util.Optional;

/** What a check-in says of its unit: all well, a problem being handled, or trouble that needs the command center. */
public enum CheckinCondition {
  OK("ok"),
  ISSUE("issue"),
  CRITICAL("critical");

  private final String wireName;

  CheckinCondition(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<CheckinCondition> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<CheckinCondition> fromWireName(String name) {
    return NAMES.find(name);
  }
}
