package examops.province;

import java.time.Duration;

/**
 * An active probe's settings. {@code enabled=false} keeps the settings in the file but tells the
 * prober to leave the target alone (its results then come from outside agents or check-ins).
 *
 * @param url for HTTP probes, else null
 * @param expectStatus for HTTP probes, the status that counts as up, else 0
 * @param host for TCP probes, else null
 * @param port for TCP probes, else 0
 * @param latencyThresholdMs a result slower than this is degraded; 0 when there is no threshold
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
    boolean enabled) {}
