package examops.incident;

import static examops.incident.IncidentAction.ACKNOWLEDGE;
import static examops.incident.IncidentAction.ASSIGN;
import static examops.incident.IncidentAction.ESCALATE;
import static examops.incident.IncidentAction.REOPEN;
import static examops.incident.IncidentAction.RESOLVE;
import static examops.incident.IncidentAction.UPDATE;
import static examops.incident.IncidentState.ACKNOWLEDGED;
import static examops.incident.IncidentState.ASSIGNED;
import static examops.incident.IncidentState.REPORTED;
import static examops.incident.IncidentState.RESOLVED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal lifecycle moves, as one table. Anything not in it is illegal.
 *
 * <p>Choices: assigning a reported incident takes ownership, so it also acknowledges it; escalation
 * is allowed before acknowledgement (that is when the rule escalates an ignored critical); resolving
 * needs acknowledgement first so time-to-acknowledge is always measured; a reopened incident goes
 * back to reported, so it must be picked up again and the not-acknowledged rule watches it again.
 */
public final class IncidentTransitions {

  private static final Map<IncidentState, Map<IncidentAction, IncidentState>> TABLE = new EnumMap<>(IncidentState.class);

  static {
    TABLE.put(REPORTED, Map.of(ACKNOWLEDGE, ACKNOWLEDGED, ASSIGN, ASSIGNED, UPDATE, REPORTED, ESCALATE, REPORTED));
    TABLE.put(ACKNOWLEDGED, Map.of(ASSIGN, ASSIGNED, UPDATE, ACKNOWLEDGED, ESCALATE, ACKNOWLEDGED, RESOLVE, RESOLVED));
    TABLE.put(ASSIGNED, Map.of(ASSIGN, ASSIGNED, UPDATE, ASSIGNED, ESCALATE, ASSIGNED, RESOLVE, RESOLVED));
    TABLE.put(RESOLVED, Map.of(REOPEN, REPORTED));
  }

  private IncidentTransitions() {}

  /** The state after {@code action} in {@code current}; empty when the move is illegal. */
  public static Optional<IncidentState> next(IncidentState current, IncidentAction action) {
    return Optional.ofNullable(TABLE.get(current).get(action));
  }

  /** The actions legal in a state, for error messages and for the UI's buttons. */
  public static Set<IncidentAction> allowed(IncidentState current) {
    Set<IncidentAction> actions = EnumSet.noneOf(IncidentAction.class);
    actions.addAll(TABLE.get(current).keySet());
    return actions;
  }
}
