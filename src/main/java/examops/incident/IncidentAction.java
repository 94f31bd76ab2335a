package examops.incident;

import examops.event.EventType;
import examops.vocabulary.WireNames;
import java.util.Arrays;
import java.util.Optional;

/** What can be done to an incident; wire names are the HTTP actions ({@code POST .../{action}}). */
public enum IncidentAction {
  REPORT("report"),
  ACKNOWLEDGE("acknowledge"),
  ASSIGN("assign"),
  UPDATE("update"),
  ESCALATE("escalate"),
  RESOLVE("resolve"),
  REOPEN("reopen");

  private final String wireName;

  IncidentAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The event an action writes to the log. */
  public EventType eventType() {
    return switch (this) {
      case REPORT -> EventType.INCIDENT_REPORTED;
      case ACKNOWLEDGE -> EventType.INCIDENT_ACKNOWLEDGED;
      case ASSIGN -> EventType.INCIDENT_ASSIGNED;
      case UPDATE -> EventType.INCIDENT_UPDATED;
      case ESCALATE -> EventType.INCIDENT_ESCALATED;
      case RESOLVE -> EventType.INCIDENT_RESOLVED;
      case REOPEN -> EventType.INCIDENT_REOPENED;
    };
  }

  /** The action behind an incident event. */
  public static IncidentAction of(EventType type) {
    return Arrays.stream(values()).filter(a -> a.eventType() == type).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an incident event: " + type));
  }

  private static final WireNames<IncidentAction> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<IncidentAction> fromWireName(String name) {
    return NAMES.find(name);
  }
}
