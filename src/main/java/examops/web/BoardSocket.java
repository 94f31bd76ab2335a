package examops.web;

import examops.access.Principal;
import examops.board.Board;
import examops.board.BoardVerticle;
import examops.vocabulary.Audience;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/board}: a snapshot first, then the board's delta batches. One serialized message
 * per tick and audience is shared by every client of this verticle (clients without need-to-know
 * get the restricted variant, which is the same string on a tick with nothing to hide), encoded to
 * UTF-8 once and the same bytes written to every client; snapshots are shared the same way, one per
 * audience. A client whose send queue is full is dropped (it reconnects and resyncs) so that it
 * cannot hold up the others, and one whose credentials expired or were revoked is closed.
 */
final class BoardSocket {

  private static final Logger LOG = LoggerFactory.getLogger(BoardSocket.class);
  /** Bytes queued for one client before it counts as unable to keep up. */
  static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
  /** Clients only send small commands; the server's limit for one incoming message. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /** Each client and the version of the snapshot it was sent (-1 while the snapshot is on its way). */
  private final Map<ServerWebSocket, Long> clients = new HashMap<>();
  private final Map<ServerWebSocket, Principal> holders = new HashMap<>();
  /** Open (or opening) sockets per credential id: each may hold {@link #MAX_QUEUED_BYTES} of this node's memory. */
  /** Each client's address (through a trusted proxy, the client's own), for log lines. */
  private final Map<ServerWebSocket, String> addresses = new HashMap<>();
  private final Map<String, Integer> perCredential = new HashMap<>();
  private final int maxPerCredential;
  private final Board board;
  private final Stats stats;
  private final Predicate<Principal> stillValid;
  private final Context context;
  private final Map<Audience, Snapshots> snapshots = new EnumMap<>(Audience.class);
  /** The last message fanned out and its bytes: the restricted variant is the same string on most ticks. */
  private String lastBody;
  private SharedText lastEncoded;

  /**
   * Snapshots are shared, per audience: clients that ask while one is being rendered wait for it, and
   * one rendered since the last delta serves everyone who asks before the next (its version is at
   * least the next delta's {@code from}). Rendering and encoding a 10,000-target board per client
   * held the board's thread for seconds when a thousand screens connected at once.
   */
  private static final class Snapshots {
    List<ServerWebSocket> awaiting;
    SharedText shared;
    long sharedVersion;
    long lastDeltaVersion;
  }

  BoardSocket(Vertx vertx, Board board, Stats stats, Predicate<Principal> stillValid, int maxPerCredential) {
    this.maxPerCredential = maxPerCredential;
    this.board = board;
    this.stats = stats;
    this.stillValid = stillValid;
    this.context = vertx.getOrCreateContext();
    for (Audience a : Audience.values()) snapshots.put(a, new Snapshots());
    vertx.eventBus().<String>localConsumer(BoardVerticle.DELTAS, msg -> fanOut(msg, Audience.FULL));
    vertx.eventBus().<String>localConsumer(BoardVerticle.DELTAS_RESTRICTED, msg -> fanOut(msg, Audience.RESTRICTED));
  }

  /**
   * Takes one of this credential's sockets before the upgrade; false when it holds them all. A
   * reserved socket is given back by {@link #release} if the upgrade fails, else when it closes.
   */
  boolean reserve(Principal holder) {
    int open = perCredential.getOrDefault(holder.jti(), 0);
    if (open >= maxPerCredential) return false;
    perCredential.put(holder.jti(), open + 1);
    return true;
  }

  void release(Principal holder) {
    perCredential.computeIfPresent(holder.jti(), (k, n) -> n <= 1 ? null : n - 1);
  }

  int maxPerCredential() {
    return maxPerCredential;
  }

  /** A socket whose place {@link #reserve} took. */
  void accept(ServerWebSocket ws, Principal holder, String client) {
    ws.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
    holders.put(ws, holder);
    clients.put(ws, -1L);
    addresses.put(ws, client);
    stats.wsClients.increment();
    ws.closeHandler(v -> {
      release(holder);
      holders.remove(ws);
      addresses.remove(ws);
      if (clients.remove(ws) != null) stats.wsClients.decrement();
    });
    ws.exceptionHandler(err -> refuse(ws, err));
    ws.textMessageHandler(text -> onClientMessage(ws, text));
    ws.binaryMessageHandler(bytes -> send(ws, error("binary messages are not understood; send JSON text such as {\"type\":\"resync\"}")));
    sendSnapshot(ws);
  }

  private void onClientMessage(ServerWebSocket ws, String text) {
    if (!clients.containsKey(ws)) return; // dropped, closing
    String type;
    try {
      type = new JsonObject(text).getString("type");
    } catch (DecodeException | ClassCastException e) {
      send(ws, error("messages must be JSON objects with a type"));
      return;
    }
    if ("resync".equals(type)) {
      // One snapshot at a time per client: a client asking again and again cannot keep the board busy.
      if (clients.get(ws) == null || clients.get(ws) < 0) return;
      clients.put(ws, -1L);
      sendSnapshot(ws);
    } else if (!"ping".equals(type)) {
      String shown = type == null ? "null" : type.length() > 40 ? type.substring(0, 40) + "…" : type;
      send(ws, error("unknown message type '" + shown + "'; the board accepts resync and ping"));
    }
  }

  /**
   * A frame the server cannot take (too large, malformed) leaves the connection in no state to go
   * on: close it, saying why, instead of leaving the client hanging.
   */
  private void refuse(ServerWebSocket ws, Throwable err) {
    LOG.debug("WebSocket error from {}: {}", addresses.get(ws), err.toString());
    if (ws.isClosed()) return;
    if (err instanceof CorruptedWebSocketFrameException bad) {
      ws.close((short) bad.closeStatus().code(), abbreviate(bad.getMessage()));
    } else if (err instanceof TooLongFrameException
        || err instanceof IllegalStateException && String.valueOf(err.getMessage()).contains("max message size")) {
      ws.close((short) 1009, "message larger than " + MAX_MESSAGE_BYTES + " bytes");
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 100 ? s.substring(0, 100) : s;
  }

  private static String error(String message) {
    return new JsonObject().put("type", "error").put("error", message).encode();
  }

  private void sendSnapshot(ServerWebSocket ws) {
    Principal holder = holders.get(ws);
    if (holder == null) return;
    Audience audience = holder.audience();
    Snapshots s = snapshots.get(audience);
    if (s.shared != null && s.sharedVersion >= s.lastDeltaVersion) {
      SharedText snapshot = s.shared;
      long version = s.sharedVersion;
      // Not from inside the WebSocket handler: the handshake's answer must be on the wire first.
      context.runOnContext(v -> deliverSnapshot(ws, snapshot, version));
      return;
    }
    if (s.awaiting != null) {
      s.awaiting.add(ws);
      return;
    }
    List<ServerWebSocket> waiting = new ArrayList<>(List.of(ws));
    s.awaiting = waiting;
    board.snapshot(audience).onComplete(ar -> context.runOnContext(v -> {
      s.awaiting = null;
      if (ar.failed()) {
        LOG.error("Could not build a snapshot for {} WebSocket client(s)", waiting.size(), ar.cause());
        waiting.forEach(w -> w.close((short) 1011, "snapshot failed"));
        return;
      }
      long version = ar.result().getLong("version");
      SharedText message = new SharedText(new JsonObject().put("type", "snapshot").put("version", version).put("state", ar.result()).encode());
      if (version >= s.lastDeltaVersion) {
        s.shared = message;
        s.sharedVersion = version;
      }
      waiting.forEach(w -> deliverSnapshot(w, message, version));
    }));
  }

  private void deliverSnapshot(ServerWebSocket ws, SharedText snapshot, long version) {
    if (ws.isClosed() || !clients.containsKey(ws)) return;
    clients.put(ws, version);
    send(ws, snapshot);
  }

  private void fanOut(Message<String> msg, Audience audience) {
    long version = Long.parseLong(msg.headers().get("version"));
    long from = Long.parseLong(msg.headers().get("from"));
    SharedText body = encoded(msg.body());
    Snapshots s = snapshots.get(audience);
    s.shared = null; // its "now" and time-dependent views age; the next asker gets a fresh one
    s.lastDeltaVersion = Math.max(s.lastDeltaVersion, version);
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
      send(ws, body);
    }
  }

  /**
   * Every write to a client goes through here: one whose queue is full is dropped instead of being
   * queued more, whatever the message (a client asking for snapshot after snapshot and reading none
   * would otherwise fill the server's memory).
   */
  private void send(ServerWebSocket ws, String text) {
    send(ws, new SharedText(text));
  }

  private void send(ServerWebSocket ws, SharedText message) {
    if (ws.isClosed()) return;
    if (ws.writeQueueFull()) {
      drop(ws);
      return;
    }
    message.writeTo(ws);
  }

  /** The message's bytes, encoded once: both audiences' deltas are the same string when nothing is hidden. */
  private SharedText encoded(String body) {
    if (body != lastBody) {
      lastEncoded = new SharedText(body);
      lastBody = body;
    }
    return lastEncoded;
  }

  private void drop(ServerWebSocket ws) {
    if (!clients.containsKey(ws)) return;
    LOG.info("Dropping WebSocket client {}: it cannot keep up", addresses.get(ws));
    stats.wsDropped.increment();
    holders.remove(ws);
    if (clients.remove(ws) != null) stats.wsClients.decrement();
    ws.close((short) 1013, "too slow; reconnect to resync");
  }
}
