package examops.board;

import examops.event.Event;
import examops.kafka.CheckpointStore;
import examops.kafka.LogCut;
import examops.province.Province;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boards of the past, rebuilt at a cost that does not grow with the log: the newest checkpoint that
 * the moment covers, then the log from the checkpoint's positions up to the moment. Without a usable
 * checkpoint, the whole log. Blocking: run it on a worker.
 */
public final class PastBoards {

  private static final Logger LOG = LoggerFactory.getLogger(PastBoards.class);

  /**
   * A rebuilt board.
   *
   * @param fromCheckpoint the records the checkpoint covered (0 without one)
   * @param events events read from the log after it
   */
  public record Rebuilt(BoardState state, long fromCheckpoint, long events, long records) {}

  private final Province province;
  private final CheckpointReader checkpoints;
  private final LogCut log;

  public PastBoards(Province province, CheckpointStore checkpoints, LogCut log) {
    this.province = province;
    this.checkpoints = new CheckpointReader(province, checkpoints);
    this.log = java.util.Objects.requireNonNull(log);
  }

  /** The newest usable checkpoint covering no more than the log received by {@code upTo} (any, when null). */
  public Optional<Checkpoint.Opened> checkpoint(Instant upTo) {
    return checkpoints.newest(upTo);
  }

  /** The board as of the log received by {@code at} (everything up to now when null). */
  public Rebuilt at(Instant at, LogCut.Progress progress) {
    long t0 = System.nanoTime();
    Optional<Checkpoint.Opened> start = checkpoint(at);
    long opened = System.nanoTime();
    BoardState state = start.map(Checkpoint.Opened::state).orElseGet(() -> new BoardState(province));
    Set<Change> ignored = new HashSet<>();
    LogCut.Result read;
    // The log is read and decoded on this thread while another applies, in the same order.
    try (InOrder apply = new InOrder("examops-history-apply")) {
      read = log.read("examops-history-" + UUID.randomUUID(),
          start.map(o -> o.checkpoint().positions()).orElse(Map.of()), at, e -> apply.run(() -> {
            state.apply(e, ignored);
            ignored.clear();
          }), () -> apply.run(() -> state.deadLettered(1)), progress);
    }
    long fromCheckpoint = start.map(o -> o.checkpoint().records()).orElse(0L);
    LOG.info("Board as of {} rebuilt: a checkpoint of {} records opened in {} ms, then {} records of the log read in {} ms",
        at == null ? "now" : at, fromCheckpoint, (opened - t0) / 1_000_000, read.records(), (System.nanoTime() - opened) / 1_000_000);
    return new Rebuilt(state, fromCheckpoint, read.events(), read.records());
  }

  /** Every event of the log, from its beginning up to now, in log order per partition. */
  public LogCut.Result everything(Consumer<Event> events, Runnable refused, LogCut.Progress progress) {
    return after(Map.of(), events, refused, progress);
  }

  /**
   * The newest usable checkpoint holding only events that happened before {@code end}: a reading of
   * the log for a period ending then (a report) starts from it and reads the log {@link #after} it.
   */
  public Optional<Checkpoint.Opened> checkpointHappenedBefore(Instant end) {
    return checkpoints.newestHappenedBefore(end);
  }

  /** Every event of the log after {@code from} (a checkpoint's positions), up to now, in log order per partition. */
  public LogCut.Result after(Map<org.apache.kafka.common.TopicPartition, Long> from, Consumer<Event> events, Runnable refused,
      LogCut.Progress progress) {
    return log.read("examops-history-" + UUID.randomUUID(), from, null, events, refused, progress);
  }

  public Province province() {
    return province;
  }
}
