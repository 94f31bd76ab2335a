package examops.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A WebSocket client of the board that keeps its own copy the way a screen does: the snapshot, then
 * each delta applied when {@code from <= version}, and a {@code resync} when a delta starts past its
 * version. It can be told to lose deltas, to force a gap. Every message is also kept to be awaited.
 */
public final class BoardMirror implements AutoCloseable {

  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final AtomicInteger toDrop = new AtomicInteger();
  private final AtomicInteger gaps = new AtomicInteger();
  private final WebSocket socket;
  private JsonObject state;
  private long version = -1;
  private boolean awaitingSnapshot = true;

  public BoardMirror(String url) throws Exception {
    // Handlers go on before connecting: the snapshot follows the handshake at once.
    ClientWebSocket ws = WsClient.client().webSocket();
    ws.textMessageHandler(text -> receive(new JsonObject(text)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode() == null ? -1 : (int) ws.closeStatusCode()));
    ws.exceptionHandler(err -> { });
    ws.connect(new WebSocketConnectOptions().setAbsoluteURI(url).setTimeout(10_000))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    socket = ws;
  }

  /** The next {@code n} deltas are lost, as if the network had eaten them. */
  public void loseDeltas(int n) {
    toDrop.set(n);
  }

  private synchronized void receive(JsonObject m) {
    String type = m.getString("type");
    if ("delta".equals(type) && toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) return;
    messages.add(m);
    switch (type == null ? "" : type) {
      case "snapshot" -> {
        state = m.getJsonObject("state");
        version = m.getLong("version");
        awaitingSnapshot = false;
      }
      case "delta" -> applyDelta(m);
      default -> { }
    }
  }

  private void applyDelta(JsonObject d) {
    if (awaitingSnapshot || d.getLong("version") <= version && d.getLong("from") < d.getLong("version")) return;
    if (d.getLong("from") > version) {
      gaps.incrementAndGet();
      awaitingSnapshot = true;
      socket.writeTextMessage(new JsonObject().put("type", "resync").encode()); // not awaited: this is the receiving thread
      return;
    }
    for (Object o : d.getJsonArray("changes")) {
      JsonObject c = (JsonObject) o;
      String section = c.getString("section");
      if (c.getString("id") == null) {
        state.put(section, c.getValue("value"));
      } else if (c.getValue("value") == null) {
        state.getJsonObject(section).remove(c.getString("id"));
      } else {
        state.getJsonObject(section).put(c.getString("id"), c.getValue("value"));
      }
    }
    state.put("version", d.getLong("version")).put("now", d.getString("now"));
    version = d.getLong("version");
  }

  /** The board as this client holds it. */
  public synchronized JsonObject state() {
    return state == null ? null : state.copy();
  }

  public synchronized long version() {
    return version;
  }

  /** Times this client saw a delta start past its version and asked for a snapshot. */
  public int gaps() {
    return gaps.get();
  }

  /** The next message matching, waiting at most {@code timeout}; fails the test otherwise. */
  public JsonObject await(Predicate<JsonObject> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) throw new AssertionError("no matching WebSocket message within " + timeout);
      if (match.test(m)) return m;
    }
  }

  public void send(JsonObject message) throws Exception {
    sendText(message.encode());
  }

  /** Sends the text as one frame, however long (a hostile client's way: the server's frame limit applies). */
  public void sendText(String text) throws Exception {
    await(socket.writeFrame(WebSocketFrame.textFrame(text, true)));
  }

  /** Sends the bytes as one binary frame. */
  public void sendBinary(byte[] bytes) throws Exception {
    await(socket.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(bytes), true)));
  }

  private static void await(io.vertx.core.Future<Void> written) throws Exception {
    written.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The close code the server sent, once it closed, or -1 on a broken connection. */
  public Integer awaitClose(Duration timeout) throws Exception {
    return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    socket.close();
  }
}
