package examops.checkin;

import examops.clock.ExamClock;
import examops.province.Cadence;
import examops.province.CheckinPolicy;
import examops.vocabulary.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * When a unit's next check-in is due, and whether it is on time, late or missed.
 *
 * <p>The rule: within a phase, the next check-in is due {@code every} after the last one (or after
 * the phase began, when the last one is older). At a phase change a unit that was already overdue
 * stays overdue (so a missed district does not turn green because a session opened); any other unit
 * gets a full interval of the new cadence from the change. When the cadence has active hours,
 * {@code every} counts only time inside them.
 */
public final class CheckinSchedule {

  private final Map<Phase, Cadence> cadences;
  private final ExamClock clock;

  private CheckinSchedule(Map<Phase, Cadence> cadences, ExamClock clock) {
    this.cadences = cadences;
    this.clock = clock;
  }

  public static CheckinSchedule forDistricts(CheckinPolicy policy, ExamClock clock) {
    return new CheckinSchedule(policy.district(), clock);
  }

  /** For the exam sites that opted into their own check-ins. */
  public static CheckinSchedule forSites(CheckinPolicy policy, ExamClock clock) {
    return new CheckinSchedule(policy.site(), clock);
  }

  /**
   * @param lastCheckin the unit's latest check-in, or null when it has not checked in yet
   * @param now the exam clock's instant
   */
  public CheckinStatus evaluate(Instant lastCheckin, Instant now) {
    if (!clock.window().contains(now)) return CheckinStatus.NOT_EXPECTED;
    Optional<Instant> due = dueAt(lastCheckin, now);
    if (due.isEmpty()) return CheckinStatus.NOT_EXPECTED;
    Cadence cadence = cadences.get(clock.phaseAt(now));
    Instant graceEnds = due.get().plus(cadence.grace());
    CheckinState state = !now.isAfter(due.get()) ? CheckinState.ON_TIME
        : !now.isAfter(graceEnds) ? CheckinState.LATE
        : CheckinState.MISSED;
    long minutesLate = now.isAfter(due.get()) ? Duration.between(due.get(), now).toMinutes() : 0;
    return new CheckinStatus(state, due.get(), graceEnds, minutesLate);
  }

  /** When the next check-in is due as seen at {@code now}; empty when none is expected. */
  public Optional<Instant> dueAt(Instant lastCheckin, Instant now) {
    Cadence cadence = cadences.get(clock.phaseAt(now));
    if (cadence == null || now.isBefore(clock.window().start())) return Optional.empty();
    Instant phaseStart = later(clock.phaseSince(now), clock.window().start());
    if (lastCheckin != null && !lastCheckin.isBefore(phaseStart)) {
      return Optional.of(after(lastCheckin, cadence));
    }
    if (phaseStart.isAfter(clock.window().start())) {
      Optional<Instant> carried = dueAt(lastCheckin, phaseStart.minusNanos(1));
      if (carried.isPresent() && !carried.get().isAfter(phaseStart)) return carried;
    }
    return Optional.of(after(phaseStart, cadence));
  }

  /** {@code from} plus the cadence's interval, counting only its active hours when it has them. */
  private Instant after(Instant from, Cadence c) {
    if (c.roundTheClock()) return from.plus(c.every());
    ZoneId zone = clock.zone();
    Duration left = c.every();
    ZonedDateTime cursor = from.atZone(zone);
    while (true) {
      LocalDate day = cursor.toLocalDate();
      ZonedDateTime open = day.atTime(c.activeFrom()).atZone(zone);
      ZonedDateTime close = day.atTime(c.activeTo()).atZone(zone);
      if (cursor.isBefore(open)) cursor = open;
      if (!cursor.isBefore(close)) {
        cursor = day.plusDays(1).atTime(c.activeFrom()).atZone(zone);
        continue;
      }
      Duration available = Duration.between(cursor, close);
      if (left.compareTo(available) <= 0) return cursor.plus(left).toInstant();
      left = left.minus(available);
      cursor = day.plusDays(1).atTime(c.activeFrom()).atZone(zone);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || a.isBefore(b) ? b : a;
  }
}
