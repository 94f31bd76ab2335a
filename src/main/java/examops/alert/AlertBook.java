package examops.alert;

import examops.event.Event;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The active alerts: raised and not yet cleared. */
public final class AlertBook {

  private final Map<String, Alert> active = new HashMap<>();

  /** Returns false when the event changes nothing (a clear or acknowledgement of no active alert). */
  public boolean apply(Event e) {
    JsonObject d = e.data();
    String id = d.getString("alertId");
    switch (e.type()) {
      case ALERT_RAISED -> {
        if (active.containsKey(id)) return false;
        active.put(id, new Alert(id, d.getString("rule"), d.getString("subject"), d.getString("severity"),
            d.getString("message"), e.atInstant(), null, null));
        return true;
      }
      case ALERT_CLEARED -> {
        return active.remove(id) != null;
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

  public Optional<Alert> get(String id) {
    return Optional.ofNullable(active.get(id));
  }

  public Collection<Alert> active() {
    return active.values();
  }
}
