package examops.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Board screens in the harness JVM: many WebSocket clients that only count what arrives, and a few
 * sampled ones that read each delta and note when every target change reached them.
 */
final class Screens implements AutoCloseable {

  final AtomicLong bytes = new AtomicLong();
  final AtomicLong messages = new AtomicLong();
  final AtomicLong snapshots = new AtomicLong();
  private final WebSocketClient client;
  private final int port;
  private final String authorization;
  private final List<WebSocket> sockets = new ArrayList<>();

  /** @param token the bearer token every screen connects with */
  Screens(Vertx vertx, int port, String token, int maxClients) {
    this.port = port;
    this.authorization = "Bearer " + token;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(maxClients + 10)
        .setMaxMessageSize(256 * 1024 * 1024).setMaxFrameSize(1024 * 1024).setConnectTimeout(30_000));
  }

  /**
   * Connects {@code n} clients, {@code batch} at a time, each batch once the previous one has its
   * snapshots (as screens come up over a few seconds, not in one instant).
   *
   * @param onTargetChange for sampled clients (the first {@code sampled}): (client index, "target\u0000detail") at arrival
   */
  void connect(int n, int sampled, int batch, Duration timeout, SampleSink onTargetChange) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      List<Future<WebSocket>> futures = new ArrayList<>();
      for (int i = from; i < to; i++) futures.add(connectOne(i < sampled ? i : -1, onTargetChange));
      for (Future<WebSocket> f : futures) sockets.add(HttpLoad.await(f));
      while (snapshots.get() < to) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("only " + snapshots.get() + " of " + to + " screens got a snapshot");
        Thread.sleep(5);
      }
    }
  }

  /** Called on each target change a sampled client sees: client index, target id, its detail, arrival nanos. */
  interface SampleSink {
    void seen(int client, String target, String detail, long nanos);
  }

  /** Handlers go on before connecting: the snapshot follows the handshake at once. */
  private Future<WebSocket> connectOne(int sample, SampleSink sink) {
    ClientWebSocket ws = client.webSocket();
    boolean[] first = {true};
    if (sample >= 0) {
      ws.textMessageHandler(text -> {
        long now = System.nanoTime();
        bytes.addAndGet(text.length());
        messages.incrementAndGet();
        if (first[0]) {
          first[0] = false;
          snapshots.incrementAndGet();
          return;
        }
        readDelta(sample, new JsonObject(text), now, sink);
      });
    } else {
      ws.frameHandler(frame -> {
        bytes.addAndGet(frame.binaryData().length());
        if (!frame.isFinal()) return;
        messages.incrementAndGet();
        if (first[0]) {
          first[0] = false;
          snapshots.incrementAndGet();
        }
      });
    }
    return ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/board")
        .addHeader("Authorization", authorization));
  }

  private static void readDelta(int client, JsonObject msg, long now, SampleSink sink) {
    if (!"delta".equals(msg.getString("type"))) return;
    JsonArray changes = msg.getJsonArray("changes");
    for (int i = 0; i < changes.size(); i++) {
      JsonObject c = changes.getJsonObject(i);
      if (!"targets".equals(c.getString("section")) || c.getJsonObject("value") == null) continue;
      sink.seen(client, c.getString("id"), c.getJsonObject("value").getString("detail"), now);
    }
  }

  int connected() {
    return sockets.size();
  }

  @Override
  public void close() {
    for (WebSocket ws : sockets) ws.close();
    client.close();
  }
}
