package examops.incident;

import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventType;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every incident and its lifecycle: reported → acknowledged → resolved, with assign, update and
 * escalate along the way and reopen after. The same table answers the HTTP layer (409 for an
 * illegal action) and the reducer (an illegal event read from the log changes nothing).
 */
public final class IncidentBook {

  private static final Map<EventType, Set<String>> ALLOWED_FROM = Map.of(
      EventType.INCIDENT_ACKNOWLEDGED, Set.of("reported"),
      EventType.INCIDENT_ASSIGNED, Set.of("reported", "acknowledged"),
      EventType.INCIDENT_UPDATED, Set.of("reported", "acknowledged"),
      EventType.INCIDENT_ESCALATED, Set.of("reported", "acknowledged"),
      EventType.INCIDENT_RESOLVED, Set.of("reported", "acknowledged"),
      EventType.INCIDENT_REOPENED, Set.of("resolved"));

  private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

  private final Map<String, Incident> byId = new HashMap<>();

  public Optional<Incident> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Incident> all() {
    return byId.values();
  }

  /**
   * Why {@code type} may not happen to incident {@code id} now, or empty when it may.
   */
  public Optional<String> refusal(String id, EventType type) {
    Incident i = byId.get(id);
    if (type == EventType.INCIDENT_REPORTED) {
      return i == null ? Optional.empty() : Optional.of("incident " + id + " already exists (state " + i.state + ")");
    }
    if (i == null) return Optional.of("no incident " + id);
    if (!ALLOWED_FROM.get(type).contains(i.state)) {
      return Optional.of("cannot " + verb(type) + " incident " + id + " in state " + i.state);
    }
    return Optional.empty();
  }

  /** Applies an incident event; returns false when the lifecycle does not allow it (nothing changes). */
  public boolean apply(Event e) {
    JsonObject d = e.data();
    String id = d.getString("incidentId");
    if (refusal(id, e.type()).isPresent()) return false;
    Incident i = byId.computeIfAbsent(id, Incident::new);
    String by = d.getString("by", e.source());
    switch (e.type()) {
      case INCIDENT_REPORTED -> {
        i.title = d.getString("title");
        i.severity = d.getString("severity");
        i.category = d.getString("category");
        i.district = e.district();
        i.site = d.getString("site");
        i.description = d.getString("description");
        i.targets = d.getJsonArray("targets") == null ? List.of() : List.copyOf(d.getJsonArray("targets").getList());
        i.reportedBy = by;
        i.reportedAt = e.atInstant();
      }
      case INCIDENT_ACKNOWLEDGED -> {
        i.state = "acknowledged";
        if (i.acknowledgedAt == null) i.acknowledgedAt = e.atInstant();
      }
      case INCIDENT_ASSIGNED -> i.assignee = d.getString("assignee");
      case INCIDENT_UPDATED -> { }
      case INCIDENT_ESCALATED -> {
        i.escalations++;
        i.severity = d.getString("severity", raise(i.severity));
      }
      case INCIDENT_RESOLVED -> {
        i.state = "resolved";
        i.resolvedAt = e.atInstant();
      }
      case INCIDENT_REOPENED -> {
        i.state = i.acknowledgedAt == null ? "reported" : "acknowledged";
        i.resolvedAt = null;
      }
      default -> throw new IllegalArgumentException("not an incident event: " + e.type());
    }
    i.addToTimeline(new JsonObject().put("eventId", e.id()).put("type", e.type().wireName())
        .put("at", EventCodec.iso(e.at())).put("receivedAt", e.receivedAt().toString()).put("by", by)
        .put("assignee", d.getString("assignee")).put("note", d.getString("note", d.getString("description"))));
    return true;
  }

  private static String raise(String severity) {
    int i = SEVERITIES.indexOf(severity);
    return SEVERITIES.get(Math.min(SEVERITIES.size() - 1, i + 1));
  }

  private static String verb(EventType type) {
    return IncidentAction.of(type).map(IncidentAction::path).orElse(type.wireName());
  }
}
