package examops.web;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestNode;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Screens that connect together share one snapshot, a shared snapshot never hides a change already
 * sent, and screens of different audiences never share one.
 */
@Tier.Broker
class SharedSnapshotTest {

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static JsonObject snapshot(WsClient ws) throws InterruptedException {
    return ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("twenty screens connecting at once each get a snapshot")
  void manyAtOnce() throws Exception {
    List<WsClient> screens = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) screens.add(node.ws());
      for (WsClient ws : screens) assertThat(snapshot(ws).getJsonObject("state").getJsonObject("targets").size()).isPositive();
    } finally {
      screens.forEach(WsClient::close);
    }
  }

  @Test
  @DisplayName("a screen connecting after a delta went out gets a snapshot that already has the change")
  void neverStale() throws Exception {
    try (WsClient first = node.ws()) {
      snapshot(first);
      JsonObject checkin = new JsonObject().put("type", "checkin.submitted").put("at", "2020-08-09T07:05:00+07:00")
          .put("district", "an-phu").put("data", new JsonObject().put("status", "critical").put("phone", "ok").put("fax", "ok")
              .put("internet", "down").put("note", "mất mạng"));
      assertThat(node.post("/api/v1/checkins", checkin.encode()).status()).isEqualTo(202);
      JsonObject delta = first.await(m -> "delta".equals(m.getString("type")) && m.encode().contains("mất mạng"), Duration.ofSeconds(5));
      try (WsClient late = node.ws()) {
        JsonObject s = snapshot(late);
        assertThat(s.getLong("version")).isGreaterThanOrEqualTo(delta.getLong("version"));
        assertThat(s.getJsonObject("state").getJsonObject("districts").getJsonObject("an-phu").getString("status")).isEqualTo("critical");
      }
    }
  }

  @Test
  @DisplayName("district and command screens connecting together each get their own audience's snapshot")
  void sharedPerAudience() throws Exception {
    String secret = "EXAMDATA-" + UUID.randomUUID();
    JsonObject incident = new JsonObject().put("at", "2020-08-09T07:02:00+07:00").put("district", "long-xuyen")
        .put("data", new JsonObject().put("incidentId", secret).put("title", "Sự cố " + secret).put("severity", "high")
            .put("category", "exam-data"));
    assertThat(node.post("/api/v1/incidents", incident.encode()).status()).isEqualTo(202);
    try (WsClient command = node.ws()) {
      command.await(m -> m.encode().contains(secret), Duration.ofSeconds(10));
    }
    String district = node.token(Role.DISTRICT, "long-xuyen");
    List<WsClient> screens = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        screens.add(node.ws(district));
        screens.add(node.ws());
      }
      for (int i = 0; i < screens.size(); i++) {
        JsonObject incidents = snapshot(screens.get(i)).getJsonObject("state").getJsonObject("incidents");
        if (i % 2 == 0) assertThat(incidents.fieldNames()).as("district screen %d", i).doesNotContain(secret);
        else assertThat(incidents.fieldNames()).as("command screen %d", i).contains(secret);
      }
    } finally {
      screens.forEach(WsClient::close);
    }
  }
}
