package examops.board;

import examops.province.Province;
import examops.unitreport.ReportingUnit;
import examops.unitreport.UnitReport;
import examops.unitreport.UnitReportBook;
import examops.unitreport.UnitReportStanding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The snapshot's {@code unitReports} section: for every unit (district units, then provincial
 * departments) whether its end-of-window report is in, on time or late, or missing after the due
 * date, the report as it stands and the list of its versions.
 */
final class UnitReportsView {

  private final Province province;
  private final List<ReportingUnit> units;

  UnitReportsView(Province province) {
    this.province = province;
    this.units = ReportingUnit.of(province);
  }

  List<String> ids() {
    return units.stream().map(ReportingUnit::id).toList();
  }

  JsonObject all(UnitReportBook book, Instant now) {
    JsonObject out = new JsonObject();
    units.forEach(u -> out.put(u.id(), unit(book, u, now)));
    return out;
  }

  JsonObject unit(UnitReportBook book, String id, Instant now) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst().map(u -> unit(book, u, now)).orElse(null);
  }

  private JsonObject unit(UnitReportBook book, ReportingUnit u, Instant now) {
    Instant due = province.afterExam().unitReportsDue();
    UnitReport first = book.first(u.id()).orElse(null);
    UnitReportStanding standing = UnitReportStanding.evaluate(first, due, now);
    JsonArray history = new JsonArray();
    book.history(u.id()).forEach(r -> history.add(new JsonObject().put("id", r.id()).put("version", r.version())
        .put("submittedAt", r.submittedAt().toString()).put("by", r.by())));
    return new JsonObject().put("unit", u.id()).put("kind", u.department() ? "department" : "district")
        .put("name", BoardView.text(u.name())).put("district", u.district())
        .put("due", due == null ? null : due.toString())
        .put("state", standing.state()).put("late", standing.late()).put("missing", standing.missing())
        .put("firstSubmittedAt", first == null ? null : first.submittedAt().toString())
        .put("report", book.latest(u.id()).map(UnitReport::toJson).orElse(null))
        .put("history", history);
  }
}
