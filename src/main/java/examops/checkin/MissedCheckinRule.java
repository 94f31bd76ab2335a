package examops.checkin;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.clock.ExamClock;
import examops.province.District;
import examops.province.Province;
import examops.vocabulary.Phase;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A district past its check-in grace period: it has missed a check-in. */
public final class MissedCheckinRule implements Rule<CheckIns> {

  public static final String NAME = "checkin-missed";

  private static final DateTimeFormatter FACE = DateTimeFormatter.ofPattern("HH:mm dd/MM");

  private final Province province;
  private final ExamClock clock;
  private final CheckinSchedule schedule;

  public MissedCheckinRule(Province province, ExamClock clock) {
    this.province = province;
    this.clock = clock;
    this.schedule = CheckinSchedule.forDistricts(province.checkins(), clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<AlertCondition> evaluate(CheckIns checkins, Instant now) {
    List<AlertCondition> out = new ArrayList<>();
    boolean examTime = inExam(clock.phaseAt(now));
    for (District d : province.districts()) {
      Instant last = checkins.latest(d.id()).map(CheckIn::countsAt).orElse(null);
      CheckinStatus s = schedule.evaluate(last, now);
      if (s.state() != CheckinState.MISSED) continue;
      out.add(new AlertCondition(AlertCondition.id(NAME, d.id(), s.graceEnds()), NAME, d.id(), d.id(),
          examTime ? Severity.CRITICAL : Severity.HIGH,
          last == null ? d.name().vi() + " chưa từng báo cáo (hạn đầu tiên " + face(s.due()) + ")"
              : d.name().vi() + " chưa báo cáo: quá hạn " + s.minutesLate() + " phút",
          last == null ? d.name().en() + " has never checked in (first due " + face(s.due()) + ")"
              : d.name().en() + " has missed its check-in: " + s.minutesLate() + " min overdue", s.graceEnds()));
    }
    return out;
  }

  /**
   * A due time on the province's clock face. A district that never reported is overdue from the
   * window's first due time (days ago): its message says so, not "overdue 10080 minutes".
   */
  private String face(Instant t) {
    return FACE.format(t.atZone(province.zone()));
  }

  /** A check-in missed while candidates are at the sites is the most urgent kind. */
  private static boolean inExam(Phase p) {
    return p == Phase.SESSION_OPEN || p == Phase.IN_SESSION;
  }
}
