package examops.checkin;

import java.time.Instant;

/**
 * A unit's check-in standing at one instant.
 *
 * @param due when the next check-in is (or was) due; null when none is expected
 * @param graceEnds after this the unit has missed it; null when none is expected
 * @param minutesLate whole minutes past due, 0 when not past due
 */
public record CheckinStatus(CheckinState state, Instant due, Instant graceEnds, long minutesLate) {

  static final CheckinStatus NOT_EXPECTED = new CheckinStatus(CheckinState.NOT_EXPECTED, null, null, 0);

  public boolean overdue() {
    return state == CheckinState.LATE || state == CheckinState.MISSED;
  }
}
