package examops.clock;

/**
 * What the exam clock counts down to: a session's moments during the exam days, then the stages
 * after the exam (the province file's {@code afterExam}) and the units' reports.
 */
public enum Milestone {
  SESSION_OPENS,
  SESSION_STARTS,
  SESSION_ENDS,
  /** Results are published (the results stage begins). */
  RESULTS_PUBLISHED,
  /** The results stage ends. */
  RESULTS_DAY_ENDS,
  /** Candidates may start adjusting their admission choices. */
  ADJUSTMENT_OPENS,
  ADJUSTMENT_CLOSES,
  /** Admission files start travelling by post. */
  DELIVERY_STARTS,
  DELIVERY_ENDS,
  /** Every unit's end-of-window report is due. */
  UNIT_REPORTS_DUE,
  /** The window closes. */
  WINDOW_CLOSES;

  /** The name on the wire: lower case, words joined by '-' (e.g. {@code results-published}). */
  public String wireName() {
    return name().toLowerCase().replace('_', '-');
  }
}
