package examops.alert;

import examops.event.Event;
import examops.event.EventType;
import examops.event.Payload;
import examops.vocabulary.Refusal;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The active alerts: raised and not yet cleared. */
public final class AlertBook implements Alerts {

  private final Map<String, Alert> active = new HashMap<>();
  /** How often each alert id has been cleared: the same condition can come back (after maintenance, say). */
  private final Map<String, Integer> clearings = new HashMap<>();
  /** Every alert raised, for the report (alerts are counted once per onset). */
  private final List<Raised> raised = new ArrayList<>();

  /** An alert as raised: when, by which rule, how severe, where. */
  public record Raised(Instant at, String alertId, String rule, Severity severity, String district) {}

  /** Returns false when the event changes nothing (a clear or acknowledgement of no active alert). */
  public boolean apply(Event e) {
    String id = e.as(Payload.OfAlert.class).alertId();
    switch (e.type()) {
      case ALERT_RAISED -> {
        if (active.containsKey(id)) return false;
        Payload.AlertRaised r = e.as(Payload.AlertRaised.class);
        active.put(id, new Alert(id, r.rule(), r.subject(), r.severity(), r.message(), e.atInstant(), null, null, e.district(),
            r.messageEn()));
        raised.add(new Raised(e.atInstant(), id, r.rule(), r.severity(), e.district()));
        return true;
      }
      case ALERT_CLEARED -> {
        if (active.remove(id) == null) return false;
        clearings.merge(id, 1, Integer::sum);
        return true;
      }
      case ALERT_ACKNOWLEDGED -> {
        Alert a = active.get(id);
        if (a == null || a.acknowledgedAt() != null) return false;
        String by = e.as(Payload.AlertFollowUp.class).by();
        active.put(id, a.acknowledged(e.atInstant(), by == null ? e.source() : by));
        return true;
      }
      default -> throw new IllegalArgumentException("not an alert event: " + e.type());
    }
  }

  /** Why an acknowledgement may not happen now (no such active alert, or acknowledged already). */
  public Optional<Refusal> refusal(Event e) {
    if (e.type() != EventType.ALERT_ACKNOWLEDGED) return Optional.empty();
    String id = e.as(Payload.OfAlert.class).alertId();
    Alert a = active.get(id);
    if (a == null) return Optional.of(Refusal.absent("no active alert \"" + id + "\""));
    if (a.acknowledgedAt() != null) return Optional.of(Refusal.conflict("alert already acknowledged by " + a.acknowledgedBy()));
    return Optional.empty();
  }

  /** How many times this alert has been cleared before: the generation of its next raise. */
  public int clearings(String id) {
    return clearings.getOrDefault(id, 0);
  }

  public Optional<Alert> get(String id) {
    return Optional.ofNullable(active.get(id));
  }

  public Collection<Alert> active() {
    return java.util.Collections.unmodifiableCollection(active.values());
  }

  /** Every alert raised, in time order (then by id: the same whatever order the log was read in). */
  public List<Raised> raised() {
    List<Raised> out = new ArrayList<>(raised);
    out.sort(Comparator.comparing(Raised::at).thenComparing(Raised::alertId));
    return out;
  }

  /** The book as saved in a checkpoint. */
  public JsonObject save() {
    JsonArray alerts = new JsonArray();
    new java.util.TreeMap<>(active).values().forEach(a -> alerts.add(a.save()));
    JsonArray history = new JsonArray();
    raised().forEach(r -> history.add(new JsonArray().add(r.at().toString()).add(r.alertId()).add(r.rule())
        .add(r.severity().wireName()).add(r.district())));
    return new JsonObject().put("active", alerts).put("clearings", new JsonObject(new HashMap<>(clearings))).put("raised", history);
  }

  /** A book as {@link #save()} wrote it. */
  public static AlertBook restore(JsonObject saved) {
    AlertBook book = new AlertBook();
    for (Object o : saved.getJsonArray("active")) {
      Alert a = Alert.restore((JsonObject) o);
      book.active.put(a.id(), a);
    }
    saved.getJsonObject("clearings").forEach(e -> book.clearings.put(e.getKey(), ((Number) e.getValue()).intValue()));
    for (Object o : saved.getJsonArray("raised")) {
      JsonArray r = (JsonArray) o;
      book.raised.add(new Raised(Instant.parse(r.getString(0)), r.getString(1), r.getString(2),
          Severity.fromWireName(r.getString(3)).orElseThrow(), r.getString(4)));
    }
    return book;
  }
}
