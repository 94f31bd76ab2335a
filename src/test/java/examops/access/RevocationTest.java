package examops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Revocations are events on examops.access: they hold on every node and after a restart. */
@Tier.Broker
class RevocationTest {

  @Test
  @DisplayName("a revoked token is refused at once on the node that revoked it, within seconds on another node, and still after a restart")
  void revocationHoldsEverywhereAndAfterRestart() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2020-08-09T00:00:00Z"));
    TestNode first = TestNode.start(Files.createTempDirectory("examops-revoke-1"), clock, Map.of());
    TestNode second = null;
    try {
      second = TestNode.start(Files.createTempDirectory("examops-revoke-2"), clock,
          Map.of("EXAMOPS_KAFKA_BOOTSTRAP", first.bootstrapServers(), "EXAMOPS_NODE_ID", "test-node-2",
              "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1"));
      JsonObject issued = first.post("/api/v1/tokens", new JsonObject().put("role", "district").put("district", "cho-moi").encode()).json();
      String token = issued.getString("token");
      String kept = first.token(Role.DISTRICT, "cho-moi");
      assertThat(first.get("/api/v1/board", token).status()).isEqualTo(200);
      assertThat(second.get("/api/v1/board", token).status()).isEqualTo(200);
      try (WsClient open = second.ws(token)) {
        open.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));

        TestNode.Response revoked = first.post("/api/v1/tokens/" + issued.getString("jti") + "/revoke",
            new JsonObject().put("reason", "điện thoại bị mất").encode());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(first.get("/api/v1/board", token).status()).isEqualTo(401);
        assertThat(first.get("/api/v1/board", token).json().getString("error")).contains("revoked");
        awaitStatus(second, token, 401);
        assertThat(open.closed(Duration.ofSeconds(5))).as("an open board socket is closed too").isTrue();
      }
      TestNode revokedOn = first;
      assertThatThrownBy(() -> revokedOn.ws(token)).as("the WebSocket refuses it too").isNotNull();
      assertThat(first.get("/api/v1/board", kept).status()).as("other tokens are untouched").isEqualTo(200);

      second.close();
      second = null;
      first = first.restart();
      assertThat(first.get("/api/v1/board", token).status()).isEqualTo(401);
      assertThat(first.get("/api/v1/board", kept).status()).isEqualTo(200);
      assertThat(first.readTopic("examops.access")).anyMatch(r -> "token.revoked".equals(r.getString("type"))
          && issued.getString("jti").equals(r.getJsonObject("data").getString("jti"))
          && "command:test-command".equals(r.getString("source")));
    } finally {
      if (second != null) second.close();
      first.close();
    }
  }

  private static void awaitStatus(TestNode node, String token, int status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline && node.get("/api/v1/board", token).status() != status) Thread.sleep(50);
    assertThat(node.get("/api/v1/board", token).status()).isEqualTo(status);
  }
}
