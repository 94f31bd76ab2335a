package examops.alert;

import examops.event.Event;
import examops.event.EventType;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The active alerts: raised and not yet cleared. */
public final class AlertBook {

  private final Map<String, Alert> active = new HashMap<>();
  /** How often each alert id has been cleared: the same condition can come back (after maintenance, say). */
  private final Map<String, Integer> clearings = new HashMap<>();

  /** Returns false when the event changes nothing (a clear or acknowledgement of no active alert). */
  public boolean apply(Event e) {
    JsonObject d = e.data();
    String id = d.getString("alertId");
    switch (e.type()) {
      case ALERT_RAISED -> {
        if (active.containsKey(id)) return false;
        active.put(id, new Alert(id, d.getString("rule"), d.getString("subject"), d.getString("severity"),
            d.getString("message"), e.atInstant(), null, null, e.district(), d.getString("messageEn")));
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
        active.put(id, a.acknowledged(e.atInstant(), d.getString("by", e.source())));
        return true;
      }
      default -> throw new IllegalArgumentException("not an alert event: " + e.type());
    }
  }

  /** Why an acknowledgement may not happen now (404 for no such active alert, 409 for done already). */
  public Optional<String> refusal(Event e) {
    if (e.type() != EventType.ALERT_ACKNOWLEDGED) return Optional.empty();
    Alert a = active.get(e.data().getString("alertId"));
    if (a == null) return Optional.of("no active alert \"" + e.data().getString("alertId") + "\"");
    if (a.acknowledgedAt() != null) return Optional.of("alert already acknowledged by " + a.acknowledgedBy());
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
    return active.values();
  }
}
