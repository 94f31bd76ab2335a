package examops.board;

import examops.kafka.LogCut;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * The board as it was at a past moment: the log as received by then (each partition up to its first
 * record received later), started from the newest checkpoint the moment covers, rendered as of that
 * moment. The live board is not touched; the rebuild reads the log with a consumer of its own, on a
 * worker thread.
 */
public final class TimeTravel {

  /** Rebuilds at once; each reads a checkpoint and a stretch of the log, so more would starve the node. */
  static final int MAX_CONCURRENT = 2;

  /** Thrown (as a failed future) when {@link #MAX_CONCURRENT} rebuilds are already running. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("other rebuilds of the past are running; try again in a few seconds", null, false, false);
    }
  }

  private final Vertx vertx;
  private final BoardView view;
  private final PastBoards past;
  private final Semaphore running = new Semaphore(MAX_CONCURRENT);

  public TimeTravel(Vertx vertx, BoardView view, PastBoards past) {
    this.vertx = vertx;
    this.view = view;
    this.past = past;
  }

  /**
   * The snapshot (the same document as the live one) as of {@code at}, plus a {@code replay} section
   * saying it is one: {@code {"at": ..., "events": n, "fromCheckpoint": m}}. Progress is reported on
   * the worker thread.
   */
  public Future<JsonObject> boardAt(Instant at, LogCut.Progress progress) {
    if (!running.tryAcquire()) return Future.failedFuture(new Busy());
    return vertx.<JsonObject>executeBlocking(() -> rebuild(at, progress), false)
        .andThen(done -> running.release());
  }

  /** Blocking: reads the log and renders. */
  JsonObject rebuild(Instant at, LogCut.Progress progress) {
    PastBoards.Rebuilt r = past.at(at, progress);
    return view.snapshot(r.state(), at).put("replay", new JsonObject().put("at", at.toString()).put("events", r.events())
        .put("fromCheckpoint", r.fromCheckpoint()));
  }
}
