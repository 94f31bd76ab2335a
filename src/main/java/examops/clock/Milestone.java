package examops.clock;

/** What the exam clock counts down to. */
public enum Milestone {
  SESSION_OPENS,
  SESSION_STARTS,
  SESSION_ENDS
}
