package examops;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Broker
class RestartTest {

  @Test
  @DisplayName("stopped and restarted on the same data directory, the node replays to the same board")
  void restartReplaysToSameState() throws Exception {
    // Before the window opens no rule raises anything, so the log holds exactly what this test wrote
    // (dated on the test's clock: ingest refuses events more than a day ahead of the exam clock).
    TestNode node = TestNode.start(java.nio.file.Files.createTempDirectory("examops-restart"),
        new examops.testing.TestClock(java.time.Instant.parse("2020-07-20T00:00:00Z")));
    try {
      for (String d : new String[] {"long-xuyen", "chau-doc", "cho-moi"}) {
        assertThat(node.post("/api/v1/checkins", SpineTest.checkin(null, d, "ok", "ổn định").put("at", "2020-07-20T07:05:00+07:00").encode()).status()).isEqualTo(202);
      }
      assertThat(node.post("/api/v1/monitoring", new JsonObject().put("at", "2020-07-20T07:01:00+07:00")
          .put("source", "agent:nms").put("data", new JsonObject().put("target", "province/portal").put("status", "degraded")
              .put("latencyMs", 2300).put("detail", "chậm")).encode()).status()).isEqualTo(202);
      assertThat(node.post("/api/v1/incidents", new JsonObject().put("at", "2020-07-20T07:02:00+07:00").put("district", "cho-moi")
          .put("data", new JsonObject().put("incidentId", "INC-1").put("title", "Mất kết nối internet điểm thi")
              .put("severity", "high").put("category", "network")).encode()).status()).isEqualTo(202);
      awaitVersion(node, 5); // the lifecycle check reads the board, which follows the log a moment behind the 202
      assertThat(node.post("/api/v1/incidents/INC-1/acknowledge", new JsonObject().put("at", "2020-07-20T07:04:00+07:00")
          .put("data", new JsonObject().put("by", "trực ban")).encode()).status()).isEqualTo(202);
      assertThat(node.post("/api/v1/publishing", new JsonObject().put("at", "2020-07-20T07:06:00+07:00").put("district", "cho-moi")
          .put("data", new JsonObject().put("channel", "radio").put("item", "timetable").put("state", "done")
              .put("evidence", "Phát sóng 3 lần/ngày")).encode()).status()).isEqualTo(202);
      awaitVersion(node, 7);
      JsonObject before = node.board();

      node = node.restart();
      JsonObject after = node.board();
      assertThat(after.getLong("version")).isEqualTo(7);
      assertThat(SpineTest.withoutNow(after)).isEqualTo(SpineTest.withoutNow(before));
    } finally {
      node.close();
    }
  }

  static void awaitVersion(TestNode node, long version) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline && node.board().getLong("version") < version) Thread.sleep(20);
    assertThat(node.board().getLong("version")).isEqualTo(version);
  }
}
