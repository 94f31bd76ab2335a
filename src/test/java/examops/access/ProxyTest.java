package examops.access;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.LogCapture;
import examops.testing.RawHttp;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A node behind a reverse proxy (the test client at 127.0.0.1 plays the proxy): client addresses, throttling, links. */
@Tier.Broker
class ProxyTest {

  private static final String PUBLIC = "https://examops.sgd-angiang.example";
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    Path users = Files.createTempFile("examops-users", ".json");
    Files.writeString(users, new JsonObject().put("users", new JsonArray()
        .add(new JsonObject().put("name", "lx-1").put("role", "district").put("district", "long-xuyen")
            .put("passwordHash", Passwords.hash("mat-khau-long-xuyen")))
        .add(new JsonObject().put("name", "cd-1").put("role", "district").put("district", "chau-doc")
            .put("passwordHash", Passwords.hash("mat-khau-chau-doc")))).encode());
    node = TestNode.start(Files.createTempDirectory("examops-proxy"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")),
        Map.of("EXAMOPS_USERS", users.toString(), "EXAMOPS_TRUSTED_PROXIES", "10.9.0.0/16, 127.0.0.1", "EXAMOPS_PUBLIC_URL", PUBLIC));
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static TestNode.Response login(String name, String password, String forwardedFor) {
    Map<String, String> h = new HashMap<>(Map.of("content-type", "application/json"));
    if (forwardedFor != null) h.put("X-Forwarded-For", forwardedFor);
    return node.send("POST", "/api/v1/login", new JsonObject().put("name", name).put("password", password).encode(), h);
  }

  @Test
  @DisplayName("30 failed logins from one client behind the proxy: that client backs off, a colleague at another address logs in at once")
  void throttledAttackerDoesNotSlowColleague() {
    TestNode.Response last = null;
    int failures = 0;
    for (int i = 0; i < 30; i++) {
      last = login("lx-1", "doan-" + i, "203.0.113.7");
      assertThat(last.status()).isIn(401, 429);
      if (last.status() == 401) failures++;
    }
    assertThat(failures).as("the guesser is slowed down: not every guess was tried").isLessThan(30);
    for (int i = 0; i < 40 && last.status() != 429; i++) last = login("lx-1", "doan-lai", "203.0.113.7");
    assertThat(last.status()).as("the guesser is held back").isEqualTo(429);
    assertThat(Long.parseLong(last.headers().get("retry-after"))).isPositive();
    // A client that writes its own X-Forwarded-For entry is still known by the address the proxy appended.
    assertThat(login("lx-1", "mat-khau-long-xuyen", "198.51.100.20, 203.0.113.7").status()).isEqualTo(429);

    TestNode.Response colleague = login("lx-1", "mat-khau-long-xuyen", "198.51.100.20");
    assertThat(colleague.status()).as("same account, another address: %s", colleague.body()).isEqualTo(200);
    assertThat(login("cd-1", "mat-khau-chau-doc", "198.51.100.21").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("the failed-login log line and the access log name the client behind the proxy, not the proxy")
  void logsNameTheClient() {
    try (LogCapture logs = new LogCapture()) {
      login("cd-1", "sai", "192.0.2.44, 10.9.0.3");
      node.send("GET", "/api/v1/board", null, Map.of("X-Forwarded-For", "192.0.2.45"));
      assertThat(logs.lines()).anyMatch(l -> l.contains("Failed login for 'cd-1' from 192.0.2.44"));
      assertThat(logs.lines()).anyMatch(l -> l.contains("HttpAccessLog") && l.contains("192.0.2.45 GET /api/v1/board 401"));
      assertThat(logs.lines()).noneMatch(l -> l.contains("Failed login") && l.contains("127.0.0.1"));
    }
  }

  @Test
  @DisplayName("X-Forwarded-Proto: https from the proxy marks the session cookie Secure")
  void forwardedProtoFromProxy() {
    TestNode.Response r = node.send("GET", "/?access_token=" + node.token(Role.LEADERSHIP, null), null,
        Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "192.0.2.50"));
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.headers().get("set-cookie")).containsIgnoringCase("Secure");
  }

  @Test
  @DisplayName("an issued token's link is built from EXAMOPS_PUBLIC_URL, never from the request's Host header")
  void linkFromPublicUrl() {
    String body = new JsonObject().put("role", "leadership").put("days", 1).encode();
    TestNode.Response r = RawHttp.exchange(node.httpPort(), "POST /api/v1/tokens HTTP/1.1\r\nHost: evil.example\r\n"
        + "X-Forwarded-Host: evil.example\r\nAuthorization: Bearer " + node.commandToken() + "\r\nContent-Type: application/json", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().getString("link")).startsWith(PUBLIC + "/?access_token=").doesNotContain("evil");
  }
}
