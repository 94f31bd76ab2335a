package examops.reliability;

import examops.testing.TopicRecords;
import static org.assertj.core.api.Assertions.assertThat;

import examops.Main;
import examops.kafka.EmbeddedKafka;
import examops.testing.ChildJvm;
import examops.testing.TestClock;
import examops.testing.NodeProcess;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The app as a separate JVM ({@code java -cp <test class path> examops.Main}) under sustained ingest
 * from several clients, SIGKILLed at several points and restarted on the same data directory.
 */
@Tier.Cluster
class CrashTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final int CLIENTS = 4;
  private static final String BEARER = "Bearer " + NodeProcess.COMMAND_TOKEN;

  private Path dataDir;
  private int httpPort;
  private int kafkaPort;
  private Path log;

  @Test
  @DisplayName("SIGKILLed mid-ingest, during start-up replay and during broker recovery: every acknowledged event is on the board once, and the board equals a fresh replay of the log")
  void killAndRestart() throws Exception {
    dataDir = Files.createTempDirectory("examops-crash");
    httpPort = EmbeddedKafka.freePort();
    kafkaPort = EmbeddedKafka.freePort();
    log = dataDir.resolve("node.log");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger lastRefusal = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) clients.add(client(c, acknowledged, refused, lastRefusal, stop));
    List<String> notes = new ArrayList<>();
    long t0 = System.nanoTime();

    ChildJvm app = startApp();
    try {
      awaitHealthy(app);
      clients.forEach(Thread::start);
      for (int cycle = 1; cycle <= 2; cycle++) {
        awaitAcknowledged(acknowledged, acknowledged.size() + 400, lastRefusal);
        app.kill();
        notes.add("killed mid-ingest with " + acknowledged.size() + " acknowledged");
        app = startApp();
        awaitHealthy(app);
      }
      app.kill();
      app = startApp();
      JsonObject health = awaitAnswer(app);
      app.kill();
      notes.add("killed as soon as HTTP answered: replay " + health.getJsonObject("replay"));
      app = startApp();
      Thread.sleep(1_500);
      app.kill();
      notes.add("killed 1.5 s after the process started, while the broker recovered its log");
      app = startApp();
      awaitHealthy(app);
      awaitAcknowledged(acknowledged, acknowledged.size() + 200, lastRefusal);
      stop.set(true);
      for (Thread c : clients) c.join(20_000);

      JsonObject board = awaitSettled();
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      notes.forEach(n -> System.out.println("crash: " + n));
      System.out.printf("crash: %d acknowledged by %d clients over 5 kills in %d s; %d answers were refusals or broken connections%n",
          acknowledged.size(), CLIENTS, seconds, refused.get());

      Map<String, Integer> onLog = recordsPerId();
      JsonObject incidents = board.getJsonObject("incidents");
      assertThat(incidents.fieldNames()).as("every acknowledged id is on the board").containsAll(acknowledged);
      assertThat(incidents.size()).as("each id once on the board, and nothing else").isEqualTo(onLog.size());
      assertThat(board.getLong("version")).as("each distinct id applied once").isEqualTo(onLog.size());
      long records = onLog.values().stream().mapToLong(Integer::longValue).sum();
      assertThat(board.getJsonObject("stats").getLong("duplicates")).as("records written twice (retries) ignored")
          .isEqualTo(records - onLog.size());
      System.out.printf("crash: %d records on the log for %d ids (%d written twice by retries)%n", records, onLog.size(), records - onLog.size());

      app.stop();
      Path copy = Files.createTempDirectory("examops-crash-copy");
      copyTree(dataDir.resolve("kafka"), copy.resolve("kafka"));
      try (TestNode fresh = TestNode.start(copy, new TestClock(Instant.parse("2020-07-20T00:00:00Z")))) {
        assertThat(digest(fresh.board())).as("a fresh replay of the log gives the same board").isEqualTo(digest(board));
      }
    } finally {
      stop.set(true);
      app.close();
    }
  }

  private ChildJvm startApp() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("EXAMOPS_HTTP_PORT", String.valueOf(httpPort));
    env.put("EXAMOPS_HTTP_HOST", "127.0.0.1");
    env.put("EXAMOPS_KAFKA_PORT", String.valueOf(kafkaPort));
    env.put("EXAMOPS_DATA_DIR", dataDir.toString());
    env.put("EXAMOPS_CLOCK_START", "2020-07-20T07:00:00+07:00"); // before the window: no rule writes anything
    env.put("EXAMOPS_NODE_ID", "crash-child");
    env.put("EXAMOPS_SECRET", TestNode.SECRET);
    env.put("EXAMOPS_RATE_PER_SECOND", "1000000"); // four phones on one credential, as fast as they can
    env.put("EXAMOPS_RATE_BURST", "1000000");
    return ChildJvm.start(Main.class.getName(), env, log);
  }

  /** A district phone: reports one incident after another, each retried with the same id until a 202. */
  private Thread client(int c, Set<String> acknowledged, AtomicInteger refused, AtomicInteger lastRefusal, AtomicBoolean stop) {
    return new Thread(() -> {
      for (int n = 0; !stop.get(); n++) {
        String id = "crash-" + c + "-" + n;
        while (!stop.get()) {
          int status = post(BrokerLossTest.incident(id).encode());
          if (status == 202) {
            acknowledged.add(id);
            break;
          }
          refused.incrementAndGet();
          lastRefusal.set(status);
          sleep(50);
        }
      }
    }, "crash-client-" + c);
  }

  /** Waits (at most 90 s, through a restart) until {@code count} events are acknowledged. */
  private void awaitAcknowledged(Set<String> acknowledged, int count, AtomicInteger lastRefusal) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (acknowledged.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(acknowledged.size() + " of " + count + " acknowledged within 90 s; last refusal "
            + lastRefusal.get() + "; see " + log);
      }
      Thread.sleep(10);
    }
  }

  private int post(String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/incidents"))
          .timeout(Duration.ofSeconds(15)).header("content-type", "application/json").header("Authorization", BEARER)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10))
            .header("Authorization", BEARER).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void awaitHealthy(ChildJvm app) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.alive()) throw new AssertionError("the app exited; see " + log);
      try {
        if (get("/health").statusCode() == 200) return;
      } catch (Exception notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not healthy within 60 s; see " + log);
  }

  /** The first /health answer, whatever it says. */
  private JsonObject awaitAnswer(ChildJvm app) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.alive()) throw new AssertionError("the app exited; see " + log);
      try {
        return new JsonObject(get("/health").body());
      } catch (Exception notYet) {
        Thread.sleep(5);
      }
    }
    throw new AssertionError("no answer within 60 s; see " + log);
  }

  /** The board once its version has stopped moving. */
  private JsonObject awaitSettled() throws Exception {
    JsonObject board = new JsonObject(get("/api/v1/board").body());
    for (int i = 0; i < 100; i++) {
      Thread.sleep(300);
      JsonObject next = new JsonObject(get("/api/v1/board").body());
      if (next.getLong("version").equals(board.getLong("version"))) return next;
      board = next;
    }
    return board;
  }

  /** How many records each event id has on the incidents topic, read straight from Kafka. */
  private Map<String, Integer> recordsPerId() {
    Map<String, Integer> out = new HashMap<>();
    for (JsonObject e : TopicRecords.json("127.0.0.1:" + kafkaPort, "examops.incidents")) out.merge(e.getString("id"), 1, Integer::sum);
    return out;
  }

  /** The board without what only says when it was rendered. */
  static Map<String, Object> digest(JsonObject board) {
    JsonObject copy = new JsonObject(board.encode());
    copy.remove("now");
    copy.remove("clock");
    return copy.getMap();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
