package examops.board;

import java.time.Duration;
import java.util.Map;

/**
 * How often the lease holder saves the board to the checkpoint topic: once {@code records} records
 * were applied since the last checkpoint, or once {@code every} has passed with anything applied
 * (and when the start-up replay catches up). A restart then reads at most about that much of the log.
 *
 * <p>{@code EXAMOPS_CHECKPOINT_EVERY} (ISO-8601 duration, default PT1M) and
 * {@code EXAMOPS_CHECKPOINT_RECORDS} (default 100000); {@code EXAMOPS_CHECKPOINT_RECORDS=0} turns
 * checkpoints off (every restart reads the whole log).
 */
public record CheckpointPolicy(Duration every, long records, boolean startFromCheckpoint) {

  public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(Duration.ofMinutes(1), 100_000, true);
  /** No checkpoints at all: every start reads the whole log. */
  public static final CheckpointPolicy OFF = new CheckpointPolicy(Duration.ofMinutes(1), 0, false);

  /** Whether checkpoints are written. */
  public boolean enabled() {
    return records > 0;
  }

  /** The same, but the board starts from the log's beginning whatever checkpoints there are (a benchmark's passes). */
  public CheckpointPolicy fromTheBeginning() {
    return new CheckpointPolicy(every, records, false);
  }

  public static CheckpointPolicy fromEnvironment(Map<String, String> env) {
    String every = env.get("EXAMOPS_CHECKPOINT_EVERY");
    String records = env.get("EXAMOPS_CHECKPOINT_RECORDS");
    try {
      long n = records == null || records.isBlank() ? DEFAULT.records() : Long.parseLong(records.trim());
      return new CheckpointPolicy(every == null || every.isBlank() ? DEFAULT.every() : Duration.parse(every.trim()), n, n > 0);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("EXAMOPS_CHECKPOINT_EVERY must be an ISO-8601 duration (e.g. PT1M) and "
          + "EXAMOPS_CHECKPOINT_RECORDS a whole number; got '" + every + "', '" + records + "'", e);
    }
  }
}
