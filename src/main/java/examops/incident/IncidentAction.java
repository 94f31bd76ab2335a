package examops.incident;

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

  public static Optional<IncidentAction> fromWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
  }
}
