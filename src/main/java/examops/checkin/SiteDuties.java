package examops.checkin;

import examops.clock.ExamClock;
import examops.province.ExamSite;
import examops.province.Province;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sites' own check-in duties: an exam site that reports ({@code "checkins": true}) on the
 * file's site cadences (its sessions), a grading site on the grading cadence while the grading
 * period runs. A site with {@code "checkins": false}, or a grading site when the file has no
 * grading period or cadence, has none. The same schedule serves the board, the rule and the report.
 */
public final class SiteDuties {

  private final Province province;
  private final Map<String, CheckinSchedule> schedules = new HashMap<>();

  public SiteDuties(Province province, ExamClock clock) {
    this.province = province;
    CheckinSchedule exam = CheckinSchedule.forSites(province.checkins(), clock);
    CheckinSchedule grading = province.grading().flatMap(g -> province.checkins().gradingCadence()
        .map(c -> CheckinSchedule.forGrading(c, g, clock))).orElse(null);
    for (ExamSite s : province.sites()) {
      if (!s.checkins()) continue;
      CheckinSchedule schedule = s.grading() ? grading : exam;
      if (schedule != null) schedules.put(s.id(), schedule);
    }
  }

  public static SiteDuties of(Province province) {
    return new SiteDuties(province, ExamClock.of(province));
  }

  /** The site's schedule, or empty when it has no check-in duty. */
  public Optional<CheckinSchedule> schedule(String siteId) {
    return Optional.ofNullable(schedules.get(siteId));
  }

  /** Whether the site reports its own check-ins at all. */
  public boolean hasDuty(String siteId) {
    return schedules.containsKey(siteId);
  }

  /** The sites with a duty, in province order. */
  public List<ExamSite> sites() {
    return province.sites().stream().filter(s -> schedules.containsKey(s.id())).toList();
  }

  /**
   * Where a site stands against its duty at {@code now}.
   *
   * @param lastCheckin when its latest check-in counts, or null
   */
  public CheckinStatus evaluate(String siteId, Instant lastCheckin, Instant now) {
    CheckinSchedule s = schedules.get(siteId);
    return s == null ? CheckinStatus.NOT_EXPECTED : s.evaluate(lastCheckin, now);
  }
}
