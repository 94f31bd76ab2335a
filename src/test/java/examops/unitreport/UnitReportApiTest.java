package examops.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Unit reports and the delivery checklist through the HTTP API of a real node on a real broker:
 * submit, amend, retry, scope attacks, precise refusals, the missed-duty alerts, the report, and a
 * restart that reads them back the same.
 */
@Tier.Broker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitReportApiTest {

  /** 12 Oct 2020, 10:00 in An Giang: delivery over (items due 8 and 10 Oct), reports due 14 Oct 17:00. */
  private static final Instant NOW = Instant.parse("2020-10-12T03:00:00Z");

  private static TestNode node;
  private static String longXuyen;
  private static String chauDoc;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("examops-unit-reports"), new TestClock(NOW));
    longXuyen = node.token(Role.DISTRICT, "long-xuyen");
    chauDoc = node.token(Role.DISTRICT, "chau-doc");
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static JsonObject report(String id, String unit, String summary) {
    JsonObject data = new JsonObject().put("unit", unit).put("summary", summary)
        .put("incidents", "Mất kết nối internet tại điểm thi THPT Long Xuyên 20 phút ngày 09/8, đã khắc phục.")
        .put("figures", new JsonArray().add(new JsonObject().put("label", "Số lần báo cáo định kỳ").put("value", "46")))
        .put("attachments", new JsonArray().add(new JsonObject().put("title", "Biên bản").put("url", "https://longxuyen.angiang.gov.vn/bao-cao.pdf")))
        .put("by", "Nguyễn Văn A");
    return new JsonObject().put("id", id).put("at", "2020-10-12T09:55:00+07:00").put("data", data);
  }

  private static String id() {
    return "ur-" + UUID.randomUUID();
  }

  private static JsonObject unit(String unit) {
    return node.board().getJsonObject("unitReports").getJsonObject(unit);
  }

  private static void await(Predicate<JsonObject> board, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> board.test(node.board()));
  }

  @Order(1)
  @Test
  @DisplayName("a district unit submits its report, amends it (latest wins, history kept), and a retry of either id changes nothing")
  void submitAmendRetry() {
    String first = id();
    TestNode.Response r = node.post("/api/v1/unit-reports", report(first, "long-xuyen", "Đảm bảo thông tin liên lạc 3 ngày thi.").encode(), longXuyen);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().getString("id")).isEqualTo(first);
    await(b -> "submitted".equals(b.getJsonObject("unitReports").getJsonObject("long-xuyen").getString("state")), "the report on the board");
    JsonObject lx = unit("long-xuyen");
    assertThat(lx.getString("kind")).isEqualTo("district");
    assertThat(lx.getString("due")).isEqualTo("2020-10-14T10:00:00Z");
    assertThat(lx.getJsonObject("report").getString("by")).isEqualTo("district:long-xuyen");
    assertThat(lx.getJsonObject("report").getString("author")).isEqualTo("Nguyễn Văn A");
    assertThat(lx.getJsonObject("report").getJsonArray("figures").getJsonObject(0).getString("value")).isEqualTo("46");

    String amendment = id();
    assertThat(node.post("/api/v1/unit-reports", report(amendment, "long-xuyen", "Bản sửa: thêm số liệu tuyên truyền.").encode(), longXuyen).status())
        .isEqualTo(202);
    await(b -> amendment.equals(b.getJsonObject("unitReports").getJsonObject("long-xuyen").getJsonObject("report").getString("id")), "the amendment");
    // A retry of the first id, and of the amendment, is answered 202 and applied no second time.
    assertThat(node.post("/api/v1/unit-reports", report(first, "long-xuyen", "Đảm bảo thông tin liên lạc 3 ngày thi.").encode(), longXuyen).status())
        .isEqualTo(202);
    assertThat(node.post("/api/v1/unit-reports", report(amendment, "long-xuyen", "Bản sửa: thêm số liệu tuyên truyền.").encode(), longXuyen).status())
        .isEqualTo(202);
    // The same id with other content is a conflict, not a silent second report.
    TestNode.Response reused = node.post("/api/v1/unit-reports", report(first, "long-xuyen", "Nội dung khác").encode(), longXuyen);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json().getString("field")).isEqualTo("id");

    lx = unit("long-xuyen");
    assertThat(lx.getJsonObject("report").getString("summary")).isEqualTo("Bản sửa: thêm số liệu tuyên truyền.");
    assertThat(lx.getJsonObject("report").getInteger("version")).isEqualTo(2);
    assertThat(lx.getJsonArray("history")).extracting(o -> ((JsonObject) o).getString("id")).containsExactly(first, amendment);
    assertThat(lx.getString("state")).isEqualTo("submitted");
    List<JsonObject> log = node.readTopic("examops.checkins");
    assertThat(log).filteredOn(e -> "unitreport.submitted".equals(e.getString("type"))
        && "long-xuyen".equals(e.getJsonObject("data").getString("unit"))).hasSize(2);
  }

  @Order(2)
  @Test
  @DisplayName("a district token cannot submit or amend another unit's report: 403 naming only its own district, nothing written")
  void scopeAttacks() {
    String secretText = "Nội dung báo cáo của Châu Đốc";
    assertThat(node.post("/api/v1/unit-reports", report(id(), "chau-doc", secretText).encode(), chauDoc).status()).isEqualTo(202);
    await(b -> b.getJsonObject("unitReports").getJsonObject("chau-doc").getJsonObject("report") != null, "Châu Đốc's report");

    // Another district's unit in the data: refused, naming the credential's district only.
    TestNode.Response other = node.post("/api/v1/unit-reports", report(id(), "chau-doc", "giả mạo").encode(), longXuyen);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().getString("error")).contains("long-xuyen").doesNotContain("chau-doc").doesNotContain(secretText);
    // The other district in the envelope, own unit in the data.
    JsonObject envelope = report(id(), "long-xuyen", "giả mạo").put("district", "chau-doc");
    TestNode.Response district = node.post("/api/v1/unit-reports", envelope.encode(), longXuyen);
    assertThat(district.status()).isEqualTo(403);
    assertThat(district.json().getString("field")).isEqualTo("district");
    assertThat(district.body()).doesNotContain(secretText);
    // A department's report is the command center's to enter.
    TestNode.Response department = node.post("/api/v1/unit-reports", report(id(), "so-gddt", "giả mạo").encode(), longXuyen);
    assertThat(department.status()).isEqualTo(403);
    // Reusing Châu Đốc's own id from Long Xuyên lands on Long Xuyên's entity: it can neither amend nor read Châu Đốc's.
    String chauDocId = unit("chau-doc").getJsonObject("report").getString("id");
    TestNode.Response reuse = node.post("/api/v1/unit-reports", report(chauDocId, "long-xuyen", "thử id").encode(), longXuyen);
    assertThat(reuse.body()).doesNotContain(secretText);
    // Leadership and agents write nothing.
    assertThat(node.post("/api/v1/unit-reports", report(id(), "long-xuyen", "x").encode(), node.token(Role.LEADERSHIP, null)).status()).isEqualTo(403);
    assertThat(node.post("/api/v1/unit-reports", report(id(), "long-xuyen", "x").encode(), node.token(Role.AGENT, null)).status()).isEqualTo(403);
    assertThat(node.post("/api/v1/unit-reports", report(id(), "long-xuyen", "x").encode(), "not-a-token").status()).isEqualTo(401);

    assertThat(unit("chau-doc").getJsonObject("report").getString("summary")).isEqualTo(secretText);
    assertThat(node.readTopic("examops.checkins")).filteredOn(e -> "giả mạo".equals(e.getJsonObject("data", new JsonObject()).getString("summary"))).isEmpty();
  }

  @Order(3)
  @Test
  @DisplayName("every field is validated with a precise 4xx: required summary, lengths, counts, http(s) links, unknown units")
  void validation() {
    record Case(JsonObject data, int status, String field) {}
    String longText = "x".repeat(4001);
    JsonArray tooManyFigures = new JsonArray();
    for (int i = 0; i < 21; i++) tooManyFigures.add(new JsonObject().put("label", "l" + i).put("value", "1"));
    List<Case> cases = List.of(
        new Case(new JsonObject().put("unit", "long-xuyen"), 400, "data"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "   "), 400, "data.summary"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", longText), 400, "data.summary"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok").put("incidents", longText), 400, "data.incidents"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok").put("figures", tooManyFigures), 400, "data.figures"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok")
            .put("figures", new JsonArray().add(new JsonObject().put("label", "Số điểm thi"))), 400, "data.figures.0"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok")
            .put("attachments", new JsonArray().add(new JsonObject().put("url", "javascript:alert(1)"))), 400, "data.attachments.0.url"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok")
            .put("attachments", new JsonArray().add(new JsonObject().put("url", "ftp://files.example/bao-cao"))), 400, "data.attachments.0.url"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok")
            .put("attachments", new JsonArray().add(new JsonObject().put("url", "https://user:pw@files.example/x"))), 400, "data.attachments.0.url"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok")
            .put("attachments", new JsonArray().add(new JsonObject().put("url", "https://có dấu cách.vn/x"))), 400, "data.attachments.0.url"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok").put("extra", 1), 400, "data"),
        new Case(new JsonObject().put("unit", "long-xuyen").put("summary", "ok").put("by", "y".repeat(201)), 400, "data.by"));
    for (Case c : cases) {
      TestNode.Response r = node.post("/api/v1/unit-reports", new JsonObject().put("data", c.data()).encode(), longXuyen);
      assertThat(r.status()).as(c.data().encode().substring(0, Math.min(120, c.data().encode().length())) + " → " + r.body()).isEqualTo(c.status());
      assertThat(r.json().getString("field")).as(r.body()).startsWith(c.field());
      assertThat(r.json().getString("error")).as("the message names the field").contains(c.field().equals("data") ? "\"" : c.field());
    }
    // The command center: an unknown unit, and a district unit's report without its district, are 422.
    TestNode.Response unknown = node.post("/api/v1/unit-reports", new JsonObject()
        .put("data", new JsonObject().put("unit", "so-khong-co").put("summary", "ok")).encode());
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().getString("field")).isEqualTo("data.unit");
    TestNode.Response noDistrict = node.post("/api/v1/unit-reports", new JsonObject()
        .put("data", new JsonObject().put("unit", "tri-ton").put("summary", "ok")).encode());
    assertThat(noDistrict.status()).isEqualTo(422);
    assertThat(noDistrict.json().getString("field")).isEqualTo("district");
    // A department's report entered by the command center, province-wide.
    TestNode.Response department = node.post("/api/v1/unit-reports", new JsonObject()
        .put("data", new JsonObject().put("unit", "so-gddt").put("summary", "Sở GD&ĐT: công bố kết quả đúng hạn.")).encode());
    assertThat(department.status()).as(department.body()).isEqualTo(202);
    await(b -> b.getJsonObject("unitReports").getJsonObject("so-gddt").getJsonObject("report") != null, "the department's report");
    assertThat(unit("so-gddt").getString("kind")).isEqualTo("department");
  }

  @Order(4)
  @Test
  @DisplayName("the delivery checklist: a district ticks its own items with evidence, not another's; after the due dates the late items alert; after the reports' due date the missing units alert")
  void deliveryAndMissedDuties() throws Exception {
    JsonObject sent = new JsonObject().put("data", new JsonObject().put("channel", "post").put("item", "admission-files-sent")
        .put("state", "done").put("evidence", "EB123456789VN"));
    assertThat(node.post("/api/v1/publishing", sent.encode(), longXuyen).status()).isEqualTo(202);
    JsonObject noEvidence = new JsonObject().put("data", new JsonObject().put("channel", "post").put("item", "admission-files-received").put("state", "done"));
    TestNode.Response refused = node.post("/api/v1/publishing", noEvidence.encode(), longXuyen);
    assertThat(refused.status()).isEqualTo(409);
    TestNode.Response foreign = node.post("/api/v1/publishing", sent.copy().put("district", "chau-doc").encode(), longXuyen);
    assertThat(foreign.status()).isEqualTo(403);
    await(b -> "done".equals(b.getJsonObject("publishing").getJsonObject("long-xuyen").getJsonObject("post:admission-files-sent").getString("state")),
        "Long Xuyên's item sent");
    // 12 Oct is past both due dates: every district still missing an item has its late alert, Long Xuyên's sent item none.
    await(b -> b.getJsonObject("alerts").fieldNames().stream().anyMatch(a -> a.startsWith("publishing-late:chau-doc:post:admission-files-received")),
        "the late delivery alert");
    // Long Xuyên's sent item is done: its alert (raised while it was not) clears; its received item is still late.
    await(b -> b.getJsonObject("alerts").fieldNames().stream().noneMatch(a -> a.startsWith("publishing-late:long-xuyen:post:admission-files-sent")),
        "Long Xuyên's delivery alert cleared");
    assertThat(node.board().getJsonObject("alerts").fieldNames())
        .anyMatch(a -> a.startsWith("publishing-late:long-xuyen:post:admission-files-received"));
    assertThat(node.board().getJsonObject("alerts").fieldNames()).noneMatch(a -> a.startsWith("unit-report-missed"));

    // Past the reports' due date: the units that have not reported alert; those that did do not.
    node.clock().set(Instant.parse("2020-10-14T10:05:00Z"));
    await(b -> b.getJsonObject("alerts").fieldNames().stream().anyMatch(a -> a.startsWith("unit-report-missed:tri-ton:")), "the missed-report alert");
    JsonObject board = node.board();
    assertThat(board.getJsonObject("alerts").fieldNames()).anyMatch(a -> a.startsWith("unit-report-missed:vnpt-an-giang:"))
        .noneMatch(a -> a.startsWith("unit-report-missed:long-xuyen:")).noneMatch(a -> a.startsWith("unit-report-missed:chau-doc:"));
    assertThat(board.getJsonObject("unitReports").getJsonObject("tri-ton").getString("state")).isEqualTo("missing");
    assertThat(board.getJsonObject("clock").getJsonObject("countdown").getString("milestone")).isEqualTo("window-closes");

    // A late report clears its alert and shows as late.
    assertThat(node.post("/api/v1/unit-reports", new JsonObject().put("district", "tri-ton")
        .put("data", new JsonObject().put("unit", "tri-ton").put("summary", "Báo cáo gửi muộn.")).encode()).status()).isEqualTo(202);
    await(b -> b.getJsonObject("alerts").fieldNames().stream().noneMatch(a -> a.startsWith("unit-report-missed:tri-ton:")), "the alert cleared");
    assertThat(unit("tri-ton").getString("state")).isEqualTo("late");

    // The report (JSON, and the Steering Committee's documents) includes the units' reports.
    JsonObject kpi = node.get("/api/v1/report").json();
    JsonObject section = kpi.getJsonObject("unitReports");
    assertThat(section.getJsonObject("total").getInteger("units")).isEqualTo(15);
    assertThat(section.getJsonArray("units")).anySatisfy(u -> {
      JsonObject x = (JsonObject) u;
      assertThat(x.getString("unit")).isEqualTo("tri-ton");
      assertThat(x.getString("state")).isEqualTo("late");
      assertThat(x.getJsonObject("report").getString("summary")).isEqualTo("Báo cáo gửi muộn.");
    });

    // A restart reads the same reports back from the log (and its checkpoint).
    JsonObject before = node.board().getJsonObject("unitReports");
    node = node.restart();
    Awaitility.await("the restarted board").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> before.equals(node.board().getJsonObject("unitReports")));
  }
}
