package examops.report;

import examops.alert.AlertBook;
import examops.monitoring.TimeSpan;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alerts the rules raised in the period, by rule and by severity. */
final class AlertSection {

  private AlertSection() {}

  static List<AlertBook.Raised> raisedIn(ReportLedger ledger, TimeSpan span) {
    return ledger.alerts().stream().filter(a -> span.contains(a.at())).toList();
  }

  static JsonObject build(List<AlertBook.Raised> alerts) {
    Map<String, Integer> byRule = new TreeMap<>();
    Map<String, Integer> bySeverity = new TreeMap<>();
    for (AlertBook.Raised a : alerts) {
      byRule.merge(a.rule() == null ? "unknown" : a.rule(), 1, Integer::sum);
      bySeverity.merge(a.severity() == null ? "unknown" : a.severity().wireName(), 1, Integer::sum);
    }
    return new JsonObject().put("total", alerts.size()).put("byRule", json(byRule)).put("bySeverity", json(bySeverity));
  }

  private static JsonObject json(Map<String, Integer> counts) {
    JsonObject out = new JsonObject();
    counts.forEach(out::put);
    return out;
  }
}
