package examops.checkin;

import examops.clock.ExamClock;
import examops.province.District;
import examops.province.Province;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.List;

/** A district past its check-in grace period: it has missed a check-in. */
public final class MissedCheckinRule extends MissedDutyRule<District> {

  public static final String NAME = "checkin-missed";

  private final CheckinSchedule schedule;

  public MissedCheckinRule(Province province, ExamClock clock) {
    super(province, clock);
    this.schedule = CheckinSchedule.forDistricts(province.checkins(), clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  List<District> holders() {
    return province.districts();
  }

  @Override
  String id(District d) {
    return d.id();
  }

  @Override
  String district(District d) {
    return d.id();
  }

  @Override
  CheckinStatus status(District d, Instant last, Instant now) {
    return schedule.evaluate(last, now);
  }

  @Override
  Severity severity(District d, boolean examTime) {
    return examTime ? Severity.CRITICAL : Severity.HIGH;
  }

  @Override
  String message(District d, Instant last, CheckinStatus s, boolean english) {
    if (english) {
      return last == null ? d.name().en() + " has never checked in (first due " + face(s.due()) + ")"
          : d.name().en() + " has missed its check-in: " + s.minutesLate() + " min overdue";
    }
    return last == null ? d.name().vi() + " chưa từng báo cáo (hạn đầu tiên " + face(s.due()) + ")"
        : d.name().vi() + " chưa báo cáo: quá hạn " + s.minutesLate() + " phút";
  }
}
