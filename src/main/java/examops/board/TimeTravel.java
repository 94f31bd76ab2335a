package examops.board;

import examops.event.EventValidator;
import examops.kafka.LogHistory;
import examops.kafka.RecordDecoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * The board as it was at a past moment: a fresh {@link BoardState} fed with every event ExamOps had
 * received by then (the Kafka record time), rendered as of that moment. The live board is not
 * touched; the rebuild reads the log with a consumer of its own, on a worker thread.
 */
public final class TimeTravel {

  /** Rebuilds at once; each reads the whole log up to its moment, so more would starve the node. */
  static final int MAX_CONCURRENT = 2;

  /** Thrown (as a failed future) when {@link #MAX_CONCURRENT} rebuilds are already running. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("other rebuilds of the past are running; try again in a few seconds", null, false, false);
    }
  }

  private final Vertx vertx;
  private final BoardView view;
  private final LogHistory history;
  private final Semaphore running = new Semaphore(MAX_CONCURRENT);

  public TimeTravel(Vertx vertx, BoardView view, String bootstrap, EventValidator validator, ReferenceCheck references) {
    this.vertx = vertx;
    this.view = view;
    this.history = new LogHistory(bootstrap, new RecordDecoder(validator, references::problem));
  }

  /**
   * The snapshot (the same document as the live one) as of {@code at}, plus a {@code replay} section
   * saying it is one: {@code {"at": ..., "events": n}}. Progress is reported on the worker thread.
   */
  public Future<JsonObject> boardAt(Instant at, LogHistory.Progress progress) {
    if (!running.tryAcquire()) return Future.failedFuture(new Busy());
    return vertx.<JsonObject>executeBlocking(() -> rebuild(at, progress), false)
        .andThen(done -> running.release());
  }

  /** Blocking: reads the log and renders. */
  JsonObject rebuild(Instant at, LogHistory.Progress progress) {
    BoardState state = new BoardState(view.province());
    Set<Change> ignored = new HashSet<>();
    long events = history.replay(at, "examops-time-travel-" + UUID.randomUUID(), e -> {
      state.apply(e, ignored);
      ignored.clear();
    }, progress);
    return view.snapshot(state, at).put("replay", new JsonObject().put("at", at.toString()).put("events", events));
  }
}
