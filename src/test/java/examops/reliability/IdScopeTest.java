package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import examops.access.Role;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Event ids with a valid district credential: one unit's id cannot swallow another unit's report or
 * an event the node writes itself; a retry must repeat the event it retries.
 */
@Tier.Broker
class IdScopeTest {

  private static TestNode node;
  private static String longXuyen;
  private static String chauDoc;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
    longXuyen = node.token(Role.DISTRICT, "long-xuyen");
    chauDoc = node.token(Role.DISTRICT, "chau-doc");
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static JsonObject checkin(String id, String district, String status, String note) {
    return checkin(id, district, status, note, "07:05");
  }

  private static JsonObject checkin(String id, String district, String status, String note, String time) {
    return new JsonObject().put("id", id).put("at", "2020-08-09T" + time + ":00+07:00").put("district", district)
        .put("data", new JsonObject().put("status", status).put("phone", "ok").put("fax", "ok").put("internet", "ok").put("note", note));
  }

  private static String lastNote(String district) {
    JsonObject last = node.board().getJsonObject("districts").getJsonObject(district).getJsonObject("lastCheckin");
    return last == null ? null : last.getString("note");
  }

  @Test
  @DisplayName("another district's check-in under an id one district already used is applied, not taken for a duplicate")
  void idsAreScopedByEntity() {
    assertThat(node.post("/api/v1/checkins", checkin("shared-id-1", "long-xuyen", "ok", "LX").encode(), longXuyen).status()).isEqualTo(202);
    assertThat(node.post("/api/v1/checkins", checkin("shared-id-1", "chau-doc", "critical", "CD").encode(), chauDoc).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "LX".equals(lastNote("long-xuyen")) && "CD".equals(lastNote("chau-doc")));
  }

  @Test
  @DisplayName("a retry is accepted again; another event under the same id is refused 409 and changes nothing")
  void sameIdOtherContent() {
    String anPhu = node.token(Role.DISTRICT, "an-phu");
    String body = checkin("retry-id-1", "an-phu", "ok", "first", "06:40").encode();
    assertThat(node.post("/api/v1/checkins", body, anPhu).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "first".equals(lastNote("an-phu")));
    assertThat(node.post("/api/v1/checkins", body, anPhu).status()).as("the same event again").isEqualTo(202);
    TestNode.Response other = node.post("/api/v1/checkins", checkin("retry-id-1", "an-phu", "critical", "second", "06:50").encode(), anPhu);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().getString("field")).isEqualTo("id");
    assertThat(lastNote("an-phu")).isEqualTo("first");
  }

  @Test
  @DisplayName("the ids of events the node writes itself (alerts, escalations, notifications) are refused from clients")
  void nodeIdsReserved() {
    for (String id : new String[] {"raised:missed-checkin:district.an-phu:1596934800:0", "cleared:x:0", "escalated:a",
        "notification.sent:abc"}) {
      JsonObject publishing = new JsonObject().put("id", id).put("district", "long-xuyen").put("data", new JsonObject()
          .put("channel", "radio").put("item", "timetable").put("state", "in-progress"));
      TestNode.Response r = node.post("/api/v1/publishing", publishing.encode(), longXuyen);
      assertThat(r.status()).as(id).isEqualTo(400);
      assertThat(r.json().getString("field")).isEqualTo("id");
    }
  }
}
