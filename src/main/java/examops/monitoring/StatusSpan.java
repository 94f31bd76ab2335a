package examops.monitoring;

import examops.vocabulary.HealthStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a target's time went over [from, to): one status held throughout ({@code mix} null), or, for
 * a minute in which it changed often (see {@link StatusTimeline}), how long it held each status
 * ({@code mix}; the rest of the span had no data and {@code status} is the one held longest).
 */
public record StatusSpan(Instant from, Instant to, HealthStatus status, Mix mix) {

  /** Milliseconds up, degraded and down within a mixed span. */
  public record Mix(long upMs, long degradedMs, long downMs) {

    /** The status held longest (unknown when none was held). */
    HealthStatus longest() {
      if (upMs == 0 && degradedMs == 0 && downMs == 0) return HealthStatus.UNKNOWN;
      if (downMs >= degradedMs && downMs >= upMs) return HealthStatus.DOWN;
      return degradedMs >= upMs ? HealthStatus.DEGRADED : HealthStatus.UP;
    }
  }

  public StatusSpan(Instant from, Instant to, HealthStatus status) {
    this(from, to, status, null);
  }

  /** A span in which the status changed too often to keep each change (a mixed minute). */
  public static StatusSpan mixed(Instant from, Instant to, Mix mix) {
    return new StatusSpan(from, to, mix.longest(), mix);
  }

  public boolean isMixed() {
    return mix != null;
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
