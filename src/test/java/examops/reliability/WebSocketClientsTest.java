package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import examops.testing.BoardMirror;
import examops.testing.Prometheus;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Screens that cannot keep up and screens that miss messages. */
@Tier.Broker
class WebSocketClientsTest {

  private static TestNode node;
  private static final String[] DISTRICTS = {"long-xuyen", "chau-doc", "tan-chau", "an-phu", "phu-tan", "chau-phu", "tinh-bien", "tri-ton", "chau-thanh", "cho-moi", "thoai-son"};

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("examops-ws"), new TestClock(Instant.parse("2020-07-20T00:00:00Z")));
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static String url() {
    return node.wsUrl();
  }

  /** Each check-in a second after the last, before the node's clock: the latest of a district is the last one sent. */
  private static final java.util.concurrent.atomic.AtomicInteger SECOND = new java.util.concurrent.atomic.AtomicInteger();

  static JsonObject checkin(String id, String district, String note) {
    String at = java.time.OffsetDateTime.parse("2020-07-20T06:00:00+07:00").plusSeconds(SECOND.incrementAndGet()).toString();
    return new JsonObject().put("id", id).put("at", at).put("district", district)
        .put("data", new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok").put("note", note));
  }

  @Test
  @DisplayName("a client that never reads is dropped once its queue is full, and the others' deltas keep arriving on time")
  void slowClientIsDroppedOthersKeepUp() throws Exception {
    try (BoardMirror good = new BoardMirror(url()); Socket slow = new Socket()) {
      good.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", node.httpPort()), 5000);
      handshake(slow);
      // Ask for snapshot after snapshot and read none of them: the server must stop queueing, not grow.
      OutputStream out = slow.getOutputStream();
      AtomicBoolean stop = new AtomicBoolean();
      Thread asker = new Thread(() -> {
        try {
          // Paced, so that each one lands after the previous snapshot was queued (one at a time is served).
          while (!stop.get()) {
            out.write(maskedText("{\"type\":\"resync\"}"));
            Thread.sleep(5);
          }
        } catch (java.io.IOException closedByServer) {
          // expected once dropped
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      asker.start();

      List<Long> lags = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String id = "slow-test-" + i;
        String district = DISTRICTS[i % DISTRICTS.length];
        long t0 = System.nanoTime();
        assertThat(node.post("/api/v1/checkins", checkin(id, district, "n" + i).encode()).status()).isEqualTo(202);
        good.await(m -> "delta".equals(m.getString("type")) && m.encode().contains("\"" + id + "\""), Duration.ofSeconds(3));
        lags.add((System.nanoTime() - t0) / 1_000_000);
      }
      long max = lags.stream().mapToLong(Long::longValue).max().orElseThrow();
      long p50 = lags.stream().sorted().toList().get(lags.size() / 2);
      System.out.printf("slow client: ingest → delta on the good client p50 %d ms, max %d ms over %d events%n", p50, max, lags.size());
      assertThat(max).as("202 → delta on the reading client, ms").isLessThan(1_000);

      Prometheus metrics = await().atMost(Duration.ofSeconds(10)).until(() -> Prometheus.parse(node.get("/metrics").body()),
          m -> m.value("examops_websocket_dropped_total") == 1 && m.value("examops_websocket_clients") == 1);
      stop.set(true);
      asker.join(10_000);
      assertThat(metrics.value("examops_websocket_dropped_total")).isEqualTo(1);
      assertThat(metrics.value("examops_websocket_clients")).isEqualTo(1);
      assertThat(good.isClosed()).isFalse();
    }
  }

  @Test
  @DisplayName("a client that misses deltas sees the gap by version, asks for a resync and then holds exactly the server's board")
  void gapIsDetectedAndResynced() throws Exception {
    try (BoardMirror screen = new BoardMirror(url())) {
      screen.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      screen.loseDeltas(2);
      for (int i = 0; i < 8; i++) {
        assertThat(node.post("/api/v1/checkins", checkin("gap-" + i, DISTRICTS[i], "gap " + i).encode()).status()).isEqualTo(202);
        Thread.sleep(250); // one delta per tick: each check-in its own delta
      }
      long version = node.board().getLong("version");
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline && screen.version() < version) Thread.sleep(20);
      Thread.sleep(300);
      assertThat(screen.gaps()).as("the gap was seen").isGreaterThanOrEqualTo(1);
      assertThat(screen.version()).isEqualTo(version);
      assertThat(withoutNow(screen.state())).isEqualTo(withoutNow(node.board()));
    }
  }

  static Map<String, Object> withoutNow(JsonObject board) {
    JsonObject copy = board.copy();
    copy.remove("now");
    copy.getJsonObject("clock").remove("now");
    return new JsonObject(copy.encode()).getMap(); // plain maps all the way down, whatever built it
  }

  private static void handshake(Socket s) throws Exception {
    String req = "GET /ws/board?access_token=" + node.commandToken() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new AssertionError("handshake refused: " + head);
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 101");
    // and from here on, never read again
  }

  /** A client-to-server text frame (clients must mask). */
  static byte[] maskedText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[2 + 4 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    return frame;
  }
}
