package examops.web;

import examops.access.Principal;
import examops.board.Audience;
import examops.board.Board;
import examops.board.BoardVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/board}: a snapshot first, then the board's delta batches. One serialized message
 * per tick and audience is shared by every client of this verticle (clients without need-to-know
 * get the restricted variant, which is the same string on a tick with nothing to hide); a client
 * whose send queue is full is dropped (it reconnects and resyncs) so that it cannot hold up the
 * others, and one whose credentials expired or were revoked is closed.
 */
final class BoardSocket {

  private static final Logger LOG = LoggerFactory.getLogger(BoardSocket.class);
  /** Bytes queued for one client before it counts as unable to keep up. */
  static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

  /** Each client and the version of the snapshot it was sent (-1 while the snapshot is on its way). */
  private final Map<ServerWebSocket, Long> clients = new HashMap<>();
  private final Map<ServerWebSocket, Principal> holders = new HashMap<>();
  private final Board board;
  private final Stats stats;
  private final Predicate<Principal> stillValid;

  BoardSocket(Vertx vertx, Board board, Stats stats, Predicate<Principal> stillValid) {
    this.board = board;
    this.stats = stats;
    this.stillValid = stillValid;
    vertx.eventBus().<String>localConsumer(BoardVerticle.DELTAS, msg -> fanOut(msg, Audience.FULL));
    vertx.eventBus().<String>localConsumer(BoardVerticle.DELTAS_RESTRICTED, msg -> fanOut(msg, Audience.RESTRICTED));
  }

  void accept(ServerWebSocket ws, Principal holder) {
    ws.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
    holders.put(ws, holder);
    clients.put(ws, -1L);
    stats.wsClients.increment();
    ws.closeHandler(v -> {
      holders.remove(ws);
      if (clients.remove(ws) != null) stats.wsClients.decrement();
    });
    ws.exceptionHandler(err -> LOG.debug("WebSocket error from {}: {}", ws.remoteAddress(), err.toString()));
    ws.textMessageHandler(text -> onClientMessage(ws, text));
    sendSnapshot(ws);
  }

  private void onClientMessage(ServerWebSocket ws, String text) {
    String type;
    try {
      type = new JsonObject(text).getString("type");
    } catch (DecodeException | ClassCastException e) {
      ws.writeTextMessage(error("messages must be JSON objects with a type"));
      return;
    }
    if ("resync".equals(type)) {
      clients.put(ws, -1L);
      sendSnapshot(ws);
    } else if (!"ping".equals(type)) {
      ws.writeTextMessage(error("unknown message type '" + type + "'; the board accepts resync and ping"));
    }
  }

  private static String error(String message) {
    return new JsonObject().put("type", "error").put("error", message).encode();
  }

  private void sendSnapshot(ServerWebSocket ws) {
    Principal holder = holders.get(ws);
    if (holder == null) return;
    board.snapshot(holder.audience()).onSuccess(state -> {
      if (ws.isClosed() || !clients.containsKey(ws)) return;
      long version = state.getLong("version");
      clients.put(ws, version);
      ws.writeTextMessage(new JsonObject().put("type", "snapshot").put("version", version).put("state", state).encode());
    }).onFailure(err -> {
      LOG.error("Could not build a snapshot for a WebSocket client", err);
      ws.close((short) 1011, "snapshot failed");
    });
  }

  private void fanOut(Message<String> msg, Audience audience) {
    long version = Long.parseLong(msg.headers().get("version"));
    long from = Long.parseLong(msg.headers().get("from"));
    String body = msg.body();
    for (Map.Entry<ServerWebSocket, Long> c : Map.copyOf(clients).entrySet()) {
      ServerWebSocket ws = c.getKey();
      long clientVersion = c.getValue();
      Principal holder = holders.get(ws);
      if (clientVersion < 0 || ws.isClosed() || holder == null || holder.audience() != audience) continue;
      if (!stillValid.test(holder)) {
        LOG.info("Closing the board socket of {}: its credentials expired or were revoked", holder.source());
        clients.remove(ws);
        holders.remove(ws);
        stats.wsClients.decrement();
        ws.close((short) 1008, "credentials expired or revoked");
        continue;
      }
      boolean heartbeat = from == version;
      if (!heartbeat && version <= clientVersion) continue; // the snapshot already had it
      if (ws.writeQueueFull()) {
        LOG.info("Dropping WebSocket client {}: it cannot keep up", ws.remoteAddress());
        stats.wsDropped.increment();
        clients.remove(ws);
        holders.remove(ws);
        stats.wsClients.decrement();
        ws.close((short) 1013, "too slow; reconnect to resync");
        continue;
      }
      ws.writeTextMessage(body);
    }
  }
}
