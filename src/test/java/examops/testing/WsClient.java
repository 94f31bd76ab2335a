package examops.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client of the board for tests: collects every message it receives. */
public final class WsClient implements AutoCloseable {

  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
  private final WebSocket socket;

  public WsClient(String url) throws Exception {
    this(url, Map.of());
  }

  /** Connects with these handshake headers (e.g. Authorization); fails as the server refuses. */
  public WsClient(String url, Map<String, String> headers) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(builder::header);
    socket = builder
        .buildAsync(URI.create(url), new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.countDown();
            return null;
          }

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              messages.add(new JsonObject(partial.toString()));
              partial.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
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

  /** Whether the server closed the socket within {@code timeout}. */
  public boolean closed(Duration timeout) throws InterruptedException {
    return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void send(JsonObject message) {
    socket.sendText(message.encode(), true).join();
  }

  @Override
  public void close() {
    socket.abort();
  }
}
