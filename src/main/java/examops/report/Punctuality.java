package examops.report;

import examops.checkin.CheckInBook;
import examops.checkin.CheckinSchedule;
import examops.checkin.CheckinState;
import examops.checkin.CheckinStatus;
import examops.province.ExamWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Check-in punctuality, judged by the same schedule as the board.
 *
 * <p>Each check-in is judged against the deadline in force when it was made (its time is the
 * sender's, never later than receipt): <b>on time</b> at or before the due time, <b>late</b> after
 * it but within the grace. A deadline whose grace ends with no check-in is <b>missed</b> (counted
 * when the grace ends, the moment the board turns red); while the unit stays silent, the next
 * deadline falls one cadence interval after the missed one, so every interval without a check-in is
 * one more miss. A check-in made when none is expected (no cadence in that phase) is
 * <b>unscheduled</b>. Expected check-ins = on time + late + missed.
 */
public final class Punctuality {

  /** How a deadline or a check-in went. */
  public enum Outcome { ON_TIME, LATE, MISSED, UNSCHEDULED }

  /** One outcome, at the check-in's time (or, for a miss, when its grace ended). */
  public record Mark(Instant at, Outcome outcome, int count) {

    public Mark(Instant at, Outcome outcome) {
      this(at, outcome, 1);
    }
  }

  /** A bound on misses per unit, so a malformed cadence can never loop forever. */
  static final int MAX_MARKS = 100_000;

  private Punctuality() {}

  /**
   * @param checkins the unit's check-in times, in order; those before {@code from} set the schedule
   *     but are not counted
   * @param window the exam window (nothing is due outside it)
   * @return the outcomes at or after {@code from} and before {@code end}, in time order
   */
  public static List<Mark> walk(CheckinSchedule schedule, ExamWindow window, List<Instant> checkins, Instant from, Instant end) {
    return walkBursts(schedule, window, checkins.stream().map(CheckInBook.Burst::of).toList(), from, end);
  }

  /**
   * As {@link #walk}, over check-ins kept as bursts ({@link CheckInBook.Burst}). The first check-in of
   * a burst is judged against the one before it; the others followed their predecessor within the
   * minute, under a cadence of at least a minute, so each is on time (or unscheduled when no check-in
   * was expected then): they are judged as the burst's last against its first, and counted at the
   * last one's time.
   */
  public static List<Mark> walkBursts(CheckinSchedule schedule, ExamWindow window, List<CheckInBook.Burst> checkins,
      Instant from, Instant end) {
    List<Mark> out = new ArrayList<>();
    Instant last = null;
    for (CheckInBook.Burst b : checkins) {
      Instant c = b.first();
      if (!c.isBefore(end)) break;
      last = missesUntil(schedule, window, last, c, from, end, out);
      Outcome o = outcome(schedule.evaluate(last, c));
      if (!c.isBefore(from)) out.add(new Mark(c, o));
      last = c;
      if (b.count() > 1 && b.last().isBefore(end)) {
        Outcome rest = outcome(schedule.evaluate(c, b.last()));
        if (!b.last().isBefore(from)) out.add(new Mark(b.last(), rest, b.count() - 1));
        last = b.last();
      }
    }
    missesUntil(schedule, window, last, end, from, end, out);
    return out;
  }

  private static Outcome outcome(CheckinStatus s) {
    return switch (s.state()) {
      case ON_TIME -> Outcome.ON_TIME;
      case LATE -> Outcome.LATE;
      case MISSED -> Outcome.LATE; // past the grace seen now, within the grace of its deadline
      case NOT_EXPECTED -> Outcome.UNSCHEDULED;
    };
  }

  /** Records the deadlines missed before {@code t}; returns the last one (or {@code last} when none). */
  private static Instant missesUntil(CheckinSchedule schedule, ExamWindow window, Instant last, Instant t,
      Instant from, Instant end, List<Mark> out) {
    // A unit whose cadence stops on the way (a session ends; sites have no cadence between sessions)
    // is judged at each stop, or what it missed before would be seen from a phase that expects nothing.
    Instant since = last == null ? window.start() : last;
    for (Instant closing : schedule.closings(since, t)) last = missesAt(schedule, window, last, closing.minusNanos(1), from, end, out);
    return missesAt(schedule, window, last, t, from, end, out);
  }

  private static Instant missesAt(CheckinSchedule schedule, ExamWindow window, Instant last, Instant t,
      Instant from, Instant end, List<Mark> out) {
    Instant at = t.isBefore(window.end()) ? t : window.end().minusNanos(1);
    for (int i = 0; i < MAX_MARKS; i++) {
      CheckinStatus s = schedule.evaluate(last, at);
      if (s.state() != CheckinState.MISSED || !s.due().isAfter(last == null ? Instant.MIN : last)) return last;
      Instant graceEnds = graceAtDue(schedule, last, s);
      if (!at.isAfter(graceEnds)) return last;
      if (!graceEnds.isBefore(from) && graceEnds.isBefore(end)) out.add(new Mark(graceEnds, Outcome.MISSED));
      last = s.due();
    }
    return last;
  }

  /**
   * The grace of the cadence in force when the deadline fell due (a late evaluation would use the
   * cadence of its own time): when the board turned red for it.
   */
  private static Instant graceAtDue(CheckinSchedule schedule, Instant last, CheckinStatus seenLater) {
    CheckinStatus atDue = schedule.evaluate(last, seenLater.due());
    return seenLater.due().equals(atDue.due()) && atDue.graceEnds() != null ? atDue.graceEnds() : seenLater.graceEnds();
  }

  /** Counts of each outcome. */
  public record Tally(long onTime, long late, long missed, long unscheduled) {

    public static Tally of(List<Mark> marks) {
      long[] n = new long[Outcome.values().length];
      marks.forEach(m -> n[m.outcome().ordinal()] += m.count());
      return new Tally(n[0], n[1], n[2], n[3]);
    }

    public Tally plus(Tally o) {
      return new Tally(onTime + o.onTime, late + o.late, missed + o.missed, unscheduled + o.unscheduled);
    }

    public long expected() {
      return onTime + late + missed;
    }

    /** On time over expected; NaN when nothing was expected. */
    public double ratio() {
      return expected() == 0 ? Double.NaN : (double) onTime / expected();
    }
  }
}
