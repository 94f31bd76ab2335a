package examops.board;

import examops.kafka.CheckpointStore;
import io.vertx.core.Vertx;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the board to the checkpoint topic when {@link CheckpointPolicy} says so: the state is taken
 * on the board's context (a consistent cut: the state after a whole batch, and the positions that
 * batch ended at), encoded and written on a worker, one checkpoint at a time.
 *
 * <p>Checkpoints cost at most about {@link #SHARE} of the time: when checkpoints take t of processor
 * time (taking one on the board's thread and encoding it on a worker; the median of the last three),
 * the next waits at least t / {@link #SHARE} after the last. Processor time, not elapsed time: on a busy machine a small checkpoint must not
 * look expensive because its threads waited for a core. While a large backlog is read, when
 * 100,000 records take half a second, this spaces them out instead of saving every second.
 */
final class CheckpointWriter {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);
  /** The share of the time checkpoints may take. */
  static final double SHARE = 0.03;

  private final Vertx vertx;
  private final Board board;
  private final CheckpointStore store;
  private final CheckpointPolicy policy;
  private long savedRecords;
  private long savedAt = System.nanoTime();
  /** What the last three checkpoints took, on the board and encoding them (newest last). */
  private final java.util.ArrayDeque<Long> costs = new java.util.ArrayDeque<>();
  private boolean writing;
  private boolean caughtUpSaved;
  /** Whether this node wrote checkpoints lately (it held the lease at a tick): it saves one more on the way out. */
  private boolean holder;

  CheckpointWriter(Vertx vertx, Board board, CheckpointStore store, CheckpointPolicy policy) {
    this.vertx = vertx;
    this.board = board;
    this.store = store;
    this.policy = policy;
  }

  /** Starts counting from what the board was restored with. */
  void restoredAt(long records) {
    savedRecords = records;
  }

  /** Called on the board's context each tick, by the lease holder only. */
  void tick() {
    holder = true;
    if (!policy.enabled() || writing) return;
    long since = board.records() - savedRecords;
    if (since <= 0) return;
    boolean catchUp = board.caughtUp() && !caughtUpSaved;
    long now = System.nanoTime();
    boolean due = since >= policy.records() || now - savedAt >= policy.every().toNanos() || catchUp;
    if (due && now - savedAt >= cost() / SHARE) save(catchUp);
  }

  private void save(boolean catchUp) {
    long t0 = System.nanoTime();
    long cpu0 = cpuTime();
    Checkpoint c = board.checkpoint();
    long taken = System.nanoTime() - t0;
    long takenCpu = cpuTime() - cpu0;
    writing = true;
    long[] worker = new long[1];
    vertx.executeBlocking(() -> {
      long w0 = cpuTime();
      byte[] bytes = c.encode(board.province());
      worker[0] = cpuTime() - w0; // the work; waiting for the broker's acknowledgement costs no processor
      store.write(c.key(), c.receivedUpTo() == null ? Instant.EPOCH : c.receivedUpTo(), c.happenedUpTo(), bytes);
      return bytes.length;
    }, false).onComplete(r -> {
      writing = false;
      savedAt = System.nanoTime();
      costs.addLast(takenCpu + worker[0]);
      if (costs.size() > 3) costs.removeFirst();
      if (r.succeeded()) {
        savedRecords = c.records();
        if (catchUp) caughtUpSaved = true;
        LOG.info("Checkpoint {} saved: {} records of the log, {} KB ({} ms on the board, {} ms of processor time encoding)",
            c.key(), c.records(), r.result() / 1024, taken / 1_000_000, worker[0] / 1_000_000);
      } else {
        LOG.warn("Checkpoint not saved ({}); the next one is tried in {}", r.cause().toString(), policy.every());
      }
    });
  }

  /**
   * On a clean stop, the board as it stands (null when there is nothing new to save, or another node
   * writes the checkpoints), so that the next start reads little more than the checkpoint. Called on the
   * board's context.
   */
  Checkpoint lastBeforeStop() {
    if (!policy.enabled() || !holder || writing || board.records() == savedRecords) return null;
    return board.checkpoint();
  }

  /** Writes {@link #lastBeforeStop()}'s checkpoint; blocking. */
  void saveBeforeStop(Checkpoint c) {
    try {
      store.write(c.key(), c.receivedUpTo() == null ? Instant.EPOCH : c.receivedUpTo(), c.happenedUpTo(), c.encode(board.province()));
      LOG.info("Checkpoint {} saved on stopping: {} records of the log", c.key(), c.records());
    } catch (RuntimeException e) {
      LOG.warn("No checkpoint on stopping ({}); the next start reads the log from the last one", e.toString());
    }
  }

  /**
   * What a checkpoint costs now: the median of the last three (the smaller of the first two). One
   * checkpoint made slow by the JIT still compiling, or by a collection, does not hold the next one
   * back for long: the first checkpoint of a start often costs several times what the next ones do.
   */
  private long cost() {
    return typical(costs);
  }

  /** The median of three costs, the smaller of two, 0 of none. */
  static long typical(java.util.Collection<Long> costs) {
    if (costs.isEmpty()) return 0;
    java.util.List<Long> sorted = costs.stream().sorted().toList();
    return sorted.size() >= 3 ? sorted.get(sorted.size() / 2) : sorted.get(0);
  }

  /** The current thread's processor time in nanoseconds (elapsed time where the JVM cannot tell). */
  private static long cpuTime() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
  }
}
