package examops.province;

import examops.vocabulary.Phase;
import java.time.Duration;
import java.util.Map;

/**
 * An active probe's settings. {@code enabled=false} keeps the settings in the file but tells the
 * prober to leave the target alone (its results then come from outside agents or check-ins).
 *
 * @param url for HTTP probes, else null
 * @param expectStatus for HTTP probes, the status that counts as up, else 0
 * @param host for TCP probes, else null
 * @param port for TCP probes, else 0
 * @param latencyThresholdMs a result slower than this is degraded; 0 when there is no threshold
 * @param phases settings for some exam-clock phases instead of {@code interval} and
 *     {@code latencyThresholdMs} (e.g. tighter on results day); empty for most probes
 */
public record Probe(
    ProbeType type,
    String url,
    int expectStatus,
    String host,
    int port,
    long latencyThresholdMs,
    Duration interval,
    Duration timeout,
    boolean enabled,
    Map<Phase, ProbeTuning> phases) {

  public Probe {
    phases = Map.copyOf(phases);
  }

  /** A probe with the same settings in every phase. */
  public Probe(ProbeType type, String url, int expectStatus, String host, int port, long latencyThresholdMs,
      Duration interval, Duration timeout, boolean enabled) {
    this(type, url, expectStatus, host, port, latencyThresholdMs, interval, timeout, enabled, Map.of());
  }

  /** How often to probe in a phase. */
  public Duration interval(Phase phase) {
    ProbeTuning t = phase == null ? null : phases.get(phase);
    return t == null || t.interval() == null ? interval : t.interval();
  }

  /** The latency above which a result is degraded in a phase; 0 for none. */
  public long latencyThresholdMs(Phase phase) {
    ProbeTuning t = phase == null ? null : phases.get(phase);
    return t == null || t.latencyThresholdMs() <= 0 ? latencyThresholdMs : t.latencyThresholdMs();
  }

  /** The shortest interval of any phase: how often the prober must look at the target at most. */
  public Duration shortestInterval() {
    return phases.values().stream().map(ProbeTuning::interval).filter(i -> i != null)
        .reduce(interval, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }
}
