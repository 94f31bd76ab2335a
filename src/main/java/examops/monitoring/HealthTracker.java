package examops.monitoring;

import examops.province.Damping;
import examops.vocabulary.HealthStatus;

/**
 * Folds results into a target's health with flap damping: from up or degraded it takes
 * {@code failuresToDown} failed results in a row to go down; from down, {@code successesToUp}
 * answering results in a row to come back. Up and degraded switch at once: both answer, and the
 * board should show slowness as soon as it is seen. The first result of a target with no history
 * is taken as it is, since there is nothing to damp against.
 */
public final class HealthTracker {

  private HealthTracker() {}

  /**
   * @param latencyThresholdMs a result slower than this is degraded; 0 for no threshold
   * @return the new health; {@code previous} unchanged for a result older than the latest applied
   *     (a late agent report must not rewrite the present) or one that reports no status
   */
  public static TargetHealth apply(TargetHealth previous, Observation result, Damping damping, long latencyThresholdMs) {
    if (previous.lastResultAt() != null && result.at().isBefore(previous.lastResultAt())) return previous;
    HealthStatus seen = classify(result, latencyThresholdMs);
    if (seen == HealthStatus.UNKNOWN) return previous;
    boolean failed = seen == HealthStatus.DOWN;
    Long latency = result.latencyMs();
    return switch (previous.status()) {
      case UNKNOWN -> new TargetHealth(seen, result.at(), latency, result.at(), failed ? 1 : 0, failed ? 0 : 1, null);
      case DOWN -> failed
          ? new TargetHealth(HealthStatus.DOWN, previous.since(), latency, result.at(), previous.failures() + 1, 0, null)
          : recovering(previous, result, seen, damping);
      case UP, DEGRADED -> failed
          ? failing(previous, result, damping)
          : new TargetHealth(seen, seen == previous.status() ? previous.since() : result.at(), latency,
              result.at(), 0, previous.successes() + 1, null);
    };
  }

  /** The status one result shows on its own, before damping. */
  public static HealthStatus classify(Observation result, long latencyThresholdMs) {
    if (result.reported() == HealthStatus.DOWN || result.reported() == HealthStatus.UNKNOWN) return result.reported();
    boolean slow = latencyThresholdMs > 0 && result.latencyMs() != null && result.latencyMs() > latencyThresholdMs;
    return result.reported() == HealthStatus.DEGRADED || slow ? HealthStatus.DEGRADED : HealthStatus.UP;
  }

  private static TargetHealth failing(TargetHealth previous, Observation result, Damping damping) {
    int failures = previous.failures() + 1;
    var streakStart = failures == 1 ? result.at() : previous.streakStart();
    if (failures >= damping.failuresToDown()) {
      return new TargetHealth(HealthStatus.DOWN, streakStart, result.latencyMs(), result.at(), failures, 0, null);
    }
    return new TargetHealth(previous.status(), previous.since(), result.latencyMs(), result.at(), failures, 0, streakStart);
  }

  private static TargetHealth recovering(TargetHealth previous, Observation result, HealthStatus seen, Damping damping) {
    int successes = previous.successes() + 1;
    var streakStart = successes == 1 ? result.at() : previous.streakStart();
    if (successes >= damping.successesToUp()) {
      return new TargetHealth(seen, streakStart, result.latencyMs(), result.at(), 0, successes, null);
    }
    return new TargetHealth(HealthStatus.DOWN, previous.since(), result.latencyMs(), result.at(), 0, successes, streakStart);
  }
}
