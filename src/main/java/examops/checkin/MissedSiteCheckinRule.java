package examops.checkin;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.clock.ExamClock;
import examops.province.ExamSite;
import examops.province.Province;
import examops.vocabulary.Phase;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A site past its check-in grace period: one alert per site and due time (its id carries the grace's
 * end, as the district rule's does). An exam site silent while candidates are in its rooms is the
 * most urgent kind (critical); a grading site silent is high.
 */
public final class MissedSiteCheckinRule implements Rule<CheckIns> {

  public static final String NAME = "site-checkin-missed";

  private static final DateTimeFormatter FACE = DateTimeFormatter.ofPattern("HH:mm dd/MM");

  private final Province province;
  private final ExamClock clock;
  private final SiteDuties duties;

  public MissedSiteCheckinRule(Province province, ExamClock clock) {
    this.province = province;
    this.clock = clock;
    this.duties = new SiteDuties(province, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** @param sites the sites' own check-ins, by site id */
  @Override
  public List<AlertCondition> evaluate(CheckIns sites, Instant now) {
    List<AlertCondition> out = new ArrayList<>();
    boolean examTime = inExam(clock.phaseAt(now));
    for (ExamSite site : duties.sites()) {
      Instant last = sites.latest(site.id()).map(CheckIn::countsAt).orElse(null);
      CheckinStatus s = duties.evaluate(site.id(), last, now);
      if (s.state() != CheckinState.MISSED) continue;
      String districtVi = province.district(site.district()).map(d -> d.name().vi()).orElse(site.district());
      String districtEn = province.district(site.district()).map(d -> d.name().en()).orElse(site.district());
      out.add(new AlertCondition(AlertCondition.id(NAME, site.id(), s.graceEnds()), NAME, site.id(), site.district(),
          !site.grading() && examTime ? Severity.CRITICAL : Severity.HIGH,
          site.name().vi() + " (" + districtVi + ") chưa báo cáo: quá hạn " + s.minutesLate() + " phút (hạn " + face(s.due()) + ")",
          site.name().en() + " (" + districtEn + ") has missed its check-in: " + s.minutesLate() + " min overdue (due "
              + face(s.due()) + ")", s.graceEnds()));
    }
    return out;
  }

  private String face(Instant t) {
    return FACE.format(t.atZone(province.zone()));
  }

  private static boolean inExam(Phase p) {
    return p == Phase.SESSION_OPEN || p == Phase.IN_SESSION;
  }
}
