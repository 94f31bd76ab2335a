package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.EmbeddedKafka;
import examops.testing.BoardMirror;
import examops.testing.BrokerMain;
import examops.testing.ChildJvm;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * External mode with the broker in a process of its own ({@link BrokerMain} in a child JVM), killed
 * during ingest and started again.
 */
@Tier.Broker
class BrokerLossTest {

  static JsonObject incident(String id) {
    return new JsonObject().put("id", id).put("at", "2020-07-20T07:05:00+07:00").put("district", "an-phu")
        .put("data", new JsonObject().put("incidentId", id).put("title", "sự cố " + id).put("severity", "low").put("category", "other"));
  }

  @Test
  @DisplayName("when the broker process dies during ingest: 503 with Retry-After, /health 503, screens told the board is stale; when it is back everything resumes by itself and nothing acknowledged is lost")
  void brokerLossAndReturn() throws Exception {
    Path dir = Files.createTempDirectory("examops-broker-loss");
    int port = EmbeddedKafka.freePort();
    ChildJvm broker = startBroker(dir, port);
    TestNode node = TestNode.start(dir.resolve("node"), new TestClock(Instant.parse("2020-07-20T00:00:00Z")),
        Map.of("EXAMOPS_KAFKA_BOOTSTRAP", "127.0.0.1:" + port, "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1"));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<TestNode.Response> refusals = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread client = new Thread(() -> {
      // A district phone: sends its reports in order, retrying each with the same id until accepted.
      for (int n = 0; !stop.get(); n++) {
        String id = "BL-" + n;
        while (!stop.get()) {
          TestNode.Response r;
          try {
            r = node.post("/api/v1/incidents", incident(id).encode());
          } catch (RuntimeException e) {
            continue;
          }
          if (r.status() == 202) {
            acknowledged.add(id);
            break;
          }
          refusals.add(r);
          sleep(200);
        }
      }
    });
    try (BoardMirror screen = new BoardMirror(node.wsUrl())) {
      screen.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      client.start();
      awaitAcknowledged(acknowledged, 20, refusals);

      broker.kill();
      long lostAt = System.nanoTime();
      JsonObject stale = screen.await(m -> "status".equals(m.getString("type")), Duration.ofSeconds(15));
      long staleMs = (System.nanoTime() - lostAt) / 1_000_000;
      assertThat(stale.getBoolean("stale")).isTrue();
      assertThat(stale.getString("since")).isNotBlank();
      assertThat(stale.getString("reason")).contains("Kafka");
      TestNode.Response health = node.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().getString("status")).isEqualTo("broker-unreachable");
      assertThat(health.json().getJsonObject("broker").getBoolean("reachable")).isFalse();
      screen.await(m -> "heartbeat".equals(m.getString("type")) && m.getBoolean("stale", false), Duration.ofSeconds(5));

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (refusals.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
      assertThat(refusals).as("ingest refused while the broker is away").isNotEmpty();
      assertThat(refusals).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.headers()).containsKey("retry-after");
      });
      int acknowledgedWhileDown = acknowledged.size();

      broker = startBroker(dir, port);
      long backAt = System.nanoTime();
      JsonObject live = screen.await(m -> "status".equals(m.getString("type")), Duration.ofSeconds(30));
      long liveMs = (System.nanoTime() - backAt) / 1_000_000;
      assertThat(live.getBoolean("stale")).isFalse();
      node.awaitHealthy(Duration.ofSeconds(30));
      awaitAcknowledged(acknowledged, acknowledgedWhileDown + 20, refusals);
      stop.set(true);
      client.join(15_000);
      System.out.printf("broker loss: screens told stale after %d ms, live again %d ms after the broker restarted; %d refusals (all 503), %d acknowledged%n",
          staleMs, liveMs, refusals.size(), acknowledged.size());

      deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      JsonObject incidents = node.board().getJsonObject("incidents");
      while (!incidents.fieldNames().containsAll(acknowledged) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        incidents = node.board().getJsonObject("incidents");
      }
      assertThat(incidents.fieldNames()).as("every acknowledged report is on the board").containsAll(acknowledged);
      assertThat(node.board().getJsonObject("stats").getLong("dlq")).isZero();
    } finally {
      stop.set(true);
      node.close();
      broker.close();
    }
  }

  private static ChildJvm startBroker(Path dir, int port) throws Exception {
    ChildJvm broker = ChildJvm.start(BrokerMain.class.getName(), Map.of(), dir.resolve("broker.log"),
        dir.resolve("kafka").toString(), String.valueOf(port));
    long before = Files.exists(dir.resolve("broker.log")) ? Files.readString(dir.resolve("broker.log")).split(BrokerMain.READY, -1).length : 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(dir.resolve("broker.log")).split(BrokerMain.READY, -1).length > before) return broker;
      if (!broker.alive()) throw new AssertionError("broker exited; see " + dir.resolve("broker.log"));
      Thread.sleep(100);
    }
    throw new AssertionError("broker did not start; see " + dir.resolve("broker.log"));
  }

  /** Waits (at most 60 s) until {@code count} reports are acknowledged. */
  private static void awaitAcknowledged(Set<String> acknowledged, int count, List<TestNode.Response> refusals) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (acknowledged.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(acknowledged.size() + " of " + count + " acknowledged within 60 s; last refusals: "
            + refusals.subList(Math.max(0, refusals.size() - 3), refusals.size()));
      }
      Thread.sleep(20);
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
