package examops.report;

import examops.event.EventCodec;
import examops.monitoring.TimeSpan;
import examops.province.District;
import examops.province.Province;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The report document: the period, the province, and every section, computed from a ledger that
 * has read the log. Pure: the same ledger, window and province always give the same document
 * (apart from {@code generatedAt}).
 */
public final class KpiReport {

  private KpiReport() {}

  /** @param log what the read of the log saw ({@code records}, {@code applied}, {@code refused}) */
  public static JsonObject build(Province province, ReportLedger ledger, ReportWindow window, JsonObject log, Instant generatedAt) {
    TimeSpan span = window.measured();
    TimeSpan period = new TimeSpan(window.fromInstant(), window.toInstant());
    Map<District, List<Punctuality.Mark>> marks = CheckinSection.marks(province, ledger, span);
    List<PublishingSection.Judged> judged = PublishingSection.judge(province, ledger.state(),
        window.fromInstant(), window.toInstant(), window.measuredTo());
    JsonArray examDays = new JsonArray();
    DaySection.examDays(province).forEach(d -> examDays.add(d.toString()));
    return new JsonObject()
        .put("generatedAt", generatedAt.toString())
        .put("province", new JsonObject().put("id", province.id()).put("names", Texts.json(province.name()))
            .put("authority", Texts.json(province.authority())).put("exam", Texts.json(province.exam()))
            .put("zone", province.zone().getId()).put("examDays", examDays))
        .put("period", new JsonObject().put("from", EventCodec.iso(window.from())).put("to", EventCodec.iso(window.to()))
            .put("measuredTo", EventCodec.iso(OffsetDateTime.ofInstant(window.measuredTo(), province.zone())))
            .put("complete", window.complete()))
        .put("log", log.copy().put("outsidePeriod", ledger.outside()))
        .put("availability", AvailabilitySection.build(province, ledger.state(), span))
        .put("incidents", IncidentSection.build(ledger.state(), period))
        .put("checkins", CheckinSection.build(marks).put("sites", SiteCheckinSection.build(province, ledger, span)))
        .put("publishing", PublishingSection.build(province, judged))
        .put("alerts", AlertSection.build(AlertSection.raisedIn(ledger, period)))
        .put("steering", SteeringFigures.build(province, ledger, window))
        .put("unitReports", UnitReportSection.build(province, ledger.state(), window.measuredTo()))
        .put("days", DaySection.build(province, ledger, window, marks, judged));
  }
}
