package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ingest endpoint against a generated corpus of hostile requests: 4xx naming the problem, nothing written. */
@Tier.Broker
class HostileInputTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    // Thousands of requests on one credential: the rate limit (tested in AccessTest) is lifted so every
    // request reaches the checks this test is about.
    node = TestNode.start(Files.createTempDirectory("examops-hostile"), new TestClock(Instant.parse("2020-07-20T00:00:00Z")),
        java.util.Map.of("EXAMOPS_RATE_PER_SECOND", "1000000", "EXAMOPS_RATE_BURST", "1000000"));
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static Stream<HostileCorpus.Case> corpus() {
    return HostileCorpus.all().stream();
  }

  /** The answer's status and body; a connection the server closed after refusing an oversized body counts as 413. */
  record Answer(int status, String body, String contentType) {}

  static Answer send(HostileCorpus.Case c) throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.baseUrl() + c.path())).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + node.commandToken()).POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
    if (c.contentType() != null) b.header("content-type", c.contentType());
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
    } catch (IOException e) {
      if (c.body().length > 64 * 1024 && !(e instanceof java.net.http.HttpTimeoutException)) return new Answer(413, "(connection closed)", "");
      throw new AssertionError(c + ": " + e, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("a hostile request is answered 4xx with a message naming the problem, never 5xx, never a hang")
  void answered4xx(HostileCorpus.Case c) throws Exception {
    Answer a = send(c);
    assertThat(a.status()).as("%s → %s", c, a.body()).isBetween(400, 499);
    assertThat(a.status()).as("%s was refused by access control, not by its content: %s", c, a.body()).isNotIn(401, 403, 429);
    if (a.contentType().startsWith("application/json")) {
      JsonObject body = new JsonObject(a.body());
      assertThat(body.getString("error")).as(c.toString()).isNotBlank();
      assertThat(body.getInteger("status")).isEqualTo(a.status());
    } else {
      assertThat(a.status()).as("%s answered %s without a JSON body: %s", c, a.status(), a.body()).isIn(413, 414, 431);
    }
  }

  @Test
  @DisplayName("thousands of hostile requests write nothing and leave the heap flat")
  void nothingWrittenAndHeapFlat() throws Exception {
    List<HostileCorpus.Case> cases = HostileCorpus.all();
    for (HostileCorpus.Case c : cases) send(c); // warm up
    long before = usedHeapAfterGc();
    int rounds = Math.max(1, 3_000 / cases.size() + 1);
    long t0 = System.nanoTime();
    int sent = 0;
    for (int i = 0; i < rounds; i++) {
      for (HostileCorpus.Case c : cases) {
        send(c);
        sent++;
      }
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    long after = usedHeapAfterGc();
    System.out.printf("hostile input: %d requests in %d s; heap after GC %d MB before, %d MB after%n",
        sent, seconds, before >> 20, after >> 20);
    assertThat(after - before).as("heap growth over %d hostile requests", sent).isLessThan(48L << 20);

    Thread.sleep(300);
    assertThat(node.board().getLong("version")).as("nothing applied").isZero();
    for (String topic : List.of("examops.monitoring", "examops.incidents", "examops.publishing", "examops.checkins", "examops.alerts")) {
      assertThat(node.readTopic(topic)).as("nothing written to %s", topic).isEmpty();
    }
    assertThat(node.get("/health").status()).isEqualTo(200);
  }

  /** A WebSocket message a client may send: text or binary, and what the server should do. */
  record Frame(String name, String text, byte[] binary, boolean tooBig) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Frame> frames() {
    return Stream.of(
        new Frame("garbage text", "hello?", null, false),
        new Frame("an array", "[]", null, false),
        new Frame("null", "null", null, false),
        new Frame("a number", "42", null, false),
        new Frame("type a number", "{\"type\":5}", null, false),
        new Frame("type an object", "{\"type\":{\"a\":1}}", null, false),
        new Frame("an unknown type 10k long", "{\"type\":\"" + "x".repeat(10_000) + "\"}", null, false),
        new Frame("unterminated", "{\"type\":\"resync\"", null, false),
        new Frame("10k nested arrays", "[".repeat(10_000) + "]".repeat(10_000), null, false),
        new Frame("a NUL", "{\"type\":\"\u0000\"}", null, false),
        new Frame("a small binary frame", null, new byte[] {0, 1, 2, (byte) 0xFF}, false),
        new Frame("a binary resync", null, "{\"type\":\"resync\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), false),
        new Frame("a 100 KB binary frame", null, new byte[100_000], true),
        new Frame("a 100 KB text frame", "{\"type\":\"" + "x".repeat(100_000) + "\"}", null, true),
        new Frame("a 1 MB text frame", "x".repeat(1_000_000), null, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  @DisplayName("a hostile WebSocket message is answered with an error naming the problem (or a close for one too large), and never stops the server")
  void hostileFrames(Frame f) throws Exception {
    try (examops.testing.BoardMirror ws = new examops.testing.BoardMirror(node.wsUrl())) {
      ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      if (f.text() != null) ws.sendText(f.text()); else ws.sendBinary(f.binary());
      if (f.tooBig()) {
        assertThat(ws.awaitClose(Duration.ofSeconds(10))).as("closed as too big").isEqualTo(1009);
      } else {
        JsonObject error = ws.await(m -> "error".equals(m.getString("type")), Duration.ofSeconds(5));
        assertThat(error.getString("error")).isNotBlank().hasSizeLessThan(300);
        ws.send(new JsonObject().put("type", "resync"));
        ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      }
    }
    assertThat(node.get("/health").status()).isEqualTo(200);
  }

  static long usedHeapAfterGc() throws InterruptedException {
    var mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
