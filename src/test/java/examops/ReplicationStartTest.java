package examops;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.EmbeddedKafka;
import examops.testing.NodeProcess;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A node on an external cluster with fewer brokers than its topics need copies. */
@Tier.Cluster
class ReplicationStartTest {

  @Test
  @DisplayName("on a 1-broker cluster with replication factor 3 the node waits (503 /health naming the brokers it waits for), then exits with a clear refusal; with EXAMOPS_KAFKA_REPLICATION_FACTOR=1 it starts")
  void waitsThenRefusesUnlessToldOtherwise() throws Exception {
    Path dir = Files.createTempDirectory("examops-replication");
    EmbeddedKafka broker = new EmbeddedKafka(dir.resolve("broker"), EmbeddedKafka.freePort());
    broker.start();
    try {
      long t0 = System.nanoTime();
      NodeProcess node = NodeProcess.launch("rf-node", EmbeddedKafka.freePort(), dir.resolve("node"),
          Map.of("EXAMOPS_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "EXAMOPS_KAFKA_BROKER_WAIT", "PT6S"));
      try {
        JsonObject waiting = awaitHealth(node, h -> h.getString("reason", "").startsWith("waiting for Kafka brokers"));
        assertThat(waiting.getString("status")).isEqualTo("starting");
        assertThat(waiting.getString("reason")).contains("1 of the 3 Kafka brokers needed are registered");
        assertThat(node.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        long refusedMs = (System.nanoTime() - t0) / 1_000_000;
        String log = Files.readString(node.log());
        assertThat(log).contains("ExamOps could not start: refusing to create topics with fewer copies than required")
            .contains("EXAMOPS_KAFKA_REPLICATION_FACTOR");
        System.out.printf("[replication] refused %d ms after launch (broker wait 6 s)%n", refusedMs);
      } finally {
        node.close();
      }
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).as("nothing created with fewer copies").isEmpty();
      }

      TestNode small = TestNode.start(dir.resolve("node-2"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")),
          Map.of("EXAMOPS_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1"));
      try {
        assertThat(small.post("/api/v1/checkins", SpineTest.checkin(null, "phu-tan", "ok", "").encode()).status()).isEqualTo(202);
      } finally {
        small.close();
      }
    } finally {
      broker.close();
    }
  }

  private static JsonObject awaitHealth(NodeProcess node, java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String last = "(no answer)";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = node.get("/health");
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 503 && wanted.test(new JsonObject(r.body()))) return new JsonObject(r.body());
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      if (!node.alive()) break;
      Thread.sleep(100);
    }
    throw new AssertionError("/health never answered as expected; last: " + last + "\n" + node.logTail());
  }
}
