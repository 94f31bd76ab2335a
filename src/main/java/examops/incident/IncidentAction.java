package examops.incident;

import examops.event.EventType;
import java.util.Arrays;
import java.util.Optional;

/** The actions of {@code POST /api/v1/incidents/{id}/{action}} and the event each one writes. */
public enum IncidentAction {
  ACKNOWLEDGE("acknowledge", EventType.INCIDENT_ACKNOWLEDGED),
  ASSIGN("assign", EventType.INCIDENT_ASSIGNED),
  UPDATE("update", EventType.INCIDENT_UPDATED),
  ESCALATE("escalate", EventType.INCIDENT_ESCALATED),
  RESOLVE("resolve", EventType.INCIDENT_RESOLVED),
  REOPEN("reopen", EventType.INCIDENT_REOPENED);

  private final String path;
  private final EventType eventType;

  IncidentAction(String path, EventType eventType) {
    this.path = path;
    this.eventType = eventType;
  }

  public String path() {
    return path;
  }

  public EventType eventType() {
    return eventType;
  }

  public static Optional<IncidentAction> fromPath(String path) {
    return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
  }

  public static Optional<IncidentAction> of(EventType type) {
    return Arrays.stream(values()).filter(a -> a.eventType == type).findFirst();
  }
}
