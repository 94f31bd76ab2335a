package examops.checkin;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.clock.ExamClock;
import examops.province.Province;
import examops.vocabulary.Phase;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the missed-check-in rules share: for each holder of a check-in duty (a district unit, a site),
 * its last check-in against its cadence; past the grace, one alert per holder and due time (its id
 * carries the grace's end), more urgent while candidates are at the sites.
 *
 * @param <T> the duty holder
 */
abstract class MissedDutyRule<T> implements Rule<CheckIns> {

  private static final DateTimeFormatter FACE = DateTimeFormatter.ofPattern("HH:mm dd/MM");

  protected final Province province;
  private final ExamClock clock;

  MissedDutyRule(Province province, ExamClock clock) {
    this.province = province;
    this.clock = clock;
  }

  /** The holders whose duty this rule watches. */
  abstract List<T> holders();

  /** The holder's id: its check-ins' key in the book, and the alert's subject. */
  abstract String id(T holder);

  abstract String district(T holder);

  /** Where the holder stands against its cadence, given its last check-in (null: none yet). */
  abstract CheckinStatus status(T holder, Instant last, Instant now);

  abstract Severity severity(T holder, boolean examTime);

  /** The alert's words, Vietnamese and English; {@code last} null: never checked in. */
  abstract String message(T holder, Instant last, CheckinStatus s, boolean english);

  @Override
  public final List<AlertCondition> evaluate(CheckIns checkins, Instant now) {
    List<AlertCondition> out = new ArrayList<>();
    boolean examTime = inExam(clock.phaseAt(now));
    for (T holder : holders()) {
      Instant last = checkins.latest(id(holder)).map(CheckIn::countsAt).orElse(null);
      CheckinStatus s = status(holder, last, now);
      if (s.state() != CheckinState.MISSED) continue;
      out.add(new AlertCondition(AlertCondition.id(name(), id(holder), s.graceEnds()), name(), id(holder), district(holder),
          severity(holder, examTime), message(holder, last, s, false), message(holder, last, s, true), s.graceEnds()));
    }
    return out;
  }

  /**
   * A due time on the province's clock face. A holder that never reported is overdue from the window's
   * first due time (days ago): its message says so, not "overdue 10080 minutes".
   */
  final String face(Instant t) {
    return FACE.format(t.atZone(province.zone()));
  }

  /** A check-in missed while candidates are at the sites is the most urgent kind. */
  private static boolean inExam(Phase p) {
    return p == Phase.SESSION_OPEN || p == Phase.IN_SESSION;
  }
}
