package examops.checkin;

/** Where a unit stands against its check-in cadence. */
public enum CheckinState {
  ON_TIME("on-time"),
  /** Past due, still inside the grace period. */
  LATE("late"),
  /** Past the grace period: the alarm. */
  MISSED("missed"),
  /** No check-in is expected now (outside the window, or a phase without a cadence). */
  NOT_EXPECTED("not-expected");

  private final String wireName;

  CheckinState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
