package examops.province;

import examops.vocabulary.WireNames;
import java.util.Optional;

/** Where the grading period stands (the grading sites' phase, beside the exam clock's). */
public enum GradingPhase {
  BEFORE_GRADING("before-grading"),
  GRADING("grading"),
  GRADING_DONE("grading-done");

  private final String wireName;

  GradingPhase(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<GradingPhase> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<GradingPhase> fromWireName(String name) {
    return NAMES.find(name);
  }
}
