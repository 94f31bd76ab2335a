package examops.board;

import examops.kafka.CheckpointStore;
import examops.province.Province;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest usable checkpoint on the checkpoint topic: one that can be read, was written in
 * this version's format and with the same province data, skipping (with a log line) any that cannot.
 * A node's start uses it, and so does every rebuild of a past board. Blocking.
 */
public final class CheckpointReader {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointReader.class);

  private final Province province;
  private final CheckpointStore store;
  private volatile Decoded last;

  /** A checkpoint as read from the topic, at its offset there. */
  private record Decoded(long offset, Checkpoint checkpoint) {}

  public CheckpointReader(Province province, CheckpointStore store) {
    this.province = province;
    this.store = store;
  }

  /**
   * The newest usable checkpoint covering no more than the log received by {@code upTo} (any, when
   * null), its state rebuilt (a new object each time: the caller applies the log to it); empty when
   * there is none or the topic cannot be read.
   */
  public Optional<Checkpoint.Opened> newest(Instant upTo) {
    return newest(upTo, null);
  }

  /**
   * The newest usable checkpoint holding no event that happened at or after {@code happenedBefore}
   * (the events' {@code at}): where a report for a period ending then can start, since every event it
   * covers belongs in that report's reading of the log.
   */
  public Optional<Checkpoint.Opened> newestHappenedBefore(Instant happenedBefore) {
    return newest(null, java.util.Objects.requireNonNull(happenedBefore));
  }

  private Optional<Checkpoint.Opened> newest(Instant upTo, Instant happenedBefore) {
    try {
      return store.newest(upTo, happenedBefore, (offset, bytes) -> {
        // The last checkpoint decoded is kept: steps through time near each other start from the same one.
        Decoded last = this.last;
        Optional<Checkpoint> c = last != null && last.offset() == offset ? Optional.of(last.checkpoint())
            : Checkpoint.decode(bytes, province);
        c.ifPresent(d -> this.last = new Decoded(offset, d));
        return c.filter(d -> happenedBefore == null || d.happenedUpTo() == null || d.happenedUpTo().isBefore(happenedBefore))
            .flatMap(this::open);
      });
    } catch (RuntimeException e) {
      LOG.warn("Checkpoints could not be read ({}); reading the whole log", e.toString());
      return Optional.empty();
    }
  }

  private Optional<Checkpoint.Opened> open(Checkpoint c) {
    try {
      return Optional.of(new Checkpoint.Opened(c, c.state(province)));
    } catch (IllegalArgumentException e) {
      LOG.warn("Skipping a checkpoint whose state cannot be rebuilt: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
