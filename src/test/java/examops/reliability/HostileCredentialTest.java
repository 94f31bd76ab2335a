package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.access.Role;
import examops.testing.LogCapture;
import examops.testing.RawHttp;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the holder of a valid credential, or a hostile page the holder's browser visits, can do to a
 * node: read hidden incidents through refusals, bounce a session elsewhere, write across origins,
 * frame the pages, smuggle text, hold connections and sockets, fill the log.
 */
@Tier.Broker
class HostileCredentialTest {

  private static final Instant NOW = Instant.parse("2020-08-09T00:00:00Z"); // 07:00 in An Giang, first exam morning
  private static TestNode node;
  private static String longXuyen;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("examops-hostile-credential"), new TestClock(NOW),
        Map.of("EXAMOPS_WS_PER_CREDENTIAL", "3", "EXAMOPS_BODY_TIMEOUT", "2"));
    longXuyen = node.token(Role.DISTRICT, "long-xuyen");
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private static JsonObject incident(String incidentId, String district, String category) {
    return new JsonObject().put("id", id("inc")).put("at", "2020-08-09T07:02:00+07:00").put("district", district)
        .put("data", new JsonObject().put("incidentId", incidentId).put("title", "Lộ đề " + incidentId)
            .put("severity", "critical").put("category", category).put("description", "mật: máy chủ ngân hàng đề"));
  }

  private static JsonObject note(String text) {
    return new JsonObject().put("id", id("act")).put("at", "2020-08-09T07:03:00+07:00").put("data", new JsonObject().put("note", text));
  }

  private static JsonObject checkin() {
    return new JsonObject().put("id", id("ci")).put("at", "2020-08-09T07:05:00+07:00")
        .put("data", new JsonObject().put("status", "critical").put("phone", "ok").put("fax", "ok").put("internet", "ok"));
  }

  /** Reported by the command center, and on the board. */
  private static String reported(String district, String category) throws InterruptedException {
    String incidentId = id("INC");
    assertThat(node.post("/api/v1/incidents", incident(incidentId, district, category).encode()).status()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!node.board().getJsonObject("incidents").containsKey(incidentId)) {
      if (System.nanoTime() > deadline) throw new AssertionError("incident not on the board");
      Thread.sleep(30);
    }
    return incidentId;
  }

  // Issue 19: no trusted proxy configured -------------------------------------------------------

  @Test
  @DisplayName("without a trusted proxy, X-Forwarded-Proto and X-Forwarded-For from a client are ignored")
  void forwardedHeadersFromClientIgnored() {
    TestNode.Response r = node.send("GET", "/?access_token=" + longXuyen, null,
        Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.77"));
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.headers().get("set-cookie")).doesNotContainIgnoringCase("Secure");
    try (LogCapture logs = new LogCapture()) {
      node.send("GET", "/api/v1/board", null, Map.of("X-Forwarded-For", "198.51.100.78"));
      assertThat(logs.lines()).anyMatch(l -> l.contains("127.0.0.1 GET /api/v1/board 401")).noneMatch(l -> l.contains("198.51.100.78"));
    }
  }

  // Item 3 ---------------------------------------------------------------------------------------

  @Test
  @DisplayName("a refusal never shows a district an exam-data incident: a report under its id is 409 without it, an action on it is the same 404 as on none, no blind updates")
  void refusalsHideNeedToKnow() throws Exception {
    String othersSecret = reported("chau-doc", "exam-data");
    String ownSecret = reported("long-xuyen", "exam-data");
    String othersVisible = reported("chau-doc", "network");

    TestNode.Response taken = node.post("/api/v1/incidents", incident(othersSecret, "long-xuyen", "network").encode(), longXuyen);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().containsKey("current")).as(taken.body()).isFalse();
    assertThat(taken.body()).doesNotContain("chau-doc", "exam-data", "Lộ đề", "mật");

    TestNode.Response absent = node.post("/api/v1/incidents/INC-NONE/update", note("?").encode(), longXuyen);
    TestNode.Response hidden = node.post("/api/v1/incidents/" + othersSecret + "/update", note("?").encode(), longXuyen);
    assertThat(absent.status()).isEqualTo(404);
    assertThat(hidden.status()).as("not yours and need-to-know: the same as absent").isEqualTo(404);
    assertThat(hidden.body().replace(othersSecret, "X")).isEqualTo(absent.body().replace("INC-NONE", "X"));

    TestNode.Response blind = node.post("/api/v1/incidents/" + ownSecret + "/update", note("cập nhật mù").encode(), longXuyen);
    assertThat(blind.status()).as("an incident this credential cannot see cannot be updated either").isEqualTo(404);
    assertThat(blind.body().replace(ownSecret, "X")).isEqualTo(absent.body().replace("INC-NONE", "X"));

    assertThat(node.post("/api/v1/incidents/" + othersVisible + "/update", note("?").encode(), longXuyen).status())
        .as("another district's incident on the district's own board: 403 says nothing new").isEqualTo(403);
    TestNode.Response visibleTaken = node.post("/api/v1/incidents", incident(othersVisible, "long-xuyen", "network").encode(), longXuyen);
    assertThat(visibleTaken.status()).isEqualTo(409);
    assertThat(visibleTaken.json().getJsonObject("current").getString("district")).as("readable: shown").isEqualTo("chau-doc");

    assertThat(node.readTopic("examops.incidents")).noneMatch(e -> "district:long-xuyen".equals(e.getString("source")));
  }

  // Item 4 ---------------------------------------------------------------------------------------

  @Test
  @DisplayName("an enrolment link on //evil.example/ or /\\evil.example/ redirects to a path on this node, never to another site")
  void noOpenRedirect() {
    for (String target : List.of("//evil.example/", "/\\evil.example/", "//evil.example/%2F..", "/\\/evil.example")) {
      TestNode.Response r = RawHttp.exchange(node.httpPort(), "GET " + target + "?access_token=" + longXuyen + "&lang=en HTTP/1.1\r\nHost: 127.0.0.1", null);
      if (r.status() == 303) {
        assertThat(r.headers().get("location")).as(target).isEqualTo("/?lang=en");
      } else {
        assertThat(r.status()).as(target).isBetween(400, 404);
        assertThat(r.headers()).doesNotContainKey("location");
      }
    }
    TestNode.Response plain = RawHttp.exchange(node.httpPort(), "GET /district.html?access_token=" + longXuyen + " HTTP/1.1\r\nHost: 127.0.0.1", null);
    assertThat(plain.headers().get("location")).isEqualTo("/district.html");
  }

  // Item 5 ---------------------------------------------------------------------------------------

  @Test
  @DisplayName("a write with the session cookie from another origin (another port of the same host) or without a JSON content type is refused; bearer writes are not affected")
  void crossOriginCookieWrites() {
    String cookie = "examops_session=" + longXuyen;
    String body = checkin().encode();
    String otherPort = "http://127.0.0.1:" + (node.httpPort() == 65535 ? 1 : node.httpPort() + 1);
    assertThat(node.send("POST", "/api/v1/checkins", body, Map.of("Cookie", cookie, "Origin", otherPort, "content-type", "application/json")).status())
        .isEqualTo(403);
    assertThat(node.send("POST", "/api/v1/checkins", body, Map.of("Cookie", cookie, "Sec-Fetch-Site", "same-site", "content-type", "application/json")).status())
        .isEqualTo(403);
    assertThat(node.send("POST", "/api/v1/checkins", body, Map.of("Cookie", cookie, "Origin", "null", "content-type", "application/json")).status())
        .isEqualTo(403);
    assertThat(node.send("POST", "/api/v1/checkins", body, Map.of("Cookie", cookie, "Origin", node.baseUrl())).status())
        .as("no content type: a form or a no-cors fetch").isEqualTo(403);
    assertThat(node.send("POST", "/api/v1/checkins", body, Map.of("Cookie", cookie, "content-type", "text/plain")).status()).isIn(403, 415);
    assertThat(node.send("POST", "/api/v1/checkins", checkin().encode(), Map.of("Cookie", cookie, "Origin", node.baseUrl(),
        "Sec-Fetch-Site", "same-origin", "content-type", "application/json")).status()).as("our own page").isEqualTo(202);
    assertThat(node.send("POST", "/api/v1/checkins", checkin().encode(), Map.of("Authorization", "Bearer " + longXuyen,
        "Origin", otherPort)).status()).as("a bearer token is never sent by a browser on its own").isEqualTo(202);
  }

  // Item 6 ---------------------------------------------------------------------------------------

  @Test
  @DisplayName("pages carry a strict Content-Security-Policy, no framing, nosniff, a Referrer-Policy, and are revalidated (no-cache) on every load")
  void pageHeaders() {
    for (String page : List.of("/", "/district.html", "/summary.html", "/report.html", "/guide.html")) {
      TestNode.Response r = node.get(page, null);
      assertThat(r.status()).as(page).isEqualTo(200);
      String csp = r.headers().get("content-security-policy");
      assertThat(csp).as(page).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(r.headers().get("x-content-type-options")).isEqualTo("nosniff");
      assertThat(r.headers().get("referrer-policy")).isEqualTo("no-referrer");
      assertThat(r.headers().get("cache-control")).as(page).isEqualTo("no-cache");
    }
  }

  @Test
  @DisplayName("no page has an inline script, event handler or style for the policy to block")
  void noInlineCode() throws Exception {
    Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|<style|\\sstyle\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    try (Stream<Path> pages = Files.list(Path.of("webroot"))) {
      for (Path p : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
        assertThat(inline.matcher(Files.readString(p)).find()).as("%s has inline code", p).isFalse();
      }
    }
  }

  // Item 7 ---------------------------------------------------------------------------------------

  @Test
  @DisplayName("/api/v1/tokens reads JSON strictly: a repeated role key is refused, not taken as the last one")
  void tokensRefuseRepeatedKeys() {
    TestNode.Response r = node.post("/api/v1/tokens", "{\"role\":\"leadership\",\"role\":\"command\",\"days\":1}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("token\"");
  }

  @Test
  @DisplayName("an event dated more than a day ahead of the exam clock, or long before the window, is refused naming at")
  void atWindow() {
    for (String at : List.of("2099-08-09T07:05:00+07:00", "2020-08-11T07:05:00+07:00", "2020-06-01T07:05:00+07:00")) {
      TestNode.Response r = node.post("/api/v1/checkins", checkin().put("district", "an-phu").put("at", at).encode());
      assertThat(r.status()).as(at).isEqualTo(400);
      assertThat(r.json().getString("field")).isEqualTo("at");
    }
    assertThat(node.post("/api/v1/checkins", checkin().put("district", "an-phu").put("at", "2020-08-09T20:00:00+07:00").encode()).status())
        .as("later today is fine (clocks differ)").isEqualTo(202);
  }

  @Test
  @DisplayName("bidirectional and zero-width characters in names and notes are refused with a 400 naming the field")
  void invisibleCharacters() {
    TestNode.Response note = node.post("/api/v1/checkins", checkin().put("district", "an-phu")
        .put("data", checkin().getJsonObject("data").put("note", "ổn định \u202Egnp.exe")).encode());
    assertThat(note.status()).isEqualTo(400);
    assertThat(note.json().getString("field")).isEqualTo("data.note");
    TestNode.Response title = node.post("/api/v1/incidents", incident(id("INC"), "an-phu", "network")
        .put("data", incident("x", "an-phu", "network").getJsonObject("data").put("title", "Mất\u200B mạng")).encode());
    assertThat(title.status()).isEqualTo(400);
    assertThat(title.json().getString("field")).isEqualTo("data.title");
    TestNode.Response name = node.post("/api/v1/tokens", new JsonObject().put("role", "leadership").put("name", "Lãnh đạo\u2066").encode());
    assertThat(name.status()).isEqualTo(400);
    assertThat(name.json().getString("field")).isEqualTo("name");
  }

  @Test
  @DisplayName("a body that does not arrive within the deadline is answered 408 and its connection closed")
  void slowBody() throws Exception {
    try (Socket s = new Socket("127.0.0.1", node.httpPort())) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/v1/checkins HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + longXuyen
          + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":").getBytes(StandardCharsets.UTF_8));
      out.flush();
      long t0 = System.nanoTime();
      InputStream in = s.getInputStream();
      TestNode.Response r = RawHttp.parse(in.readAllBytes()); // returns once the server closes
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(r.status()).isEqualTo(408);
      assertThat(ms).isBetween(1_500L, 10_000L);
    }
  }

  @Test
  @DisplayName("one credential holds at most its share of board sockets on a node: past it the handshake is refused 429; other credentials are not affected")
  void socketsPerCredential() throws Exception {
    String token = node.token(Role.LEADERSHIP, null);
    String url = "ws://127.0.0.1:" + node.httpPort() + "/ws/board";
    List<WsClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) open.add(new WsClient(url, Map.of("Authorization", "Bearer " + token)));
      for (WsClient ws : open) ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      assertThatThrownBy(() -> new WsClient(url, Map.of("Authorization", "Bearer " + token)))
          .satisfies(e -> assertThat(handshakeStatus(e)).isEqualTo(429));
      try (WsClient other = new WsClient(url, Map.of("Authorization", "Bearer " + longXuyen))) {
        other.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      }
      open.remove(0).close();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      WsClient again = null;
      while (again == null) {
        try {
          again = new WsClient(url, Map.of("Authorization", "Bearer " + token));
        } catch (Exception e) {
          if (System.nanoTime() > deadline) throw e;
          Thread.sleep(50);
        }
      }
      open.add(again);
    } finally {
      open.forEach(WsClient::close);
    }
  }

  private static int handshakeStatus(Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof UpgradeRejectedException)) t = t.getCause();
    assertThat(t).as("a refused handshake, not %s", e).isNotNull();
    return ((UpgradeRejectedException) t).getStatus();
  }

  @Test
  @DisplayName("requests the client aborts (no credentials, half a body, a reset) leave no ERROR in the log")
  void abortsAreQuiet() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      for (String head : List.of(
          "POST /api/v1/checkins HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\":",
          "POST /api/v1/checkins HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
          "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":",
          "GET /api/v1/board HTTP/1.1\r\nHost: x\r\n\r\n")) {
        try (Socket s = new Socket("127.0.0.1", node.httpPort())) {
          s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
          s.getOutputStream().flush();
          s.setSoLinger(true, 0); // close with a reset
        }
      }
      Thread.sleep(500);
      assertThat(logs.events()).noneMatch(e -> e.getLevel().toString().equals("ERROR"));
    }
    assertThat(node.get("/health").status()).isEqualTo(200);
  }
}
