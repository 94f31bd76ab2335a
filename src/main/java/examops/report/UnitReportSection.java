package examops.report;

import examops.board.BoardState;
import examops.province.Province;
import examops.unitreport.ReportingUnit;
import examops.unitreport.UnitReport;
import examops.unitreport.UnitReportStanding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The units' end-of-window reports as the report shows them: every unit (districts, then provincial
 * departments) with where it stood at the end of the measured period, its report as it then stood
 * (its latest version) and how many versions it had; and the totals.
 */
final class UnitReportSection {

  private UnitReportSection() {}

  static JsonObject build(Province province, BoardState state, Instant measuredTo) {
    Instant due = province.afterExam().unitReportsDue();
    JsonArray units = new JsonArray();
    int submitted = 0;
    int late = 0;
    int missing = 0;
    int pending = 0;
    for (ReportingUnit u : ReportingUnit.of(province)) {
      UnitReport first = state.unitReports().first(u.id()).orElse(null);
      UnitReportStanding standing = UnitReportStanding.evaluate(first, due, measuredTo);
      switch (standing.state()) {
        case "submitted" -> submitted++;
        case "late" -> late++;
        case "missing" -> missing++;
        default -> pending++;
      }
      units.add(new JsonObject().put("unit", u.id()).put("kind", u.department() ? "department" : "district")
          .put("names", Texts.json(u.name())).put("state", standing.state())
          .put("firstSubmittedAt", first == null ? null : first.submittedAt().toString())
          .put("versions", state.unitReports().history(u.id()).size())
          .put("report", state.unitReports().latest(u.id()).map(UnitReport::toJson).orElse(null)));
    }
    return new JsonObject().put("due", due == null ? null : due.toString()).put("units", units)
        .put("total", new JsonObject().put("units", units.size()).put("submitted", submitted).put("late", late)
            .put("missing", missing).put("pending", pending));
  }
}
