package examops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.EmbeddedKafka;
import examops.testing.ProbingProvince;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The active probes against real servers on 127.0.0.1, through the log, with flap damping on the board. */
@Tier.Broker
class ProbeTest {

  @Test
  @DisplayName("HTTP and TCP probes publish results: a healthy portal is up; a closed port is down; a portal answering 500 goes down after three failures in a row and comes back")
  void probesReachTheBoard() throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = vertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(status.get()).end("ok"))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    int closedPort = EmbeddedKafka.freePort();
    Duration every = Duration.ofMillis(300);
    Duration timeout = Duration.ofMillis(250);
    Path province = ProbingProvince.write(Map.of(
        "province/portal", ProbingProvince.http("http://127.0.0.1:" + server.actualPort() + "/", every, timeout),
        "province/data-center", ProbingProvince.tcp(closedPort, every, timeout)));
    TestNode node = TestNode.start(Files.createTempDirectory("examops-probes"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")),
        Map.of("EXAMOPS_PROVINCE", province.toString()));
    try {
      // Taking the lease fences the former holder's Kafka writer first (Kafka creates its transaction log then).
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
          .until(() -> node.get("/health").json().getBoolean("leader"));
      awaitStatus(node, "province/portal", "up");
      JsonObject portal = node.board().getJsonObject("targets").getJsonObject("province/portal");
      assertThat(portal.getString("source")).startsWith("probe:");
      assertThat(portal.getString("detail")).isEqualTo("HTTP 200");
      JsonObject dc = awaitStatus(node, "province/data-center", "down");
      assertThat(dc.getString("detail")).isNotBlank();

      status.set(500);
      JsonObject failing = awaitStatus(node, "province/portal", "down");
      assertThat(failing.getString("detail")).contains("500");
      assertThat(failing.getInteger("failures")).as("damped: three failures in a row to go down").isGreaterThanOrEqualTo(3);
      status.set(200);
      awaitStatus(node, "province/portal", "up");
    } finally {
      node.close();
      vertx.close();
    }
  }

  private static JsonObject awaitStatus(TestNode node, String target, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonObject t = null;
    while (System.nanoTime() < deadline) {
      t = node.board().getJsonObject("targets").getJsonObject(target);
      if (expected.equals(t.getString("status"))) return t;
      Thread.sleep(100);
    }
    throw new AssertionError(target + " not " + expected + " within 20 s: " + t);
  }
}
