package examops.province;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A monitored target: a service, a server room or one of an exam site's links.
 *
 * @param district the district it belongs to, or null for provincial targets
 * @param site the exam site id for site links, else null
 * @param dependsOn ids of the targets it cannot work without (a fax depends on its site's line);
 *     when one of them is down, this target's failure is folded into that cause
 * @param probe the active probe, or null when results only come from agents and check-ins
 * @param downAlertAfter how long the target must stay down before the rule raises an alert
 */
public record Target(
    String id,
    LocalizedText name,
    TargetKind kind,
    String district,
    String site,
    List<String> dependsOn,
    Probe probe,
    Damping damping,
    Duration downAlertAfter) {

  public Target {
    dependsOn = List.copyOf(dependsOn);
  }

  public Optional<Probe> activeProbe() {
    return probe != null && probe.enabled() ? Optional.of(probe) : Optional.empty();
  }

  /** The latency above which a result counts as degraded, 0 when the target has none. */
  public long latencyThresholdMs() {
    return probe == null ? 0 : probe.latencyThresholdMs();
  }

  /** The latency threshold in force in an exam-clock phase (the probe's phase settings, else its own). */
  public long latencyThresholdMs(examops.vocabulary.Phase phase) {
    return probe == null ? 0 : probe.latencyThresholdMs(phase);
  }
}
