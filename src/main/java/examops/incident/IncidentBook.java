package examops.incident;

import examops.event.Event;
import examops.event.EventCodec;
import examops.event.Payload;
import examops.vocabulary.Refusal;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every incident, its lifecycle (one table: {@link IncidentTransitions}) and its timeline, which is
 * the incident's own events from the log. The same check answers the HTTP layer (409 for an illegal
 * action) and the reducer (an illegal event read from the log changes nothing).
 */
public final class IncidentBook implements Incidents {

  static final int TIMELINE_LIMIT = 200;

  private final Map<String, Incident> byId = new HashMap<>();
  private final Map<String, List<JsonObject>> timelines = new HashMap<>();
  private final Map<String, String> descriptions = new HashMap<>();

  public Optional<Incident> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Incident> all() {
    return java.util.Collections.unmodifiableCollection(byId.values());
  }

  /** Why this event may not happen to its incident now, or empty when it may. */
  public Optional<Refusal> refusal(Event e) {
    Payload.OfIncident p = e.as(Payload.OfIncident.class);
    String id = p.incidentId();
    Incident current = byId.get(id);
    if (!(p instanceof Payload.IncidentFollowUp followUp)) {
      return current == null ? Optional.empty()
          : Optional.of(Refusal.conflict("incident \"" + id + "\" already exists (it is " + current.state().wireName() + ")"));
    }
    if (current == null) return Optional.of(Refusal.absent("no incident \"" + id + "\""));
    String assignee = followUp.assignee() == null ? "-" : followUp.assignee();
    IncidentResult r = current.apply(IncidentAction.of(e.type()), e.atInstant(), assignee, null);
    return r instanceof IncidentResult.Rejected rejected ? Optional.of(Refusal.conflict(rejected.message())) : Optional.empty();
  }

  /** Applies an incident event; false when the lifecycle does not allow it (nothing changes). */
  public boolean apply(Event e) {
    if (refusal(e).isPresent()) return false;
    Payload.OfIncident p = e.as(Payload.OfIncident.class);
    String id = p.incidentId();
    String by = p.by() == null ? e.source() : p.by();
    Incident next;
    String assignee;
    Severity severity;
    String note;
    if (p instanceof Payload.IncidentReported r) {
      next = Incident.report(id, r.title(), r.severity(), r.category(), e.district(), r.site(), r.targets(), by, e.atInstant());
      assignee = null;
      severity = r.severity();
      note = r.description();
      if (r.description() != null) descriptions.put(id, r.description());
    } else {
      Payload.IncidentFollowUp f = (Payload.IncidentFollowUp) p;
      Incident current = byId.get(id);
      IncidentAction action = IncidentAction.of(e.type());
      Severity raisedTo = f.severity() != null ? f.severity() : action == IncidentAction.ESCALATE ? raised(current.severity()) : null;
      next = ((IncidentResult.Applied) current.apply(action, e.atInstant(), f.assignee(), raisedTo)).incident();
      assignee = f.assignee();
      severity = f.severity();
      note = f.note();
    }
    byId.put(id, next);
    List<JsonObject> timeline = timelines.computeIfAbsent(id, k -> new ArrayList<>());
    if (timeline.size() == TIMELINE_LIMIT) timeline.remove(1); // keep the report, drop the oldest follow-up
    timeline.add(new JsonObject().put("eventId", e.id()).put("type", e.type().wireName())
        .put("at", EventCodec.iso(e.at())).put("receivedAt", e.receivedAt().toString()).put("by", by)
        .put("assignee", assignee).put("severity", severity == null ? null : severity.wireName()).put("note", note));
    return true;
  }

  private static Severity raised(Severity s) {
    return s.ordinal() == 0 ? s : Severity.values()[s.ordinal() - 1];
  }

  public JsonObject toJson(String id) {
    Incident i = byId.get(id);
    if (i == null) return null;
    return new JsonObject()
        .put("id", i.id()).put("title", i.title()).put("severity", i.severity().wireName())
        .put("category", i.category().wireName()).put("district", i.district()).put("site", i.site())
        .put("description", descriptions.get(id))
        .put("targets", new JsonArray(i.targets())).put("state", i.state().wireName()).put("open", i.open())
        .put("reportedBy", i.reporter()).put("assignee", i.assignee())
        .put("reportedAt", str(i.reportedAt())).put("acknowledgedAt", str(i.acknowledgedAt()))
        .put("resolvedAt", str(i.resolvedAt())).put("updatedAt", str(i.updatedAt()))
        .put("awaitingSince", str(i.awaitingSince()))
        .put("timeToAcknowledgeSec", i.timeToAcknowledge().map(Duration::toSeconds).orElse(null))
        .put("timeToResolveSec", i.timeToResolve().map(Duration::toSeconds).orElse(null))
        .put("escalations", i.escalations())
        .put("allowed", new JsonArray(IncidentTransitions.allowed(i.state()).stream().map(IncidentAction::wireName).sorted().toList()))
        .put("timeline", new JsonArray(new ArrayList<>(timelines.getOrDefault(id, List.of()))));
  }

  /** The book as saved in a checkpoint. */
  public JsonObject save() {
    JsonArray all = new JsonArray();
    new java.util.TreeMap<>(byId).forEach((id, i) -> all.add(new JsonObject().put("incident", i.save())
        .put("timeline", new JsonArray(new ArrayList<>(timelines.getOrDefault(id, List.of()))))
        .put("description", descriptions.get(id))));
    return new JsonObject().put("all", all);
  }

  /** A book as {@link #save()} wrote it. */
  public static IncidentBook restore(JsonObject saved) {
    IncidentBook book = new IncidentBook();
    for (Object o : saved.getJsonArray("all")) {
      JsonObject j = (JsonObject) o;
      Incident i = Incident.restore(j.getJsonObject("incident"));
      book.byId.put(i.id(), i);
      List<JsonObject> timeline = new ArrayList<>();
      j.getJsonArray("timeline").forEach(t -> timeline.add((JsonObject) t));
      book.timelines.put(i.id(), timeline);
      if (j.getString("description") != null) book.descriptions.put(i.id(), j.getString("description"));
    }
    return book;
  }

  private static String str(java.time.Instant t) {
    return t == null ? null : t.toString();
  }
}
