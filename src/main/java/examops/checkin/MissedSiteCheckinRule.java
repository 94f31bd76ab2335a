package examops.checkin;

import examops.clock.ExamClock;
import examops.province.ExamSite;
import examops.province.Province;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.List;

/**
 * A site past its check-in grace period: one alert per site and due time, as the district rule's. An
 * exam site silent while candidates are in its rooms is the most urgent kind (critical); a grading site
 * silent is high. It reads the sites' own check-ins, by site id.
 */
public final class MissedSiteCheckinRule extends MissedDutyRule<ExamSite> {

  public static final String NAME = "site-checkin-missed";

  private final SiteDuties duties;

  public MissedSiteCheckinRule(Province province, ExamClock clock) {
    super(province, clock);
    this.duties = new SiteDuties(province, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  List<ExamSite> holders() {
    return duties.sites();
  }

  @Override
  String id(ExamSite site) {
    return site.id();
  }

  @Override
  String district(ExamSite site) {
    return site.district();
  }

  @Override
  CheckinStatus status(ExamSite site, Instant last, Instant now) {
    return duties.evaluate(site.id(), last, now);
  }

  @Override
  Severity severity(ExamSite site, boolean examTime) {
    return !site.grading() && examTime ? Severity.CRITICAL : Severity.HIGH;
  }

  @Override
  String message(ExamSite site, Instant last, CheckinStatus s, boolean english) {
    var district = province.district(site.district());
    if (english) {
      return site.name().en() + " (" + district.map(d -> d.name().en()).orElse(site.district()) + ") has missed its check-in: "
          + s.minutesLate() + " min overdue (due " + face(s.due()) + ")";
    }
    return site.name().vi() + " (" + district.map(d -> d.name().vi()).orElse(site.district()) + ") chưa báo cáo: quá hạn "
        + s.minutesLate() + " phút (hạn " + face(s.due()) + ")";
  }
}
