package examops.report;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A small exam day posted over HTTP to a real node (in-process Kafka broker), then the report rebuilt
 * from the log: the figures, the CSV and the errors.
 */
@Tier.Broker
class ReportApiTest {

  static final String MORNING = query("2020-08-09T06:00:00+07:00", "2020-08-09T08:00:00+07:00");
  static final String DAY = query("2020-08-09T00:00:00+07:00", "2020-08-10T00:00:00+07:00");

  private static TestNode node;

  @BeforeAll
  static void examDay() throws Exception {
    node = TestNode.start();
    node.clock().set(Instant.parse("2020-08-09T14:00:00Z")); // 21:00 in An Giang: the day is over
    for (String at : new String[] {"06:30", "07:00", "07:35"}) checkin("long-xuyen", at);
    probe("province/portal", "up", "06:00");
    probe("province/portal", "down", "07:00");
    probe("province/portal", "up", "07:30");

    post("/api/v1/incidents", event("07:10", "long-xuyen", new JsonObject().put("incidentId", "inc-portal-scan")
        .put("title", "=HYPERLINK(\"x\") dò quét cổng, \"khẩn\"").put("severity", "critical").put("category", "security")));
    await(b -> b.getJsonObject("incidents").containsKey("inc-portal-scan"));
    post("/api/v1/incidents/inc-portal-scan/acknowledge", event("07:15", "long-xuyen", new JsonObject().put("by", "trực ban")));
    await(b -> b.getJsonObject("incidents").getJsonObject("inc-portal-scan").getString("acknowledgedAt") != null);
    post("/api/v1/incidents/inc-portal-scan/resolve", event("07:50", "long-xuyen", new JsonObject().put("by", "trực ban")));

    publishing("long-xuyen", "done", "17:00");
    await(b -> "done".equals(item(b, "long-xuyen").getString("state")));
    publishing("long-xuyen", "verified", "17:30");
    publishing("chau-doc", "done", "18:30");
    await(b -> "verified".equals(item(b, "long-xuyen").getString("state")) && "done".equals(item(b, "chau-doc").getString("state")));
    await(b -> b.getJsonObject("incidents").getJsonObject("inc-portal-scan").getString("resolvedAt") != null);
    await(b -> !b.getJsonObject("alerts").isEmpty()); // the rules have seen the silent districts
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  @DisplayName("the morning's report: punctuality, availability, incident timings, all from the log")
  void morningFigures() {
    TestNode.Response r = node.get("/api/v1/report" + MORNING);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject report = r.json();
    assertThat(report.getJsonObject("period").getString("from")).isEqualTo("2020-08-09T06:00:00+07:00");
    assertThat(report.getJsonObject("period").getBoolean("complete")).isTrue();

    JsonObject lx = byKey(report.getJsonObject("checkins").getJsonArray("districts"), "district", "long-xuyen");
    assertThat(lx.getMap()).containsEntry("onTime", 2).containsEntry("late", 1).containsEntry("missed", 0);
    // Every other district missed 07:00 (at 07:05) and 07:30 (at 07:35).
    assertThat(report.getJsonObject("checkins").getJsonObject("total").getLong("missed")).isEqualTo(20);

    JsonObject portal = byKey(report.getJsonObject("availability").getJsonArray("keyServices"), "id", "province/portal");
    assertThat(portal.getMap()).containsEntry("upSec", 5400).containsEntry("downSec", 1800)
        .containsEntry("unknownSec", 0).containsEntry("availability", 0.75);
    JsonObject dc = byKey(report.getJsonObject("availability").getJsonArray("keyServices"), "id", "province/data-center");
    assertThat(dc.getLong("unknownSec")).isEqualTo(7200);

    JsonObject incidents = report.getJsonObject("incidents");
    assertThat(incidents.getInteger("total")).isEqualTo(1);
    assertThat(incidents.getJsonObject("bySeverity").getInteger("critical")).isEqualTo(1);
    assertThat(incidents.getJsonObject("timeToAcknowledge").getLong("meanSec")).isEqualTo(300);
    // The resolution at 07:50 is inside the period; a report ending at 07:30 would see it open.
    assertThat(incidents.getJsonObject("timeToResolve").getLong("meanSec")).isEqualTo(2400);
    assertThat(incidents.getJsonArray("list").getJsonObject(0).getJsonArray("timeline")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName("the day's report: publishing per district and channel, alerts by rule, per-day figures")
  void dayFigures() {
    JsonObject report = node.get("/api/v1/report" + DAY).json();
    JsonObject radio = byKey(report.getJsonObject("publishing").getJsonArray("byChannel"), "channel", "radio");
    assertThat(radio.getMap()).containsEntry("items", 11).containsEntry("doneOnTime", 1).containsEntry("doneLate", 1)
        .containsEntry("verified", 1).containsEntry("missing", 9).containsEntry("pending", 0);
    JsonObject province = byKey(report.getJsonObject("publishing").getJsonArray("byChannel"), "channel", "provincial-portal");
    assertThat(province.getInteger("missing")).isEqualTo(1);
    assertThat(report.getJsonObject("alerts").getJsonObject("byRule").getInteger("checkin-missed")).isPositive();
    assertThat(report.getJsonArray("days")).hasSize(1);
    JsonObject day = report.getJsonArray("days").getJsonObject(0);
    assertThat(day.getString("date")).isEqualTo("2020-08-09");
    assertThat(day.getJsonObject("incidents").getInteger("total")).isEqualTo(1);
    assertThat(day.getJsonObject("publishing").getInteger("doneLate")).isEqualTo(1);
  }

  @Test
  @DisplayName("the CSV has a BOM, every table, Vietnamese names and the expected rows; formulas are defused")
  void csv() {
    TestNode.Response r = node.get("/api/v1/report" + MORNING + "&format=csv");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().get("content-type")).startsWith("text/csv");
    assertThat(r.headers().get("content-disposition")).contains("examops-report-an-giang-20200809-0600-20200809-0800.csv");
    assertThat(r.body()).startsWith("\uFEFF# summary\r\n");
    for (String table : ReportCsv.TABLES) assertThat(r.body()).contains("# " + table + "\r\n");
    assertThat(r.body()).contains("\r\nlong-xuyen,TP. Long Xuyên,2,1,0,0,3,0.6667\r\n");
    assertThat(r.body()).contains("\r\nprovince/portal,portal,,Cổng thông tin điện tử tỉnh,5400,0,1800,0,0,7200,0.75,0.75\r\n");
    assertThat(r.body()).contains(",\"'=HYPERLINK(\"\"x\"\") dò quét cổng, \"\"khẩn\"\"\",");

    TestNode.Response one = node.get("/api/v1/report" + MORNING + "&format=csv&table=checkins&lang=en");
    assertThat(one.body()).startsWith("\uFEFFdistrict,name,on_time,late,missed,unscheduled,expected,punctuality\r\n");
    assertThat(one.body()).contains("\r\nlong-xuyen,Long Xuyên city,2,1,0,0,3,0.6667\r\n");
    assertThat(one.body().lines().count()).isEqualTo(1 + 11 + 1);
  }

  @Test
  @DisplayName("a bad period is answered 400 naming the parameter")
  void badParameters() {
    TestNode.Response bad = node.get("/api/v1/report?from=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("from");
    assertThat(bad.json().getString("error")).contains("ISO-8601");

    TestNode.Response backwards = node.get("/api/v1/report" + query("2020-08-10T00:00:00+07:00", "2020-08-09T00:00:00+07:00"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().getString("field")).isEqualTo("from");

    assertThat(node.get("/api/v1/report?to=soon").json().getString("field")).isEqualTo("to");
    assertThat(node.get("/api/v1/report" + MORNING + "&format=xlsx").json().getString("field")).isEqualTo("format");
    assertThat(node.get("/api/v1/report" + MORNING + "&format=csv&table=nope").json().getString("field")).isEqualTo("table");
    // An unencoded "+07:00" arrives as " 07:00" and is still understood.
    assertThat(node.get("/api/v1/report?from=2020-08-09T06:00:00+07:00&to=2020-08-09T08:00:00+07:00").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a report job shows its progress, then its result; an unknown job is 404")
  void job() throws Exception {
    TestNode.Response started = node.post("/api/v1/reports" + MORNING, "");
    assertThat(started.status()).isEqualTo(202);
    String id = started.json().getString("id");
    assertThat(started.headers().get("location")).isEqualTo("/api/v1/reports/" + id);
    JsonObject status = started.json();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"done".equals(status.getString("state")) && System.nanoTime() < deadline) {
      assertThat(status.getJsonObject("progress").getInteger("percent")).isBetween(0, 100);
      Thread.sleep(50);
      status = node.get("/api/v1/reports/" + id).json();
    }
    assertThat(status.getString("state")).isEqualTo("done");
    assertThat(status.getJsonObject("progress").getInteger("percent")).isEqualTo(100);
    assertThat(status.getJsonObject("report").getJsonObject("incidents").getInteger("total")).isEqualTo(1);
    assertThat(node.get("/api/v1/reports/" + id + "?format=csv&table=alerts").body()).startsWith("\uFEFFrule,count");
    assertThat(node.get("/api/v1/reports/no-such-job").status()).isEqualTo(404);
  }

  // ---- helpers ----

  static String query(String from, String to) {
    return "?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
  }

  static JsonObject event(String localTime, String district, JsonObject data) {
    JsonObject e = new JsonObject().put("at", "2020-08-09T" + localTime + ":00+07:00").put("data", data);
    return district == null ? e : e.put("district", district);
  }

  static void post(String path, JsonObject body) {
    TestNode.Response r = node.post(path, body.encode());
    assertThat(r.status()).as("%s %s", path, r.body()).isEqualTo(202);
  }

  static void checkin(String district, String at) {
    post("/api/v1/checkins", event(at, district, new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok")));
  }

  static void probe(String target, String status, String at) {
    post("/api/v1/monitoring", event(at, null, new JsonObject().put("target", target).put("status", status)));
  }

  static void publishing(String district, String state, String at) {
    post("/api/v1/publishing", event(at, district, new JsonObject().put("channel", "radio").put("item", "live-coverage-day-1")
        .put("state", state).put("evidence", "Bản tin 17h, kênh " + district)));
  }

  static JsonObject item(JsonObject board, String district) {
    return board.getJsonObject("publishing").getJsonObject(district).getJsonObject("radio:live-coverage-day-1");
  }

  static void await(Predicate<JsonObject> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.test(node.board())) return;
      Thread.sleep(25);
    }
    assertThat(condition.test(node.board())).as("board condition within 10 s").isTrue();
  }

  static JsonObject byKey(io.vertx.core.json.JsonArray array, String key, String value) {
    return array.stream().map(JsonObject.class::cast).filter(j -> value.equals(j.getString(key))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + "=" + value + " in " + array.encode()));
  }
}
