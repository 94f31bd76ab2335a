package examops.monitoring;

import examops.vocabulary.HealthStatus;
import java.time.Instant;

/**
 * One result for a target, from a probe, an agent or a check-in.
 *
 * @param reported the status the source reported (up, degraded or down)
 * @param latencyMs the measured latency, or null when the source gives none
 */
public record Observation(Instant at, HealthStatus reported, Long latencyMs) {}
