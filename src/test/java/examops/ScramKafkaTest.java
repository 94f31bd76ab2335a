package examops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.config.Config;
import examops.kafka.EmbeddedKafka;
import examops.testing.ChildJvm;
import examops.testing.ScramBrokerMain;
import examops.testing.TestClock;
import examops.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A node on a Kafka cluster that takes only SASL/SCRAM clients: every client of the node logs in. */
class ScramKafkaTest {

  private static final String USER = "examops";
  private static final String PASSWORD = "pa\"ss-with-quote-and-\\backslash";

  @Test
  @DisplayName("against a SCRAM-only broker a node with EXAMOPS_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT and its credentials sets up topics, takes writes, follows the log and answers time travel; with a wrong password it refuses to start, saying so")
  void scramCredentialsReachEveryClient() throws Exception {
    Path dir = Files.createTempDirectory("examops-scram");
    int port = EmbeddedKafka.freePort();
    try (ChildJvm broker = ChildJvm.start(ScramBrokerMain.class.getName(), Map.of(), dir.resolve("broker.log"),
        dir.resolve("kafka").toString(), String.valueOf(port), USER, PASSWORD)) {
      broker.awaitOutput(ScramBrokerMain.READY, Duration.ofSeconds(90));
      Map<String, String> env = new HashMap<>(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", "127.0.0.1:" + port,
          "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1", "EXAMOPS_KAFKA_BROKER_WAIT", "PT30S",
          "EXAMOPS_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "EXAMOPS_KAFKA_SASL_MECHANISM", ScramBrokerMain.MECHANISM,
          "EXAMOPS_KAFKA_USERNAME", USER, "EXAMOPS_KAFKA_PASSWORD", "wrong"));

      Map<String, String> wrong = new HashMap<>(env);
      wrong.putAll(Map.of("EXAMOPS_HTTP_PORT", "0", "EXAMOPS_HTTP_HOST", "127.0.0.1", "EXAMOPS_DATA_DIR", dir.resolve("wrong").toString(),
          "EXAMOPS_SECRET", TestNode.SECRET));
      Node refused = Node.create(Config.load(wrong), new TestClock(Instant.parse("2020-08-09T00:00:00Z")));
      try {
        assertThatThrownBy(refused::start).hasMessageContaining("refused this node's credentials")
            .hasMessageContaining("EXAMOPS_KAFKA_USERNAME").hasMessageNotContaining("wrong");
      } finally {
        refused.close();
      }

      env.put("EXAMOPS_KAFKA_PASSWORD", PASSWORD);
      TestNode node = TestNode.start(dir.resolve("node"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")), env);
      try {
        assertThat(node.post("/api/v1/checkins", SpineTest.checkin("scram-1", "phu-tan", "issue", "").encode()).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"issue".equals(node.board().getJsonObject("districts").getJsonObject("phu-tan").getString("status"))) {
          assertThat(System.nanoTime()).as("the board follows the log").isLessThan(deadline);
          Thread.sleep(100);
        }
        TestNode.Response past = node.get("/api/v1/board?at=" + Instant.parse("2020-08-09T00:00:00Z"));
        assertThat(past.status()).as(past.body()).isEqualTo(200);
        assertThat(node.get("/health").status()).as("the broker watch logs in too").isEqualTo(200);
      } finally {
        node.close();
      }
    }
  }
}
