package examops.testing;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A WebSocket client of the board for tests: collects every message it receives.
 *
 * <p>Built on Vert.x's client (Netty's framing). The JDK's {@code java.net.http} client failed
 * about one run in four of twenty screens connecting at once with "Unexpected rsv1 bit" a few
 * fragments into the snapshot, with the server's frames well-formed (the same happened with
 * Vert.x's own writeTextMessage), so it is not used for board screens in tests.
 */
public final class WsClient implements AutoCloseable {

  private static Vertx vertx;
  private static WebSocketClient client;

  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();
  private volatile String ended = "open";
  private final WebSocket socket;

  /** One client for every test socket in this JVM: many sockets at once, messages as large as a 10,000-target board. */
  static synchronized WebSocketClient client() {
    if (client == null) {
      vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
          .setMaxMessageSize(256 * 1024 * 1024).setConnectTimeout(5_000));
    }
    return client;
  }

  public WsClient(String url) throws Exception {
    this(url, Map.of());
  }

  /**
   * Connects with these handshake headers (e.g. Authorization); fails as the server refuses (an
   * {@link io.vertx.core.http.UpgradeRejectedException} with the status in the cause chain).
   */
  public WsClient(String url, Map<String, String> headers) throws Exception {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(url).setTimeout(10_000);
    headers.forEach(options::addHeader);
    // Handlers go on before connecting: the snapshot follows the handshake at once.
    ClientWebSocket ws = client().webSocket();
    ws.textMessageHandler(text -> {
      JsonObject m;
      try {
        m = new JsonObject(text);
      } catch (RuntimeException e) {
        ended = "received a message that is not JSON (" + text.length() + " chars, starting "
            + text.substring(0, Math.min(80, text.length())) + "): " + e;
        return;
      }
      received.incrementAndGet();
      messages.add(m);
    });
    ws.exceptionHandler(err -> ended = "failed: " + err);
    ws.closeHandler(v -> {
      if ("open".equals(ended)) ended = "closed by the server: " + ws.closeStatusCode() + " " + ws.closeReason();
      closed.countDown();
    });
    ws.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    socket = ws;
  }

  /** The next message matching, waiting at most {@code timeout}; fails the test otherwise. */
  public JsonObject await(Predicate<JsonObject> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no matching WebSocket message within " + timeout + " (" + received.get()
            + " message(s) received in all; socket " + ended + ")");
      }
      if (match.test(m)) return m;
    }
  }

  /** Whether the server closed the socket within {@code timeout}. */
  public boolean closed(Duration timeout) throws InterruptedException {
    return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The status the server closed with, or null while open (or when the connection just dropped). */
  public Short closeStatus() {
    return socket.closeStatusCode();
  }

  public void send(JsonObject message) throws Exception {
    socket.writeTextMessage(message.encode()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    socket.close();
  }
}
