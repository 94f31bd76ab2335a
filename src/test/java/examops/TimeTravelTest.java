package examops;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/v1/board?at=}: the board rebuilt from the log as it stood at a past moment. */
@Tier.Broker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelTest {

  private TestNode node;
  private Instant between;
  private Instant before;

  @BeforeAll
  void start() throws Exception {
    // Before the window opens, so no rule adds alerts to the log; the exam clock moves only when told.
    node = TestNode.start(java.nio.file.Files.createTempDirectory("examops-tt"),
        new examops.testing.TestClock(Instant.parse("2020-07-20T00:00:00Z")));
    before = node.clock().instant();
    node.clock().advance(java.time.Duration.ofMinutes(1));
    assertThat(node.post("/api/v1/checkins", checkin("tt-1", "long-xuyen", "issue").encode()).status()).isEqualTo(202);
    node.clock().advance(java.time.Duration.ofMinutes(5));
    between = node.clock().instant(); // received on the exam clock one minute in; the next ones ten minutes in
    node.clock().advance(java.time.Duration.ofMinutes(5));
    assertThat(node.post("/api/v1/checkins", checkin("tt-2", "long-xuyen", "critical").encode()).status()).isEqualTo(202);
    assertThat(node.post("/api/v1/checkins", checkin("tt-3", "chau-doc", "ok").encode()).status()).isEqualTo(202);
  }

  @AfterAll
  void stop() {
    if (node != null) node.close();
  }

  private static JsonObject checkin(String id, String district, String status) {
    return new JsonObject().put("id", id).put("at", "2020-07-20T07:00:00+07:00").put("district", district)
        .put("data", new JsonObject().put("status", status).put("phone", "ok").put("fax", "ok").put("internet", "ok"));
  }

  private static String at(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the board at a moment between two check-ins shows only the first, rendered as of that moment")
  void boardBetweenTwoMomentsShowsOnlyTheFirst() {
    TestNode.Response r = node.get("/api/v1/board?at=" + at(between));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject past = r.json();
    assertThat(past.getLong("version")).isEqualTo(1);
    assertThat(past.getString("now")).isEqualTo(between.toString());
    JsonObject replay = past.getJsonObject("replay");
    assertThat(replay.getLong("events") + replay.getLong("fromCheckpoint"))
        .as("one event: read from the log, or covered by the checkpoint it started from").isEqualTo(1);
    JsonObject districts = past.getJsonObject("districts");
    assertThat(districts.getJsonObject("long-xuyen").getString("status")).isEqualTo("issue");
    assertThat(districts.getJsonObject("chau-doc").getString("status")).isEqualTo("unknown");

    JsonObject live = node.board();
    assertThat(live.getJsonObject("districts").getJsonObject("long-xuyen").getString("status")).isEqualTo("critical");
  }

  @Test
  @DisplayName("the board before anything was received is empty, and now it holds everything")
  void boardBeforeAndAfter() {
    assertThat(node.get("/api/v1/board?at=" + at(before)).json().getLong("version")).isZero();
    JsonObject now = node.get("/api/v1/board?at=" + at(node.clock().instant())).json();
    assertThat(now.getLong("version")).isEqualTo(3);
    assertThat(now.getJsonObject("districts").getJsonObject("chau-doc").getString("status")).isEqualTo("ok");
  }

  @Test
  @DisplayName("a malformed or future 'at' is answered 400 naming it")
  void badAtIs400() {
    for (String bad : List.of("yesterday", "2020-08-09T07:40:00", "2020-13-09T07:40:00%2B07:00", "")) {
      TestNode.Response r = node.get("/api/v1/board?at=" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().getString("field")).isEqualTo("at");
    }
    TestNode.Response future = node.get("/api/v1/board?at=" + at(node.clock().instant().plusSeconds(3600)));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().getString("error")).contains("future");
  }

  @Test
  @DisplayName("a client that accepts NDJSON gets progress lines, then the snapshot")
  void streamedRebuildReportsProgress() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.baseUrl() + "/api/v1/board?at=" + at(between))).header("accept", "application/x-ndjson").header("Authorization", "Bearer " + node.commandToken()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
    List<JsonObject> lines = r.body().lines().map(JsonObject::new).toList();
    assertThat(lines.get(0).getString("type")).isEqualTo("progress");
    JsonObject last = lines.get(lines.size() - 1);
    assertThat(last.getString("type")).isEqualTo("snapshot");
    assertThat(last.getLong("version")).isEqualTo(1);
    assertThat(lines.stream().filter(l -> "progress".equals(l.getString("type"))).mapToInt(l -> l.getInteger("percent")).max())
        .hasValue(100);
  }
}
