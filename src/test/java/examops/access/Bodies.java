package examops.access;

import examops.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

/** Request bodies and waits the access tests share. */
final class Bodies {

  private Bodies() {}

  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static JsonObject checkin(String district) {
    JsonObject j = new JsonObject().put("id", id("ci")).put("at", "2020-08-09T07:05:00+07:00")
        .put("data", new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok"));
    return district == null ? j : j.put("district", district);
  }

  static JsonObject probe() {
    return new JsonObject().put("id", id("pr")).put("at", "2020-08-09T07:01:00+07:00")
        .put("data", new JsonObject().put("target", "province/portal").put("status", "up").put("latencyMs", 120));
  }

  static JsonObject incident(String incidentId, String district, String category) {
    return new JsonObject().put("id", id("inc")).put("at", "2020-08-09T07:02:00+07:00").put("district", district)
        .put("data", new JsonObject().put("incidentId", incidentId).put("title", "Sự cố " + incidentId)
            .put("severity", "high").put("category", category));
  }

  static JsonObject publishing(String district, String state) {
    JsonObject data = new JsonObject().put("channel", "district-portal").put("item", "timetable").put("state", state);
    if ("done".equals(state)) data.put("evidence", "https://example.org/lich-thi");
    return new JsonObject().put("id", id("pub")).put("at", "2020-08-04T10:00:00+07:00").put("district", district).put("data", data);
  }

  static JsonObject action() {
    return new JsonObject().put("id", id("act")).put("at", "2020-08-09T07:03:00+07:00")
        .put("data", new JsonObject().put("note", "đang xử lý"));
  }

  /** Reports an incident as the command center and waits until the board has it. */
  static String reportedIncident(TestNode node, String district, String category) throws InterruptedException {
    String incidentId = id("INC");
    int status = node.post("/api/v1/incidents", incident(incidentId, district, category).encode()).status();
    if (status != 202) throw new AssertionError("could not report an incident: " + status);
    await(node, b -> b.getJsonObject("incidents").containsKey(incidentId), "incident " + incidentId + " on the board");
    return incidentId;
  }

  static void await(TestNode node, java.util.function.Predicate<JsonObject> board, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (board.test(node.board())) return;
      Thread.sleep(30);
    }
    throw new AssertionError("not within 10 s: " + what);
  }
}
