package examops.province;

import java.time.Duration;
import java.time.LocalTime;

/**
 * How often a unit must check in during one phase.
 *
 * @param every the longest allowed gap between check-ins
 * @param grace how long past due a check-in is still late rather than missed
 * @param activeFrom with {@code activeTo}, the local hours in which check-ins are expected (the
 *     gap is counted only inside them, so nobody is due at 3 a.m. in the preparation week); both
 *     null when check-ins are expected round the clock
 */
public record Cadence(Duration every, Duration grace, LocalTime activeFrom, LocalTime activeTo) {

  public boolean roundTheClock() {
    return activeFrom == null;
  }
}
