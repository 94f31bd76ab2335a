package examops.vocabulary;

import java.util.Optional;

/** Where the exam window stands; check-in cadences and the board follow it. */
public enum Phase {
  /** Before the exam days (the preparation stretch, and anything before the window opens). */
  BEFORE_WINDOW("before-window"),
  /** The local day candidates check in at their sites. */
  SITE_CHECK_IN_DAY("site-check-in-day"),
  /** Candidates are gathering: from a session's open to its start. */
  SESSION_OPEN("session-open"),
  /** A paper is being sat. */
  IN_SESSION("in-session"),
  /** Exam days, but no session open or running (nights, breaks, the reserve day). */
  BETWEEN_SESSIONS("between-sessions"),
  /** The exam days are over; results and reports until the window closes (outside the stages below). */
  REPORTING("reporting"),
  /**
   * The local day the results are published (the province file's {@code afterExam.results}): the
   * result-lookup portals carry the load. Added after the first round; a file without it never has it.
   */
  RESULTS_DAY("results-day"),
  /** Candidates adjust their admission choices ({@code afterExam.adjustment}). */
  CHOICE_ADJUSTMENT("choice-adjustment"),
  /** Admission files travel by post ({@code afterExam.delivery}). */
  ADMISSION_DELIVERY("admission-delivery"),
  /** The window has closed. */
  AFTER_WINDOW("after-window");

  private final String wireName;

  Phase(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<Phase> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<Phase> fromWireName(String name) {
    return NAMES.find(name);
  }
}
