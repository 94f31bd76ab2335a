package examops.checkin;

import examops.clock.ExamClock;
import examops.province.Cadence;
import examops.province.CheckinPolicy;
import examops.province.GradingPeriod;
import examops.vocabulary.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The stretch of time a schedule runs in, and its phases: the exam window with the exam clock's
   * phases, or the grading period as one phase of its own.
   */
  private interface Periods {
    Instant start();

    boolean contains(Instant t);

    /** The cadence in force at {@code t}, or null when none is. */
    Cadence cadenceAt(Instant t);

    /** When the phase {@code t} is in began. */
    Instant phaseSince(Instant t);

    /** The instants at which the phase may change, in order. */
    List<Instant> boundaries();
  }

  private final Periods periods;
  private final ExamClock clock;

  private CheckinSchedule(Periods periods, ExamClock clock) {
    this.periods = periods;
    this.clock = clock;
  }

  private CheckinSchedule(Map<Phase, Cadence> cadences, ExamClock clock) {
    this(new Periods() {
      @Override
      public Instant start() {
        return clock.window().start();
      }

      @Override
      public boolean contains(Instant t) {
        return clock.window().contains(t);
      }

      @Override
      public Cadence cadenceAt(Instant t) {
        return cadences.get(clock.phaseAt(t));
      }

      @Override
      public Instant phaseSince(Instant t) {
        return clock.phaseSince(t);
      }

      @Override
      public List<Instant> boundaries() {
        return clock.boundaries();
      }
    }, clock);
  }

  public static CheckinSchedule forDistricts(CheckinPolicy policy, ExamClock clock) {
    return new CheckinSchedule(policy.district(), clock);
  }

  /** For the exam sites that opted into their own check-ins. */
  public static CheckinSchedule forSites(CheckinPolicy policy, ExamClock clock) {
    return new CheckinSchedule(policy.site(), clock);
  }

  /**
   * For the grading sites: the grading cadence while the grading period runs, nothing outside it
   * (the exam clock's phases do not apply: grading has days of its own).
   */
  public static CheckinSchedule forGrading(Cadence cadence, GradingPeriod period, ExamClock clock) {
    return new CheckinSchedule(new Periods() {
      @Override
      public Instant start() {
        return period.start();
      }

      @Override
      public boolean contains(Instant t) {
        return period.contains(t);
      }

      @Override
      public Cadence cadenceAt(Instant t) {
        return period.contains(t) ? cadence : null;
      }

      @Override
      public Instant phaseSince(Instant t) {
        return period.start();
      }

      @Override
      public List<Instant> boundaries() {
        return List.of(period.start(), period.end());
      }
    }, clock);
  }

  /**
   * @param lastCheckin the unit's latest check-in, or null when it has not checked in yet
   * @param now the exam clock's instant
   */
  public CheckinStatus evaluate(Instant lastCheckin, Instant now) {
    if (!periods.contains(now)) return CheckinStatus.NOT_EXPECTED;
    Optional<Instant> due = dueAt(lastCheckin, now);
    if (due.isEmpty()) return CheckinStatus.NOT_EXPECTED;
    Cadence cadence = periods.cadenceAt(now);
    Instant graceEnds = due.get().plus(cadence.grace());
    CheckinState state = !now.isAfter(due.get()) ? CheckinState.ON_TIME
        : !now.isAfter(graceEnds) ? CheckinState.LATE
        : CheckinState.MISSED;
    long minutesLate = now.isAfter(due.get()) ? Duration.between(due.get(), now).toMinutes() : 0;
    return new CheckinStatus(state, due.get(), graceEnds, minutesLate);
  }

  /**
   * The instants in {@code (after, upTo]} at which check-ins stop being expected (a session ends and
   * the next phase has no cadence, the grading period ends): a deadline missed before one of them
   * is judged there, since after it nothing is due.
   */
  public List<Instant> closings(Instant after, Instant upTo) {
    List<Instant> out = new ArrayList<>();
    for (Instant b : periods.boundaries()) {
      if (!b.isAfter(after) || b.isAfter(upTo)) continue;
      if (periods.cadenceAt(b.minusNanos(1)) != null && periods.cadenceAt(b) == null) out.add(b);
    }
    return out;
  }

  /** When the next check-in is due as seen at {@code now}; empty when none is expected. */
  public Optional<Instant> dueAt(Instant lastCheckin, Instant now) {
    Cadence cadence = periods.cadenceAt(now);
    if (cadence == null || now.isBefore(periods.start())) return Optional.empty();
    Instant phaseStart = later(periods.phaseSince(now), periods.start());
    if (lastCheckin != null && !lastCheckin.isBefore(phaseStart)) {
      return Optional.of(after(lastCheckin, cadence));
    }
    if (phaseStart.isAfter(periods.start())) {
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
