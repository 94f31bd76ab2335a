package examops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A site's own staff with a site-scoped token (token --site), on a real node and broker: it checks
 * in for its site and reports incidents there, and every other write is a precise 403 that names
 * nothing the holder may not read. The sites' missed-duty alert comes from the rules.
 */
@Tier.Broker
class SiteTokenTest {

  private static final String SITE = "long-xuyen/thpt-long-xuyen";
  private static final String OTHER_SITE = "long-xuyen/thpt-nguyen-hien";
  private static final String FOREIGN_SITE = "chau-doc/thpt-vo-thi-sau";
  /** What a refusal to this token must never carry: the other sites' and district's ids and names. */
  private static final List<String> NOT_THEIRS = List.of(OTHER_SITE, "Nguyễn Hiền", FOREIGN_SITE, "Võ Thị Sáu", "chau-doc", "Châu Đốc");

  private static TestNode node;
  private static TestClock clock;
  private static String site;

  @BeforeAll
  static void start() throws Exception {
    clock = new TestClock(Instant.parse("2020-08-09T00:00:00Z")); // 07:00, the Literature paper open since 06:30
    node = TestNode.start(Files.createTempDirectory("examops-site-token"), clock, Map.of("EXAMOPS_RATE_BURST", "1000"));
    site = node.node().access().tokens().issueForSite("long-xuyen", SITE, null, Instant.now().plus(Duration.ofDays(1))).token();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static JsonObject checkin(JsonObject data) {
    return new JsonObject().put("id", Bodies.id("site-ci")).put("at", "2020-08-09T07:00:00+07:00")
        .put("data", data.put("status", "ok").put("phone", "ok").put("fax", "down").put("internet", "ok"));
  }

  private static void assertRefused(TestNode.Response r, String field, String says) {
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.json().getString("field")).isEqualTo(field.isEmpty() ? null : field);
    assertThat(r.json().getString("error")).contains(says);
    NOT_THEIRS.forEach(name -> assertThat(r.body()).as("a refusal names nothing the site may not read").doesNotContain(name));
  }

  @Test
  @DisplayName("a site token checks in for its own site (named or not): the site's duty is met, the district's is not, the log says site:ID")
  void checksInForItsSite() throws Exception {
    assertThat(node.get("/api/v1/me", site).json().getString("site")).isEqualTo(SITE);
    assertThat(node.post("/api/v1/checkins", checkin(new JsonObject()).encode(), site).status()).isEqualTo(202);
    assertThat(node.post("/api/v1/checkins", checkin(new JsonObject().put("site", SITE)).put("district", "long-xuyen").encode(), site).status())
        .isEqualTo(202);
    Bodies.await(node, b -> siteOf(b, SITE).getJsonObject("lastCheckin") != null, "the site's check-in on the board");
    JsonObject mine = siteOf(node.board(), SITE);
    assertThat(mine.getString("state")).isEqualTo("on-time");
    assertThat(mine.getJsonObject("lastCheckin").getString("source")).isEqualTo("site:" + SITE);
    assertThat(mine.getJsonObject("links").getString("fax")).isEqualTo("down");
    assertThat(node.board().getJsonObject("districts").getJsonObject("long-xuyen").getValue("lastCheckin")).isNull();
    // The site's staff see the board as the district's viewers do.
    assertThat(node.get("/api/v1/board", site).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a site token gets a precise 403 for another site, another district, and every write that is not its site's check-in or incident report")
  void refusals() throws Exception {
    assertRefused(node.post("/api/v1/checkins", checkin(new JsonObject().put("site", OTHER_SITE)).encode(), site), "data.site",
        "speaks for site " + SITE + " only; it cannot write for another site");
    assertRefused(node.post("/api/v1/checkins", checkin(new JsonObject()).put("district", "chau-doc").encode(), site), "district",
        "cannot write for another district");
    assertRefused(node.post("/api/v1/checkins", checkin(new JsonObject().put("site", FOREIGN_SITE)).encode(), site), "data.site",
        "cannot write for another site");
    assertRefused(node.post("/api/v1/checkins", checkin(new JsonObject().put("site", FOREIGN_SITE)).put("district", "chau-doc").encode(), site),
        "district", "cannot write for another district");
    JsonObject incident = Bodies.incident(Bodies.id("INC"), null, "network");
    incident.remove("district");
    incident.getJsonObject("data").put("site", OTHER_SITE);
    assertRefused(node.post("/api/v1/incidents", incident.encode(), site), "data.site", "cannot write for another site");
    incident.getJsonObject("data").put("site", SITE);
    assertThat(node.post("/api/v1/incidents", incident.encode(), site).status()).isEqualTo(202);
    // Its own district's incident, another district's, and one that does not exist: the same refusal, nothing about the incident.
    String ownDistrict = Bodies.reportedIncident(node, "long-xuyen", "network");
    String foreign = Bodies.reportedIncident(node, "chau-doc", "network");
    for (String id : List.of(ownDistrict, foreign, "no-such-incident")) {
      for (String action : List.of("update", "acknowledge", "resolve")) {
        TestNode.Response r = node.post("/api/v1/incidents/" + id + "/" + action, Bodies.action().encode(), site);
        assertRefused(r, "", "a site credential may only check in and report incidents for its own site");
        assertThat(r.body()).doesNotContain("Sự cố " + id);
      }
    }
    assertRefused(node.post("/api/v1/publishing", Bodies.publishing("long-xuyen", "done").encode(), site), "",
        "a site credential may only check in and report incidents");
    assertThat(node.post("/api/v1/monitoring", Bodies.probe().encode(), site).status()).isEqualTo(403);
    assertThat(node.post("/api/v1/alerts/any/acknowledge", "", site).status()).isEqualTo(403);
    assertThat(node.post("/api/v1/maintenance", new JsonObject().put("data", new JsonObject()).encode(), site).status()).isEqualTo(403);
    for (String path : List.of("/api/v1/report", "/api/v1/dlq", "/api/v1/tokens", "/api/v1/board?at=2020-08-09T07:00:00%2B07:00")) {
      TestNode.Response r = node.get(path, site);
      assertThat(r.status()).as(path).isEqualTo(403);
      NOT_THEIRS.forEach(name -> assertThat(r.body()).as(path).doesNotContain(name));
    }
    assertThat(node.post("/api/v1/tokens", new JsonObject().put("role", "command").encode(), site).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("the command center issues a site token over the API as token --site does: the site's district, its enrolment link, and it checks in for its site")
  void commandIssuesASiteToken() throws Exception {
    TestNode.Response r = node.post("/api/v1/tokens", new JsonObject().put("site", SITE).put("name", "Thư ký điểm thi").put("days", 5).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject issued = r.json();
    assertThat(issued.getString("role")).isEqualTo("district");
    assertThat(issued.getString("district")).isEqualTo("long-xuyen");
    assertThat(issued.getString("site")).isEqualTo(SITE);
    assertThat(issued.getString("link")).endsWith("/?access_token=" + issued.getString("token"));
    String token = issued.getString("token");
    assertThat(node.get("/api/v1/me", token).json().getString("site")).isEqualTo(SITE);
    assertThat(node.post("/api/v1/checkins", checkin(new JsonObject()).encode(), token).status()).isEqualTo(202);
    assertRefused(node.post("/api/v1/checkins", checkin(new JsonObject().put("site", OTHER_SITE)).encode(), token), "data.site",
        "cannot write for another site");
    // The issue is on the access log with its site, so the token desk lists it as a site token.
    await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/api/v1/tokens").json().getJsonArray("tokens").stream()
        .map(o -> (JsonObject) o).anyMatch(t -> issued.getString("jti").equals(t.getString("jti")) && SITE.equals(t.getString("site"))));
    // With the role and district given, they must be the site's.
    assertThat(node.post("/api/v1/tokens", new JsonObject().put("site", SITE).put("role", "district").put("district", "long-xuyen").encode())
        .status()).isEqualTo(201);
  }

  @Test
  @DisplayName("a site token over the API is refused with the field at fault: an unknown site, another role, a district that is not the site's")
  void siteTokenRequestsAreChecked() {
    TestNode.Response unknown = node.post("/api/v1/tokens", new JsonObject().put("site", "long-xuyen/atlantis").encode());
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().getString("field")).isEqualTo("site");
    assertThat(unknown.json().getString("error")).contains("unknown site 'long-xuyen/atlantis'");
    TestNode.Response role = node.post("/api/v1/tokens", new JsonObject().put("site", SITE).put("role", "command").encode());
    assertThat(role.status()).isEqualTo(400);
    assertThat(role.json().getString("field")).isEqualTo("role");
    TestNode.Response district = node.post("/api/v1/tokens", new JsonObject().put("site", SITE).put("role", "district").put("district", "chau-doc").encode());
    assertThat(district.status()).isEqualTo(422);
    assertThat(district.json().getString("field")).isEqualTo("district");
    assertThat(district.json().getString("error")).contains("is in district long-xuyen, not chau-doc");
    for (Object bad : List.of(42, "", new JsonObject())) {
      TestNode.Response r = node.post("/api/v1/tokens", new JsonObject().put("site", bad).encode());
      assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(400);
      assertThat(r.json().getString("field")).isEqualTo("site");
    }
    assertThat(node.post("/api/v1/tokens", new JsonObject().put("site", SITE).put("days", 400).encode()).json().getString("field")).isEqualTo("days");
  }

  @Test
  @DisplayName("a district token and a site token, both valid, mint nothing: not for their own site, not for another site or district, and the refusal names none of them")
  void noTokenMintsAnother() {
    String district = node.token(examops.access.Role.DISTRICT, "long-xuyen");
    for (String asker : List.of(district, site)) {
      for (JsonObject body : List.of(new JsonObject().put("site", SITE), new JsonObject().put("site", OTHER_SITE),
          new JsonObject().put("site", FOREIGN_SITE), new JsonObject().put("site", FOREIGN_SITE).put("district", "chau-doc"),
          new JsonObject().put("role", "district").put("district", "chau-doc"), new JsonObject().put("site", "long-xuyen/atlantis"))) {
        TestNode.Response r = node.post("/api/v1/tokens", body.encode(), asker);
        assertThat(r.status()).as(body.encode()).isEqualTo(403);
        assertThat(r.json().containsKey("token")).isFalse();
        NOT_THEIRS.forEach(name -> assertThat(r.body()).as(body.encode()).doesNotContain(name));
        assertThat(r.body()).doesNotContain("atlantis");
      }
    }
  }

  @Test
  @DisplayName("past the grace, the rules raise one critical site-checkin-missed alert per silent site; a site that checked in has none")
  void missedSiteAlerts() throws Exception {
    assertThat(node.post("/api/v1/checkins", checkin(new JsonObject()).encode(), site).status()).isEqualTo(202);
    clock.set(Instant.parse("2020-08-09T00:06:00Z")); // 07:06: the first due time (07:00) and its grace (07:05) are past
    await().atMost(Duration.ofSeconds(20)).until(() -> alert(node.board(), OTHER_SITE) != null);
    JsonObject a = alert(node.board(), OTHER_SITE);
    assertThat(a.getString("severity")).isEqualTo("critical");
    assertThat(a.getString("message")).contains("Điểm thi THPT Nguyễn Hiền");
    assertThat(alert(node.board(), SITE)).isNull();
    long missedSites = node.board().getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue())
        .filter(x -> "site-checkin-missed".equals(x.getString("rule"))).count();
    long silentExamSites = node.node().province().sites().stream().filter(s -> !s.grading() && !s.id().equals(SITE)).count();
    assertThat(missedSites).isEqualTo(silentExamSites);
    assertThat(siteOf(node.board(), OTHER_SITE).getString("state")).isEqualTo("missed");
  }

  private static JsonObject alert(JsonObject board, String subject) {
    return board.getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue())
        .filter(x -> "site-checkin-missed".equals(x.getString("rule")) && subject.equals(x.getString("subject"))).findFirst().orElse(null);
  }

  private static JsonObject siteOf(JsonObject board, String id) {
    String district = id.substring(0, id.indexOf('/'));
    return board.getJsonObject("districts").getJsonObject(district).getJsonArray("siteDuties").stream().map(o -> (JsonObject) o)
        .filter(s -> id.equals(s.getString("id"))).findFirst().orElseThrow();
  }
}
