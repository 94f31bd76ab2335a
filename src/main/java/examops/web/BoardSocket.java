package examops.web;

import examops.board.Board;
import examops.board.BoardVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/board}: a snapshot first, then the board's delta batches. One serialized message
 * per tick is shared by every client of this verticle; a client whose send queue is full is
 * dropped (it reconnects and resyncs) so that it cannot hold up the others.
 */
final class BoardSocket {

  private static final Logger LOG = LoggerFactory.getLogger(BoardSocket.class);
  /** Bytes queued for one client before it counts as unable to keep up. */
  static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

  /** Each client and the version of the snapshot it was sent (-1 while the snapshot is on its way). */
  private final Map<ServerWebSocket, Long> clients = new HashMap<>();
  private final Board board;
  private final Stats stats;
  private final Context context;
  /**
   * Snapshots are shared: clients that ask while one is being rendered wait for it, and one rendered
   * since the last delta serves everyone who asks before the next (its version is at least the next
   * delta's {@code from}). Rendering and encoding a 10,000-target board per client held the board's
   * thread for seconds when a thousand screens connected at once.
   */
  private List<ServerWebSocket> awaitingSnapshot;
  private SharedText sharedSnapshot;
  private long sharedVersion;
  private long lastDeltaVersion;

  BoardSocket(Vertx vertx, Board board, Stats stats) {
    this.board = board;
    this.stats = stats;
    this.context = vertx.getOrCreateContext();
    vertx.eventBus().<String>localConsumer(BoardVerticle.DELTAS, this::fanOut);
  }

  void accept(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
    clients.put(ws, -1L);
    stats.wsClients.increment();
    ws.closeHandler(v -> {
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
    if (sharedSnapshot != null && sharedVersion >= lastDeltaVersion) {
      SharedText snapshot = sharedSnapshot;
      long version = sharedVersion;
      // Not from inside the WebSocket handler: the handshake's answer must be on the wire first.
      context.runOnContext(v -> send(ws, snapshot, version));
      return;
    }
    if (awaitingSnapshot != null) {
      awaitingSnapshot.add(ws);
      return;
    }
    List<ServerWebSocket> waiting = new ArrayList<>(List.of(ws));
    awaitingSnapshot = waiting;
    board.snapshot().onComplete(ar -> context.runOnContext(v -> {
      awaitingSnapshot = null;
      if (ar.failed()) {
        LOG.error("Could not build a snapshot for {} WebSocket client(s)", waiting.size(), ar.cause());
        waiting.forEach(w -> w.close((short) 1011, "snapshot failed"));
        return;
      }
      long version = ar.result().getLong("version");
      SharedText message = new SharedText(new JsonObject().put("type", "snapshot").put("version", version).put("state", ar.result()).encode());
      if (version >= lastDeltaVersion) {
        sharedSnapshot = message;
        sharedVersion = version;
      }
      waiting.forEach(w -> send(w, message, version));
    }));
  }

  private void send(ServerWebSocket ws, SharedText snapshot, long version) {
    if (ws.isClosed() || !clients.containsKey(ws)) return;
    clients.put(ws, version);
    snapshot.writeTo(ws);
  }

  private void fanOut(Message<String> msg) {
    long version = Long.parseLong(msg.headers().get("version"));
    long from = Long.parseLong(msg.headers().get("from"));
    SharedText body = new SharedText(msg.body());
    sharedSnapshot = null; // its "now" and time-dependent views age; the next asker gets a fresh one
    lastDeltaVersion = Math.max(lastDeltaVersion, version);
    for (Map.Entry<ServerWebSocket, Long> c : Map.copyOf(clients).entrySet()) {
      ServerWebSocket ws = c.getKey();
      long clientVersion = c.getValue();
      if (clientVersion < 0 || ws.isClosed()) continue;
      boolean heartbeat = from == version;
      if (!heartbeat && version <= clientVersion) continue; // the snapshot already had it
      if (ws.writeQueueFull()) {
        LOG.info("Dropping WebSocket client {}: it cannot keep up", ws.remoteAddress());
        stats.wsDropped.increment();
        clients.remove(ws);
        stats.wsClients.decrement();
        ws.close((short) 1013, "too slow; reconnect to resync");
        continue;
      }
      body.writeTo(ws);
    }
  }
}
