package examops.web;

import examops.board.Board;
import examops.board.ReferenceCheck;
import examops.board.PastBoards;
import examops.board.TimeTravel;
import examops.event.EventValidator;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/board?at=<ISO instant>}: the board as it was at that moment, rebuilt from the
 * log. Without {@code at} the request goes on to the live snapshot. A client that accepts
 * {@code application/x-ndjson} gets progress lines while the log is read, then the snapshot:
 * {@code {"type":"progress","done":n,"total":m,"percent":p}} ... {@code {"type":"snapshot","version":v,"state":{...}}}
 * (or a last {@code {"type":"error",...}} line); any other client gets the snapshot document alone.
 */
final class TimeTravelHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(TimeTravelHandler.class);
  static final String NDJSON = "application/x-ndjson";
  private static final long PROGRESS_EVERY_MS = 200;

  private final TimeTravel travel;
  private final Clock clock;

  private TimeTravelHandler(TimeTravel travel, Clock clock) {
    this.travel = travel;
    this.clock = clock;
  }

  static TimeTravelHandler create(Vertx vertx, PastBoards past, Board board) {
    return new TimeTravelHandler(new TimeTravel(vertx, board.view(), past), board.clock());
  }

  @Override
  public void handle(RoutingContext ctx) {
    String raw = ctx.request().getParam("at");
    if (raw == null) {
      ctx.next();
      return;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (DateTimeParseException e) {
      Problem.send(ctx, 400, "at", "must be an ISO-8601 date-time with an offset, e.g. 2020-08-09T07:40:00+07:00; got '" + raw + "'");
      return;
    }
    if (at.isAfter(clock.instant())) {
      Problem.send(ctx, 400, "at", "is in the future (" + raw + "); the board can be rebuilt up to now");
      return;
    }
    String accept = ctx.request().getHeader("accept");
    if (accept != null && accept.contains(NDJSON)) streamed(ctx, at); else whole(ctx, at);
  }

  private void whole(RoutingContext ctx, Instant at) {
    travel.boardAt(at, (done, total) -> { })
        .onSuccess(state -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
            .putHeader("cache-control", "no-store").end(state.encode()))
        .onFailure(err -> failed(ctx, at, err));
  }

  private void streamed(RoutingContext ctx, Instant at) {
    HttpServerResponse response = ctx.response();
    Context context = ctx.vertx().getOrCreateContext();
    AtomicLong lastSent = new AtomicLong();
    travel.boardAt(at, (done, total) -> {
      long now = System.currentTimeMillis();
      if (now - lastSent.get() < PROGRESS_EVERY_MS && done < total) return;
      lastSent.set(now);
      JsonObject line = new JsonObject().put("type", "progress").put("done", done).put("total", total)
          .put("percent", total <= 0 ? 100 : (int) (done * 100 / total));
      context.runOnContext(v -> write(response, line));
    }).onSuccess(state -> {
      write(response, new JsonObject().put("type", "snapshot").put("version", state.getLong("version")).put("state", state));
      if (!response.ended()) response.end();
    }).onFailure(err -> {
      if (!response.headWritten()) {
        failed(ctx, at, err);
        return;
      }
      LOG.warn("Rebuilding the board at {} failed: {}", at, err.toString());
      write(response, new JsonObject().put("type", "error").put("error", err.getMessage()).put("status", 503));
      if (!response.ended()) response.end();
    });
  }

  private static void write(HttpServerResponse response, JsonObject line) {
    if (response.ended() || response.closed()) return;
    if (!response.headWritten()) {
      response.setChunked(true).putHeader("content-type", NDJSON + "; charset=utf-8").putHeader("cache-control", "no-store");
    }
    response.write(line.encode() + "\n");
  }

  private static void failed(RoutingContext ctx, Instant at, Throwable err) {
    if (!(err instanceof TimeTravel.Busy)) LOG.warn("Rebuilding the board at {} failed: {}", at, err.toString());
    ctx.response().putHeader("Retry-After", IngestHandler.RETRY_AFTER_SECONDS);
    Problem.send(ctx, 503, err instanceof TimeTravel.Busy ? err.getMessage() : "the log could not be read: " + err.getMessage());
  }
}
