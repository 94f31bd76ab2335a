package examops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Credentials on a real node: districts, sources, need-to-know, the WebSocket, enrolment links, logins, expiry. */
@Tier.Broker
class AccessTest {

  private static TestNode node;
  private static String longXuyen;

  @BeforeAll
  static void start() throws Exception {
    Path users = Files.createTempFile("examops-users", ".json");
    Files.writeString(users, new JsonObject().put("users", new JsonArray()
        .add(new JsonObject().put("name", "trucban").put("role", "command").put("passwordHash", Passwords.hash("mật-khẩu-trực-ban")))
        .add(new JsonObject().put("name", "lx-1").put("role", "district").put("district", "long-xuyen")
            .put("passwordHash", Passwords.hash("mat-khau-long-xuyen")))).encode());
    node = TestNode.start(Files.createTempDirectory("examops-access"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")),
        Map.of("EXAMOPS_USERS", users.toString()));
    longXuyen = node.token(Role.DISTRICT, "long-xuyen");
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  @DisplayName("a district unit writing for another district is refused with 403 and a message naming both districts")
  void districtCannotWriteForAnother() {
    TestNode.Response r = node.post("/api/v1/checkins", Bodies.checkin("chau-doc").encode(), longXuyen);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().getString("field")).isEqualTo("district");
    assertThat(r.json().getString("error")).contains("long-xuyen").contains("chau-doc");
    TestNode.Response incident = node.post("/api/v1/incidents", Bodies.incident(Bodies.id("INC"), "chau-doc", "network").encode(), longXuyen);
    assertThat(incident.status()).isEqualTo(403);
  }

  @Test
  @DisplayName("a district unit's event without a district is written for its own, and source comes from the credentials, never the body")
  void districtAndSourceFromCredentials() throws Exception {
    JsonObject body = Bodies.checkin(null).put("source", "command:impostor");
    TestNode.Response r = node.post("/api/v1/checkins", body.encode(), longXuyen);
    assertThat(r.status()).isEqualTo(202);
    String id = r.json().getString("id");
    Bodies.await(node, b -> b.getJsonObject("districts").getJsonObject("long-xuyen").encode().contains(id), "the check-in on long-xuyen");
    JsonObject last = node.board().getJsonObject("districts").getJsonObject("long-xuyen").getJsonObject("lastCheckin");
    assertThat(last.getString("source")).isEqualTo("district:long-xuyen");
    List<JsonObject> log = node.readTopic("examops.checkins");
    assertThat(log).filteredOn(e -> id.equals(e.getString("id"))).singleElement()
        .satisfies(e -> assertThat(e.getString("source")).isEqualTo("district:long-xuyen"))
        .satisfies(e -> assertThat(e.getString("district")).isEqualTo("long-xuyen"));
  }

  @Test
  @DisplayName("exam-data incidents are hidden from district clients (snapshot, deltas) and shown to command and leadership")
  void examDataIsNeedToKnow() throws Exception {
    try (WsClient district = node.ws(longXuyen); WsClient command = node.ws()) {
      district.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      command.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      String secret = Bodies.id("EXAMDATA");
      assertThat(node.post("/api/v1/incidents", Bodies.incident(secret, "long-xuyen", "exam-data").encode()).status()).isEqualTo(202);
      command.await(m -> "delta".equals(m.getString("type")) && mentions(m, secret), Duration.ofSeconds(5));
      // A later, ordinary change proves the district client was sent the tick that carried the secret one.
      String ordinary = Bodies.id("NET");
      assertThat(node.post("/api/v1/incidents", Bodies.incident(ordinary, "long-xuyen", "network").encode()).status()).isEqualTo(202);
      List<JsonObject> seen = new java.util.ArrayList<>();
      district.await(m -> {
        seen.add(m);
        return "delta".equals(m.getString("type")) && mentions(m, ordinary);
      }, Duration.ofSeconds(5));
      assertThat(seen).noneMatch(m -> mentions(m, secret));

      assertThat(node.board(longXuyen).getJsonObject("incidents").fieldNames()).contains(ordinary).doesNotContain(secret);
      assertThat(node.board(node.token(Role.AGENT, null)).getJsonObject("incidents").fieldNames()).doesNotContain(secret);
      assertThat(node.board().getJsonObject("incidents").fieldNames()).contains(secret, ordinary);
      assertThat(node.board(node.token(Role.LEADERSHIP, null)).getJsonObject("incidents").fieldNames()).contains(secret);
      district.send(new JsonObject().put("type", "resync"));
      JsonObject resnap = district.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      assertThat(resnap.getJsonObject("state").getJsonObject("incidents").fieldNames()).doesNotContain(secret);
    }
  }

  private static boolean mentions(JsonObject message, String incidentId) {
    return message.encode().contains(incidentId);
  }

  @Test
  @DisplayName("the WebSocket refuses a client without credentials (401) and accepts the access_token parameter, the header and the session cookie")
  void webSocketCredentials() throws Exception {
    String url = "ws://127.0.0.1:" + node.httpPort() + "/ws/board";
    assertThatThrownBy(() -> new WsClient(url)).satisfies(e -> assertThat(handshakeStatus(e)).isEqualTo(401));
    assertThatThrownBy(() -> new WsClient(url + "?access_token=forged.token.here")).satisfies(e -> assertThat(handshakeStatus(e)).isEqualTo(401));
    try (WsClient byQuery = new WsClient(url + "?access_token=" + longXuyen);
        WsClient byCookie = new WsClient(url, Map.of("Cookie", "examops_session=" + longXuyen))) {
      assertThat(byQuery.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5)).getLong("version")).isNotNull();
      assertThat(byCookie.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5)).getLong("version")).isNotNull();
    }
  }

  private static int handshakeStatus(Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof UpgradeRejectedException)) t = t.getCause();
    assertThat(t).as("a refused handshake, not %s", e).isNotNull();
    return ((UpgradeRejectedException) t).getStatus();
  }

  @Test
  @DisplayName("a page opened with ?access_token= sets an HttpOnly SameSite=Strict cookie and redirects the token out of the address bar; the cookie then works")
  void enrolmentLink() {
    TestNode.Response r = node.get("/?access_token=" + longXuyen + "&lang=en", null);
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.headers().get("location")).as("a district unit's link opens its district page").isEqualTo("/district.html?lang=en");
    assertThat(node.get("/?access_token=" + node.commandToken() + "&lang=en", null).headers().get("location")).isEqualTo("/?lang=en");
    assertThat(node.get("/summary.html?access_token=" + longXuyen, null).headers().get("location")).as("a page named stays that page")
        .isEqualTo("/summary.html");
    String cookie = r.headers().get("set-cookie");
    assertThat(cookie).startsWith("examops_session=" + longXuyen).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    TestNode.Response board = node.send("GET", "/api/v1/board", null, Map.of("Cookie", "examops_session=" + longXuyen));
    assertThat(board.status()).isEqualTo(200);
    assertThat(node.get("/?access_token=not-a-token", null).status()).isEqualTo(401);
    assertThat(node.get("/", null).status()).as("the page itself is open; its data is not").isEqualTo(200);
  }

  @Test
  @DisplayName("a person logs in with name and password (PBKDF2 hash in the users file), gets a session cookie, and logging out revokes it")
  void loginAndLogout() {
    TestNode.Response wrong = node.post("/api/v1/login", new JsonObject().put("name", "lx-1").put("password", "sai").encode(), null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(node.post("/api/v1/login", new JsonObject().put("name", "nobody").put("password", "x").encode(), null).status()).isEqualTo(401);
    TestNode.Response ok = node.post("/api/v1/login", new JsonObject().put("name", "lx-1").put("password", "mat-khau-long-xuyen").encode(), null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().getString("role")).isEqualTo("district");
    assertThat(ok.json().getString("district")).isEqualTo("long-xuyen");
    String setCookie = ok.headers().get("set-cookie");
    assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    Map<String, String> cookie = Map.of("Cookie", setCookie.substring(0, setCookie.indexOf(';')), "content-type", "application/json");
    assertThat(node.send("GET", "/api/v1/me", null, cookie).json().getString("source")).isEqualTo("district:long-xuyen");
    assertThat(node.send("POST", "/api/v1/checkins", Bodies.checkin(null).encode(), cookie).status()).isEqualTo(202);

    assertThat(node.send("POST", "/api/v1/logout", "", cookie).status()).isEqualTo(204);
    assertThat(node.send("GET", "/api/v1/board", null, cookie).status()).as("the session is revoked, not only forgotten").isEqualTo(401);
  }

  @Test
  @DisplayName("a token is accepted until it expires, then answered 401")
  void tokenExpiry() throws Exception {
    Instant expiry = Instant.now().plusSeconds(2);
    String shortLived = node.token(Role.LEADERSHIP, null, expiry);
    assertThat(node.get("/api/v1/board", shortLived).status()).isEqualTo(200);
    while (!Instant.now().isAfter(expiry.plusMillis(1100))) Thread.sleep(100);
    TestNode.Response r = node.get("/api/v1/board", shortLived);
    assertThat(r.status()).isEqualTo(401);
    assertThat(node.get("/api/v1/board", node.token(Role.LEADERSHIP, null, Instant.now().minusSeconds(60))).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("the command center issues a token through the API: it works at once, names its holder, and is listed without the token itself")
  void issueThroughApi() throws Exception {
    TestNode.Response r = node.post("/api/v1/tokens", new JsonObject().put("role", "district").put("district", "tri-ton")
        .put("name", "Đài Tri Tôn").put("days", 7).encode());
    assertThat(r.status()).isEqualTo(201);
    JsonObject issued = r.json();
    assertThat(issued.getString("link")).startsWith(node.baseUrl() + "/?access_token=");
    assertThat(node.get("/api/v1/me", issued.getString("token")).json().getString("source")).isEqualTo("district:tri-ton");
    JsonObject listed = node.get("/api/v1/tokens").json().getJsonArray("tokens").stream().map(JsonObject.class::cast)
        .filter(t -> issued.getString("jti").equals(t.getString("jti"))).findFirst().orElseThrow();
    assertThat(listed.getString("issuedBy")).isEqualTo("command:test-command");
    assertThat(listed.encode()).doesNotContain(issued.getString("token"));
    assertThat(node.post("/api/v1/tokens", new JsonObject().put("role", "district").put("district", "atlantis").encode()).status()).isEqualTo(422);
    assertThat(node.post("/api/v1/tokens", new JsonObject().put("role", "root").encode()).status()).isEqualTo(400);
  }
}
