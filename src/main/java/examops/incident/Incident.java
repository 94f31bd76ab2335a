package examops.incident;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One incident as its events have shaped it. Mutable, owned by the reducer. */
public final class Incident {

  static final int TIMELINE_LIMIT = 200;

  final String id;
  String title;
  String severity;
  String category;
  String district;
  String site;
  String description;
  List<String> targets = List.of();
  String state = "reported";
  String reportedBy;
  String assignee;
  Instant reportedAt;
  Instant acknowledgedAt;
  Instant resolvedAt;
  int escalations;
  final List<JsonObject> timeline = new ArrayList<>();

  Incident(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public String state() {
    return state;
  }

  public String severity() {
    return severity;
  }

  public String category() {
    return category;
  }

  public String district() {
    return district;
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public boolean open() {
    return !"resolved".equals(state);
  }

  void addToTimeline(JsonObject entry) {
    if (timeline.size() == TIMELINE_LIMIT) timeline.remove(1); // keep the report, drop the oldest follow-up
    timeline.add(entry);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id).put("title", title).put("severity", severity).put("category", category)
        .put("district", district).put("site", site).put("description", description)
        .put("targets", new JsonArray(targets)).put("state", state)
        .put("reportedBy", reportedBy).put("assignee", assignee)
        .put("reportedAt", str(reportedAt)).put("acknowledgedAt", str(acknowledgedAt)).put("resolvedAt", str(resolvedAt))
        .put("timeToAcknowledgeSec", seconds(reportedAt, acknowledgedAt))
        .put("timeToResolveSec", seconds(reportedAt, resolvedAt))
        .put("escalations", escalations)
        .put("timeline", new JsonArray(new ArrayList<>(timeline)));
  }

  private static String str(Instant i) {
    return i == null ? null : i.toString();
  }

  private static Long seconds(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toSeconds();
  }
}
