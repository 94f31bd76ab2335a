package examops.monitoring;

import examops.vocabulary.HealthStatus;
import java.time.Instant;

/**
 * A target's damped health, as the board shows it.
 *
 * @param since when the current status began (for a damped change, the first result of the streak
 *     that confirmed it, which is when the outage or recovery really began)
 * @param latencyMs the latest latency, or null
 * @param lastResultAt the latest result applied, or null before any
 * @param failures consecutive failed results
 * @param successes consecutive successful results
 * @param streakStart the first result of the current streak against the status, or null
 */
public record TargetHealth(
    HealthStatus status,
    Instant since,
    Long latencyMs,
    Instant lastResultAt,
    int failures,
    int successes,
    Instant streakStart) {

  public static TargetHealth unknown() {
    return new TargetHealth(HealthStatus.UNKNOWN, null, null, null, 0, 0, null);
  }
}
