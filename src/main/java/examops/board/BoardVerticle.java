package examops.board;

import examops.cluster.Lease;
import examops.event.EventValidator;
import examops.kafka.DeadLetters;
import examops.kafka.LogReader;
import examops.kafka.ReplayProgress;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Follows the log into the board and publishes one delta per tick on the local event bus
 * ({@link #DELTAS}); web verticles fan it out to their WebSocket clients.
 */
public final class BoardVerticle extends VerticleBase {

  /** Local event-bus address of the serialized delta (and heartbeat) messages. */
  public static final String DELTAS = "examops.board.deltas";
  static final long TICK_MS = 100;
  static final long HEARTBEAT_MS = 2_000;

  private final Board board;
  private final String bootstrap;
  private final String nodeId;
  private final EventValidator validator;
  private final ReferenceCheck references;
  private final Lease lease;
  private DeadLetters deadLetters;
  private LogReader reader;
  private long lastSent;

  /** @param lease only its holder writes dead letters; every node counts them */
  public BoardVerticle(Board board, String bootstrap, String nodeId, EventValidator validator, ReferenceCheck references, Lease lease) {
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
      deadLetters = new DeadLetters(bootstrap, "examops-" + nodeId + "-dlq", lease::held);
      lease.whenHeld(() -> vertx.executeBlocking(() -> {
        deadLetters.takeOver();
        return null;
      }));
      reader = new LogReader(bootstrap, "examops-" + nodeId + "-reader", validator, references::problem, deadLetters, board.sink());
      reader.start();
      return null;
    }).onSuccess(v -> vertx.setPeriodic(TICK_MS, id -> tick()));
  }

  private void tick() {
    JsonObject delta = board.nextDelta();
    long now = System.currentTimeMillis();
    if (delta == null) {
      if (now - lastSent < HEARTBEAT_MS) return;
      delta = new JsonObject().put("type", "heartbeat").put("version", board.sentVersion())
          .put("now", board.clock().instant().toString());
    }
    lastSent = now;
    DeliveryOptions headers = new DeliveryOptions()
        .addHeader("from", String.valueOf(delta.getLong("from", board.sentVersion())))
        .addHeader("version", String.valueOf(delta.getLong("version")));
    vertx.eventBus().publish(DELTAS, delta.encode(), headers);
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
      if (deadLetters != null) deadLetters.close();
      return null;
    });
  }
}
