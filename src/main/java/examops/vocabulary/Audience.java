package examops.vocabulary;

/**
 * Who a snapshot or delta is for. Incidents of the exam-data category (a threat to the exam's
 * databases) are need-to-know: only the command center and leadership see them, and the alerts
 * about them.
 */
public enum Audience {
  /** Everything on the board. */
  FULL,
  /** The board without need-to-know incidents and their alerts: district units, agents. */
  RESTRICTED
}
