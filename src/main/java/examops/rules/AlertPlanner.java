package examops.rules;

import examops.alert.Alert;
import examops.alert.Alerts;
import examops.alert.AlertCondition;
import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventType;
import examops.incident.UnacknowledgedIncidentRule;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the rules see now and the alerts the log already has into the events that reconcile
 * them: {@code alert.raised} once at onset, {@code alert.cleared} once when the condition ends. Event
 * ids are derived from alert ids, so a second writer (a retry, a restart, a new lease holder) writes
 * the same ids and the reducer applies each only once. Pure.
 */
public final class AlertPlanner {

  private final Set<String> ruleNames;
  private final ZoneId zone;
  private final String source;

  public AlertPlanner(Set<String> ruleNames, ZoneId zone, String source) {
    this.ruleNames = Set.copyOf(ruleNames);
    this.zone = zone;
    this.source = source;
  }

  /**
   * @param desired what the rules see now, by alert id
   * @param alerts the board's alerts
   * @param pending event ids written but not yet read back from the log: not written again
   */
  public List<Event> plan(Map<String, AlertCondition> desired, Alerts alerts, Set<String> pending, Instant now) {
    List<Event> out = new ArrayList<>();
    for (AlertCondition c : desired.values()) {
      if (alerts.get(c.alertId()).isPresent()) continue;
      String id = "raised:" + c.alertId() + ":" + alerts.clearings(c.alertId());
      if (pending.contains(id)) continue;
      out.add(raised(id, c, now));
      if (UnacknowledgedIncidentRule.NAME.equals(c.rule())) out.add(escalation(c, now));
    }
    for (Alert a : alerts.active()) {
      if (!ruleNames.contains(a.rule()) || desired.containsKey(a.id())) continue;
      String id = "cleared:" + a.id() + ":" + alerts.clearings(a.id());
      if (pending.contains(id)) continue;
      out.add(event(id, EventType.ALERT_CLEARED, null, now, new JsonObject().put("alertId", a.id())));
    }
    return out;
  }

  private Event raised(String eventId, AlertCondition c, Instant now) {
    return event(eventId, EventType.ALERT_RAISED, c.district(), now, new JsonObject()
        .put("alertId", c.alertId()).put("rule", c.rule()).put("subject", c.subject())
        .put("severity", c.severity().wireName()).put("message", c.message()).put("messageEn", c.messageEn())
        .put("onset", EventCodec.iso(OffsetDateTime.ofInstant(c.onset(), zone))));
  }

  private Event escalation(AlertCondition c, Instant now) {
    return event("escalated:" + c.alertId(), EventType.INCIDENT_ESCALATED, c.district(), now, new JsonObject()
        .put("incidentId", c.subject()).put("by", source).put("note", c.message()));
  }

  private Event event(String id, EventType type, String district, Instant now, JsonObject data) {
    return new Event(id, type, OffsetDateTime.ofInstant(now, zone), now, source, district, data);
  }
}
