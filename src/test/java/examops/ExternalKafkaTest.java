package examops;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.EmbeddedKafka;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The node against a Kafka it did not start (EXAMOPS_KAFKA_BOOTSTRAP set), and that Kafka going away. */
@Tier.Broker
class ExternalKafkaTest {

  @Test
  @DisplayName("with EXAMOPS_KAFKA_BOOTSTRAP set the node uses that broker; when it is gone ingest answers 503 with Retry-After, and resumes when it is back")
  void externalBrokerLossAnswers503() throws Exception {
    Path brokerDir = Files.createTempDirectory("examops-external-broker");
    int port = EmbeddedKafka.freePort();
    EmbeddedKafka broker = new EmbeddedKafka(brokerDir, port);
    broker.start();
    Path nodeDir = Files.createTempDirectory("examops-node");
    TestNode node = TestNode.start(nodeDir, new TestClock(Instant.parse("2020-07-20T00:00:00Z")),
        Map.of("EXAMOPS_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1"));
    try {
      assertThat(Files.exists(nodeDir.resolve("kafka"))).as("no embedded broker is started").isFalse();
      assertThat(node.post("/api/v1/checkins", onClock(SpineTest.checkin(null, "phu-tan", "ok", "")).encode()).status()).isEqualTo(202);
      RestartTest.awaitVersion(node, 1);

      broker.close();
      long t0 = System.nanoTime();
      TestNode.Response refused = node.post("/api/v1/checkins", onClock(SpineTest.checkin("while-down", "phu-tan", "issue", "")).encode());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.headers()).containsKey("retry-after");
      assertThat(refused.json().getString("error")).contains("retry");
      assertThat(ms).as("answered within a bounded time").isLessThan(15_000);

      broker = new EmbeddedKafka(brokerDir, port);
      broker.start();
      TestNode.Response retried = null;
      for (int i = 0; i < 20; i++) {
        retried = node.post("/api/v1/checkins", onClock(SpineTest.checkin("while-down", "phu-tan", "issue", "")).encode());
        if (retried.status() == 202) break;
        Thread.sleep(500);
      }
      assertThat(retried.status()).isEqualTo(202);
      RestartTest.awaitVersion(node, 2);
      assertThat(node.board().getJsonObject("districts").getJsonObject("phu-tan").getString("status")).isEqualTo("issue");
    } finally {
      node.close();
      broker.close();
    }
  }

  /** Dated on this test's clock: ingest refuses an event more than a day ahead of the exam clock. */
  private static io.vertx.core.json.JsonObject onClock(io.vertx.core.json.JsonObject event) {
    return event.put("at", "2020-07-20T07:05:00+07:00");
  }
}
