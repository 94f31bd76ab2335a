package examops.report;

import examops.checkin.CheckinSchedule;
import examops.checkin.SiteDuties;
import examops.monitoring.TimeSpan;
import examops.province.District;
import examops.province.ExamSite;
import examops.province.Province;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The sites' own check-in punctuality over the period ({@code checkins.sites} of the report): per
 * site with a duty, per district (its sites together) and in total, judged by the same schedules as
 * the board's site strip ({@link SiteDuties}) and the same definition as the districts'
 * ({@link Punctuality}).
 */
final class SiteCheckinSection {

  private SiteCheckinSection() {}

  static JsonObject build(Province province, ReportLedger ledger, TimeSpan span) {
    SiteDuties duties = SiteDuties.of(province);
    JsonArray sites = new JsonArray();
    JsonArray districts = new JsonArray();
    Punctuality.Tally total = new Punctuality.Tally(0, 0, 0, 0);
    for (District d : province.districts()) {
      Punctuality.Tally ofDistrict = new Punctuality.Tally(0, 0, 0, 0);
      int counted = 0;
      for (ExamSite site : d.sites()) {
        CheckinSchedule schedule = duties.schedule(site.id()).orElse(null);
        if (schedule == null) continue;
        Punctuality.Tally t = Punctuality.Tally.of(Punctuality.walkBursts(schedule, province.window(),
            ledger.siteCheckins(site.id()), span.from(), span.to()));
        ofDistrict = ofDistrict.plus(t);
        counted++;
        sites.add(CheckinSection.json(t).put("site", site.id()).put("district", d.id()).put("kind", site.kind().wireName())
            .put("names", Texts.json(site.name())));
      }
      if (counted == 0) continue;
      total = total.plus(ofDistrict);
      districts.add(CheckinSection.json(ofDistrict).put("district", d.id()).put("names", Texts.json(d.name())).put("sites", counted));
    }
    return new JsonObject().put("districts", districts).put("sites", sites).put("total", CheckinSection.json(total));
  }
}
