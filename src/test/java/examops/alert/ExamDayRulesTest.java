package examops.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import examops.testing.Prometheus;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules on a real node and broker, the exam clock driven through the morning of 9 August:
 * alerts are raised once at onset and cleared once when the condition ends, and a restart raises
 * nothing twice.
 */
@Tier.Broker
class ExamDayRulesTest {

  private static final ZoneOffset VN = ZoneOffset.ofHours(7);
  private TestNode node;

  @AfterEach
  void stop() {
    if (node != null) node.close();
  }

  private String at() {
    return OffsetDateTime.ofInstant(node.clock().instant(), VN).toString();
  }

  private void checkIn(String district) {
    TestNode.Response r = node.post("/api/v1/checkins", new JsonObject().put("at", at()).put("district", district)
        .put("data", new JsonObject().put("status", "ok")).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
  }

  private void checkInAll(List<String> districts) {
    districts.forEach(this::checkIn);
  }

  private void probe(String target, String status) {
    TestNode.Response r = node.post("/api/v1/monitoring", new JsonObject().put("at", at())
        .put("data", new JsonObject().put("target", target).put("status", status)).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
  }

  private JsonObject alerts() {
    return node.board().getJsonObject("alerts");
  }

  private JsonObject awaitAlert(Predicate<JsonObject> match, String what) {
    return await("an alert " + what + " (clock at " + node.clock().instant() + ")").atMost(Duration.ofSeconds(8))
        .until(() -> alerts().stream().map(e -> (JsonObject) e.getValue()).filter(match).findFirst(), Optional::isPresent)
        .get();
  }

  private void awaitNoAlert(Predicate<JsonObject> match, String what) {
    await("no more alert " + what).atMost(Duration.ofSeconds(8))
        .until(() -> alerts().stream().noneMatch(e -> match.test((JsonObject) e.getValue())));
  }

  private static Predicate<JsonObject> rule(String rule, String subject) {
    return a -> rule.equals(a.getString("rule")) && subject.equals(a.getString("subject"));
  }

  /**
   * Waits until the rules (once a second) have completed two more evaluations, as the node's
   * {@code /metrics} counts them: at least one whole evaluation began after this point, on the current
   * clock and the events already accepted. What it did not raise then, it does not raise.
   */
  private void settle() {
    double before = rulesEvaluations();
    await("two evaluations of the rules").atMost(Duration.ofSeconds(30)).until(() -> rulesEvaluations() >= before + 2);
  }

  private double rulesEvaluations() {
    return Prometheus.parse(node.get("/metrics").body()).value("examops_rules_evaluation_seconds_count");
  }

  @Test
  @DisplayName("through an exam morning: a missed check-in, a portal outage, a cut line and an ignored critical incident each raise one alert at onset and clear when they end")
  void examMorning() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2020-08-08T23:40:00Z")); // 06:40 on 9 Aug (+07:00): candidates gathering
    node = TestNode.start(Files.createTempDirectory("examops-rules"), clock);
    List<String> districts = node.node().province().districts().stream().map(d -> d.id()).toList();
    List<String> others = districts.stream().filter(d -> !d.equals("an-phu")).toList();
    checkInAll(districts);
    awaitVersion(districts.size());

    // A missed check-in: one second before the grace period ends nothing; one second after, an alert.
    JsonObject anPhu = node.board().getJsonObject("districts").getJsonObject("an-phu").getJsonObject("checkin");
    Instant graceEnds = Instant.parse(anPhu.getString("graceEnds"));
    clock.set(graceEnds.minusSeconds(61));
    checkInAll(others);
    clock.set(graceEnds.minusSeconds(1));
    settle();
    assertThat(alerts().stream().map(e -> (JsonObject) e.getValue()).filter(rule("checkin-missed", "an-phu"))).isEmpty();
    clock.set(graceEnds.plusSeconds(1));
    JsonObject missed = awaitAlert(rule("checkin-missed", "an-phu"), "for An Phú's missed check-in");
    assertThat(missed.getString("severity")).isIn("critical", "high");
    assertThat(alerts().stream().map(e -> (JsonObject) e.getValue()).filter(rule("checkin-missed", "long-xuyen"))).isEmpty();

    // Acknowledging silences it for everyone; a second acknowledgement is refused.
    String missedId = missed.getString("id");
    assertThat(node.post("/api/v1/alerts/" + missedId + "/acknowledge", "").status()).isEqualTo(202);
    awaitAlert(a -> a.getString("id").equals(missedId) && a.getBoolean("acknowledged"), "acknowledged");
    assertThat(node.post("/api/v1/alerts/" + missedId + "/acknowledge", "").status()).isEqualTo(409);
    assertThat(node.post("/api/v1/alerts/no-such-alert/acknowledge", "").status()).isEqualTo(404);

    checkIn("an-phu");
    awaitNoAlert(rule("checkin-missed", "an-phu"), "for An Phú once it checked in");

    // The provincial portal down: alert after its threshold (3 min), cleared when it is back.
    checkInAll(districts);
    probe("province/portal", "down");
    clock.set(clock.instant().plus(Duration.ofMinutes(2)).plusSeconds(59));
    settle();
    assertThat(alerts().stream().map(e -> (JsonObject) e.getValue()).filter(rule("target-down", "province/portal"))).isEmpty();
    clock.set(clock.instant().plusSeconds(2));
    JsonObject portal = awaitAlert(rule("target-down", "province/portal"), "for the portal");
    assertThat(portal.getString("severity")).isEqualTo("critical");
    probe("province/portal", "up");
    awaitNoAlert(rule("target-down", "province/portal"), "for the portal once up");

    // A site's line cut takes its phone and fax with it: one alert, for the line.
    checkInAll(districts);
    probe("an-phu/thpt-an-phu/line", "down");
    probe("an-phu/thpt-an-phu/phone", "down");
    probe("an-phu/thpt-an-phu/fax", "down");
    clock.set(clock.instant().plus(Duration.ofMinutes(6)));
    checkInAll(districts);
    awaitAlert(rule("target-down", "an-phu/thpt-an-phu/line"), "for the cut line");
    settle();
    assertThat(alerts().stream().map(e -> (JsonObject) e.getValue())
        .filter(a -> a.getString("subject", "").startsWith("an-phu/thpt-an-phu/") && !a.getString("subject").endsWith("/line")))
        .as("phone and fax are folded into the line").isEmpty();
    probe("an-phu/thpt-an-phu/line", "up");
    probe("an-phu/thpt-an-phu/phone", "up");
    probe("an-phu/thpt-an-phu/fax", "up");
    awaitNoAlert(rule("target-down", "an-phu/thpt-an-phu/line"), "for the line once mended");

    // A critical incident nobody takes for 10 minutes: alert and escalation; acknowledging clears it.
    String incident = "INC-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(node.post("/api/v1/incidents", new JsonObject().put("at", at()).put("district", "cho-moi")
        .put("data", new JsonObject().put("incidentId", incident).put("title", "Dò quét vào máy chủ dữ liệu thi")
            .put("severity", "critical").put("category", "exam-data")).encode()).status()).isEqualTo(202);
    clock.set(clock.instant().plus(Duration.ofMinutes(9)).plusSeconds(59));
    checkInAll(districts);
    settle();
    assertThat(alerts().stream().map(e -> (JsonObject) e.getValue()).filter(rule("incident-unacknowledged", incident))).isEmpty();
    clock.set(clock.instant().plusSeconds(2));
    awaitAlert(rule("incident-unacknowledged", incident), "for the ignored critical incident");
    awaitEscalations(incident, 1);
    assertThat(node.post("/api/v1/incidents/" + incident + "/acknowledge", new JsonObject().put("at", at()).encode()).status())
        .isEqualTo(202);
    awaitNoAlert(rule("incident-unacknowledged", incident), "once acknowledged");

    // A restart replays the log: no alert is raised a second time, none comes back.
    long raisedBefore = raisedEvents();
    node = node.restart();
    settle();
    assertThat(raisedEvents()).isEqualTo(raisedBefore);
    assertThat(alerts().stream().map(e -> (JsonObject) e.getValue()).filter(rule("checkin-missed", "an-phu"))).isEmpty();
    assertThat(node.board().getJsonObject("incidents").getJsonObject(incident).getInteger("escalations")).isEqualTo(1);
  }

  /** alert.raised records in the log; fails if any alert was raised under two different event ids. */
  private long raisedEvents() {
    List<JsonObject> raised = node.readTopic("examops.alerts").stream()
        .filter(e -> "alert.raised".equals(e.getString("type"))).toList();
    var byAlert = new java.util.HashMap<String, java.util.Set<String>>();
    raised.forEach(e -> byAlert.computeIfAbsent(e.getJsonObject("data").getString("alertId"), k -> new java.util.HashSet<>()).add(e.getString("id")));
    assertThat(byAlert.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    return raised.size();
  }

  private void awaitEscalations(String incident, int n) {
    await("incident " + incident + " escalated " + n + " times").atMost(Duration.ofSeconds(8))
        .until(() -> node.board().getJsonObject("incidents").getJsonObject(incident).getInteger("escalations") >= n);
  }

  private void awaitVersion(long v) {
    await("board version " + v).atMost(Duration.ofSeconds(8)).until(() -> node.board().getLong("version") >= v);
  }
}
