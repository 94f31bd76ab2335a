package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.EmbeddedKafka;
import examops.testing.BoardMirror;
import examops.testing.NodeProcess;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded broker meets a fault it cannot survive; the node's HTTP side stays up and says so. */
@Tier.Cluster
class EmbeddedBrokerFaultTest {

  @Test
  @DisplayName("the embedded broker's log directory deleted under it: the process stays alive, /health 503 says the broker stopped and the node needs a restart, screens are told the board is stale, ingest answers 503 with Retry-After")
  void brokerFaultKeepsTheNodeUp() throws Exception {
    Path dir = Files.createTempDirectory("examops-broker-fault");
    NodeProcess node = NodeProcess.launch("fault-node", EmbeddedKafka.freePort(), dir,
        Map.of("EXAMOPS_KAFKA_PORT", String.valueOf(EmbeddedKafka.freePort())));
    try {
      node.awaitHealthy(Duration.ofSeconds(90));
      assertThat(node.post("/api/v1/incidents", BrokerLossTest.incident("before")).statusCode()).isEqualTo(202);
      try (BoardMirror screen = new BoardMirror(node.wsUrl("/ws/board"))) {
        screen.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(10));

        deleteTree(dir.resolve("kafka"));
        long lostAt = System.nanoTime();
        HttpResponse<String> write = node.post("/api/v1/incidents", BrokerLossTest.incident("after"));
        JsonObject health = awaitStopped(node);
        long reportedMs = (System.nanoTime() - lostAt) / 1_000_000;
        assertThat(health.getString("reason")).startsWith("the embedded Kafka broker stopped: ").endsWith("restart the node");

        JsonObject stale = screen.await(m -> "status".equals(m.getString("type")) && m.getBoolean("stale", false), Duration.ofSeconds(20));
        assertThat(stale.getString("reason")).contains("Kafka");
        HttpResponse<String> refused = node.post("/api/v1/incidents", BrokerLossTest.incident("later"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("retry-after")).isPresent();
        assertThat(node.alive()).as("the process is still up").isTrue();
        assertThat(Files.readString(node.log())).contains("the embedded Kafka broker stopped").contains("restart the node");
        System.out.printf("[broker fault] first write after the loss answered %d; /health said so after %d ms%n",
            write.statusCode(), reportedMs);
      }
    } finally {
      node.close();
    }
  }

  private static JsonObject awaitStopped(NodeProcess node) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      assertThat(node.alive()).as("the process is still up:\n" + node.logTail()).isTrue();
      HttpResponse<String> r = node.get("/health");
      last = r.statusCode() + " " + r.body();
      if (r.statusCode() == 503 && "broker-stopped".equals(new JsonObject(r.body()).getString("status"))) {
        return new JsonObject(r.body());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/health never said the broker stopped; last: " + last + "\n" + node.logTail());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
