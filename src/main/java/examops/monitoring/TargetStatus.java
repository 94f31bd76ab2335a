package examops.monitoring;

import java.time.Instant;

/**
 * What the board knows of a monitored target.
 *
 * @param since when the target entered its current status (sender's time)
 */
public record TargetStatus(String status, Instant since, Instant lastAt, Double latencyMs, String detail, String source) {

  public static final TargetStatus UNKNOWN = new TargetStatus("unknown", null, null, null, null, null);

  /** The status after one more probe result. */
  public TargetStatus next(String newStatus, Instant at, Double latency, String newDetail, String by) {
    if (lastAt != null && at.isBefore(lastAt)) return this; // an older result arriving late changes nothing
    Instant newSince = newStatus.equals(status) && since != null ? since : at;
    return new TargetStatus(newStatus, newSince, at, latency, newDetail, by);
  }
}
