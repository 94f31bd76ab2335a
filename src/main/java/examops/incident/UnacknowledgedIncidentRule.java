package examops.incident;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.vocabulary.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A critical incident nobody has acknowledged within the limit: alarm, and escalate it. */
public final class UnacknowledgedIncidentRule implements Rule<Incidents> {

  public static final String NAME = "incident-unacknowledged";
  /** How long a critical incident may wait for someone to take it. */
  public static final Duration CRITICAL_ACK_WITHIN = Duration.ofMinutes(10);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<AlertCondition> evaluate(Incidents incidents, Instant now) {
    List<AlertCondition> out = new ArrayList<>();
    for (Incident i : incidents.all()) {
      if (i.severity() != Severity.CRITICAL || i.state() != IncidentState.REPORTED) continue;
      Duration waiting = i.unacknowledgedFor(now).orElse(Duration.ZERO);
      if (waiting.compareTo(CRITICAL_ACK_WITHIN) < 0) continue;
      Instant onset = i.awaitingSince().plus(CRITICAL_ACK_WITHIN);
      out.add(new AlertCondition(AlertCondition.id(NAME, i.id(), i.awaitingSince()), NAME, i.id(), i.district(),
          Severity.CRITICAL,
          "Sự cố nghiêm trọng chưa được tiếp nhận sau " + waiting.toMinutes() + " phút: " + i.title(),
          "Critical incident not acknowledged for " + waiting.toMinutes() + " min: " + i.title(), onset));
    }
    return out;
  }
}
