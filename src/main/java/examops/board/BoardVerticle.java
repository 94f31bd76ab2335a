package examops.board;

import examops.cluster.Lease;
import examops.event.EventValidator;
import examops.kafka.BrokerWatch;
import examops.kafka.DeadLetters;
import examops.kafka.FencedProducer;
import examops.kafka.LogReader;
import examops.kafka.ReplayProgress;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import examops.kafka.CheckpointStore;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the log into the board and publishes one delta per tick on the local event bus
 * ({@link #DELTAS}); web verticles fan it out to their WebSocket clients.
 */
public final class BoardVerticle extends VerticleBase {

  /** Local event-bus address of the serialized delta (and heartbeat) messages. */
  public static final String DELTAS = "examops.board.deltas";
  /** The same for the restricted audience (no need-to-know incidents); the same string when nothing is hidden. */
  public static final String DELTAS_RESTRICTED = "examops.board.deltas.restricted";
  static final long TICK_MS = 100;
  static final long HEARTBEAT_MS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(BoardVerticle.class);

  private final Board board;
  private final String bootstrap;
  private final String nodeId;
  private final EventValidator validator;
  private final ReferenceCheck references;
  private final Lease lease;
  private final CheckpointPolicy checkpoints;
  private CheckpointStore checkpointStore;
  private CheckpointWriter checkpointWriter;
  private DeadLetters deadLetters;
  private LogReader reader;
  private BrokerWatch brokerWatch;
  private long lastSent;
  private FencedProducer checkpointWriterOfLease;

  /** @param lease only its holder writes dead letters; every node counts them */
  public BoardVerticle(Board board, String bootstrap, String nodeId, EventValidator validator, ReferenceCheck references, Lease lease) {
    this(board, bootstrap, nodeId, validator, references, lease, CheckpointPolicy.DEFAULT);
  }

  /** @param checkpoints how often the lease holder saves the board; every node starts from the newest saved one */
  public BoardVerticle(Board board, String bootstrap, String nodeId, EventValidator validator, ReferenceCheck references,
      Lease lease, CheckpointPolicy checkpoints) {
    this.checkpoints = checkpoints;
    this.board = board;
    this.bootstrap = bootstrap;
    this.nodeId = nodeId;
    this.validator = validator;
    this.references = references;
    this.lease = lease;
  }

  @Override
  public Future<?> start() {
    board.bind(context);
    board.progress(ReplayProgress.starting());
    return vertx.executeBlocking(() -> {
      checkpointStore = new CheckpointStore(bootstrap, "examops-" + nodeId + "-checkpoints");
      if (checkpointWriterOfLease != null) checkpointStore.writeThrough(checkpointWriterOfLease);
      return checkpoints.startFromCheckpoint() ? newestCheckpoint() : Optional.<Checkpoint.Opened>empty();
    }).compose(start -> {
      start.ifPresent(board::restore);
      checkpointWriter = new CheckpointWriter(vertx, board, checkpointStore, checkpoints);
      checkpointWriter.restoredAt(board.records());
      Map<TopicPartition, Long> from = start.map(o -> o.checkpoint().positions()).orElse(Map.of());
      return vertx.executeBlocking(() -> {
        deadLetters = new DeadLetters(bootstrap, "examops-" + nodeId + "-dlq", lease::held);
        lease.whenHeld(() -> vertx.executeBlocking(() -> {
          deadLetters.takeOver();
          return null;
        }));
        reader = new LogReader(bootstrap, "examops-" + nodeId + "-reader", validator, references::problem, deadLetters,
            board.sink(), from);
        reader.start();
        brokerWatch = new BrokerWatch(bootstrap, "examops-" + nodeId + "-watch", board.clock()).start();
        return null;
      });
    }).onSuccess(v -> vertx.setPeriodic(TICK_MS, id -> tick()));
  }

  /** Checkpoints go through the lease holder's fenced writer (set before deployment). */
  public BoardVerticle checkpointsThrough(FencedProducer writer) {
    this.checkpointWriterOfLease = writer;
    return this;
  }

  /** The newest checkpoint that can be used (older ones are tried when the newest cannot), or none. */
  private Optional<Checkpoint.Opened> newestCheckpoint() {
    long t0 = System.nanoTime();
    Optional<Checkpoint.Opened> found = new CheckpointReader(board.province(), checkpointStore).newest(null);
    found.ifPresentOrElse(
        o -> LOG.info("Starting from checkpoint {} ({} records of the log, read in {} ms)", o.checkpoint().key(),
            o.checkpoint().records(), (System.nanoTime() - t0) / 1_000_000),
        () -> LOG.info("No usable checkpoint: reading the log from its beginning"));
    return found;
  }

  private void tick() {
    checkBroker();
    if (lease.held()) checkpointWriter.tick();
    Board.Delta delta = board.nextDelta();
    long now = System.currentTimeMillis();
    if (delta == null) {
      if (now - lastSent < HEARTBEAT_MS) return;
      JsonObject heartbeat = new JsonObject().put("type", "heartbeat").put("version", board.sentVersion())
          .put("now", board.clock().instant().toString()).put("stale", board.brokerLoss() != null);
      delta = new Board.Delta(heartbeat, heartbeat);
    }
    lastSent = now;
    publish(delta);
  }

  /** Tells the clients at once when the board goes out of date (Kafka cannot be reached) and when it is live again. */
  private void checkBroker() {
    BrokerWatch.Loss loss = brokerWatch.loss();
    if ((loss == null) == (board.brokerLoss() == null)) return;
    board.brokerLoss(loss);
    JsonObject status = status(board.sentVersion(), loss, board.clock().instant());
    publish(new Board.Delta(status, status));
  }

  /** {@code {"type":"status","stale":true,"since":...,"reason":...}}; {@code stale:false} when live again. */
  static JsonObject status(long version, BrokerWatch.Loss loss, java.time.Instant now) {
    JsonObject m = new JsonObject().put("type", "status").put("version", version).put("now", now.toString())
        .put("stale", loss != null);
    if (loss != null) m.put("since", loss.since().toString()).put("reason", "the event log (Kafka) cannot be reached: " + loss.error());
    return m;
  }

  private void publish(Board.Delta delta) {
    DeliveryOptions headers = new DeliveryOptions()
        .addHeader("from", String.valueOf(delta.full().getLong("from", board.sentVersion())))
        .addHeader("version", String.valueOf(delta.full().getLong("version")));
    String full = delta.full().encode();
    vertx.eventBus().publish(DELTAS, full, headers);
    vertx.eventBus().publish(DELTAS_RESTRICTED, delta.restricted() == delta.full() ? full : delta.restricted().encode(), headers);
  }

  /** The cluster's brokers as the broker watch last saw them (none before it started). */
  public BrokerWatch.Brokers brokers() {
    return brokerWatch == null ? null : brokerWatch.brokers();
  }

  /** The log reader's Kafka consumer, for its metrics; null before the verticle started. */
  public org.apache.kafka.clients.consumer.Consumer<String, byte[]> readerClient() {
    return reader == null ? null : reader.client();
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  public ReplayProgress readerProgress() {
    return reader == null ? null : reader.progress();
  }

  @Override
  public Future<?> stop() {
    return vertx.executeBlocking(() -> {
      if (reader != null) reader.close();
      return null;
    }).compose(v -> {
      // The reader has stopped: what the board holds now is all it will apply (taken on its context).
      Checkpoint last = checkpointWriter == null ? null : checkpointWriter.lastBeforeStop();
      return vertx.executeBlocking(() -> {
        if (last != null) checkpointWriter.saveBeforeStop(last);
        if (checkpointStore != null) checkpointStore.close();
        if (deadLetters != null) deadLetters.close();
        if (brokerWatch != null) brokerWatch.close();
        return null;
      });
    });
  }
}
