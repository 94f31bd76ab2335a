package examops.report;

import examops.board.BoardState;
import examops.incident.Incident;
import examops.monitoring.TimeSpan;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The incidents reported in the period: counts by severity (as it stood at the period's end, after
 * any escalation) and by category, time to acknowledge and to resolve (mean and maximum, overall and
 * per severity), and each incident with its timeline.
 */
final class IncidentSection {

  private IncidentSection() {}

  static List<Incident> reportedIn(BoardState state, TimeSpan span) {
    return state.incidents().all().stream().filter(i -> span.contains(i.reportedAt()))
        .sorted(Comparator.comparing(Incident::reportedAt).thenComparing(Incident::id)).toList();
  }

  static JsonObject build(BoardState state, TimeSpan span) {
    List<Incident> incidents = reportedIn(state, span);
    JsonObject bySeverity = new JsonObject();
    JsonArray timing = new JsonArray();
    for (Severity s : Severity.values()) {
      List<Incident> of = incidents.stream().filter(i -> i.severity() == s).toList();
      bySeverity.put(s.wireName(), of.size());
      timing.add(timing(of).put("severity", s.wireName()));
    }
    JsonObject byCategory = new JsonObject();
    JsonObject matrix = new JsonObject();
    for (IncidentCategory c : IncidentCategory.values()) {
      byCategory.put(c.wireName(), incidents.stream().filter(i -> i.category() == c).count());
      JsonObject row = new JsonObject();
      for (Severity s : Severity.values()) {
        row.put(s.wireName(), incidents.stream().filter(i -> i.category() == c && i.severity() == s).count());
      }
      matrix.put(c.wireName(), row);
    }
    JsonArray list = new JsonArray();
    incidents.forEach(i -> list.add(state.incidents().toJson(i.id())));
    return timing(incidents)
        .put("total", incidents.size())
        .put("open", incidents.stream().filter(Incident::open).count())
        .put("bySeverity", bySeverity).put("byCategory", byCategory).put("byCategorySeverity", matrix)
        .put("bySeverityTiming", timing)
        .put("list", list);
  }

  /** Counts and the two timings for a set of incidents. */
  static JsonObject timing(List<Incident> incidents) {
    return new JsonObject()
        .put("count", incidents.size())
        .put("acknowledged", incidents.stream().filter(i -> i.timeToAcknowledge().isPresent()).count())
        .put("resolved", incidents.stream().filter(i -> i.timeToResolve().isPresent()).count())
        .put("timeToAcknowledge", tta(incidents).toJson())
        .put("timeToResolve", ttr(incidents).toJson());
  }

  static DurationStats tta(List<Incident> incidents) {
    return DurationStats.of(incidents.stream().map(Incident::timeToAcknowledge).flatMap(Optional::stream).toList());
  }

  static DurationStats ttr(List<Incident> incidents) {
    return DurationStats.of(incidents.stream().map(Incident::timeToResolve).flatMap(Optional::stream).toList());
  }
}
