package examops.report;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Collection;

/** Mean and maximum of a set of durations (time to acknowledge, time to resolve). */
public record DurationStats(int count, Duration mean, Duration max) {

  public static DurationStats of(Collection<Duration> durations) {
    if (durations.isEmpty()) return new DurationStats(0, null, null);
    long totalMs = 0;
    Duration max = Duration.ZERO;
    for (Duration d : durations) {
      totalMs += d.toMillis();
      if (d.compareTo(max) > 0) max = d;
    }
    return new DurationStats(durations.size(), Duration.ofMillis(Math.round((double) totalMs / durations.size())), max);
  }

  /** {@code {count, meanSec, maxSec}}; the times are null when nothing was measured. */
  public JsonObject toJson() {
    return new JsonObject().put("count", count)
        .put("meanSec", mean == null ? null : mean.toSeconds())
        .put("maxSec", max == null ? null : max.toSeconds());
  }
}
