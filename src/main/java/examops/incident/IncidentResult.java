package examops.incident;

import java.util.stream.Collectors;

/** The outcome of an action on an incident: the new incident, or why the action is refused. */
public sealed interface IncidentResult {

  /** The action was applied. */
  record Applied(Incident incident) implements IncidentResult {}

  /**
   * The action is not legal in the incident's current state (the HTTP layer answers 409 with it).
   *
   * @param current the state the incident is in
   */
  record Rejected(String incidentId, IncidentState current, IncidentAction action) implements IncidentResult {

    public String message() {
      String allowed = IncidentTransitions.allowed(current).stream()
          .map(IncidentAction::wireName).collect(Collectors.joining(", "));
      return "cannot " + action.wireName() + " incident \"" + incidentId + "\": it is " + current.wireName()
          + (allowed.isEmpty() ? "" : " (allowed: " + allowed + ")");
    }
  }
}
