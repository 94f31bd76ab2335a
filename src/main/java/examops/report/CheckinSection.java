package examops.report;

import examops.checkin.CheckinSchedule;
import examops.clock.ExamClock;
import examops.monitoring.TimeSpan;
import examops.province.District;
import examops.province.Province;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Check-in punctuality per district over the period (the definition is {@link Punctuality}'s). */
final class CheckinSection {

  private CheckinSection() {}

  /** Every district's outcomes in the measured period, in province order. */
  static Map<District, List<Punctuality.Mark>> marks(Province province, ReportLedger ledger, TimeSpan span) {
    ExamClock clock = ExamClock.of(province);
    CheckinSchedule schedule = CheckinSchedule.forDistricts(province.checkins(), clock);
    Map<District, List<Punctuality.Mark>> out = new LinkedHashMap<>();
    for (District d : province.districts()) {
      out.put(d, Punctuality.walkBursts(schedule, province.window(), ledger.checkins(d.id()), span.from(), span.to()));
    }
    return out;
  }

  static JsonObject build(Map<District, List<Punctuality.Mark>> marks) {
    JsonArray districts = new JsonArray();
    Punctuality.Tally total = new Punctuality.Tally(0, 0, 0, 0);
    for (var e : marks.entrySet()) {
      Punctuality.Tally t = Punctuality.Tally.of(e.getValue());
      total = total.plus(t);
      districts.add(json(t).put("district", e.getKey().id()).put("names", Texts.json(e.getKey().name())));
    }
    return new JsonObject().put("districts", districts).put("total", json(total));
  }

  static JsonObject json(Punctuality.Tally t) {
    return new JsonObject().put("onTime", t.onTime()).put("late", t.late()).put("missed", t.missed())
        .put("unscheduled", t.unscheduled()).put("expected", t.expected()).put("punctuality", Texts.ratio(t.ratio()));
  }
}
