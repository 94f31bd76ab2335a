package examops.access;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route against every role (and none), each with the status it must answer, on a real node. */
@Tier.Broker
class AccessMatrixTest {

  /** Who calls: no credentials, or a token of each role (the district one speaks for long-xuyen). */
  enum Caller { NONE, COMMAND, DISTRICT, LEADERSHIP, AGENT }

  /** A route: any setup it needs (done as the command center), then the request with the caller's token. */
  interface Call {
    TestNode.Response run(TestNode node, String token) throws Exception;
  }

  private static TestNode node;
  private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(Files.createTempDirectory("examops-matrix"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")),
        Map.of("EXAMOPS_RATE_BURST", "1000"));
    TOKENS.put(Caller.COMMAND, node.token(Role.COMMAND, null));
    TOKENS.put(Caller.DISTRICT, node.token(Role.DISTRICT, "long-xuyen"));
    TOKENS.put(Caller.LEADERSHIP, node.token(Role.LEADERSHIP, null));
    TOKENS.put(Caller.AGENT, node.token(Role.AGENT, null));
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    //                                                            NONE COMMAND DISTRICT LEADERSHIP AGENT
    row(rows, "GET /api/v1/board", (n, t) -> n.get("/api/v1/board", t), 401, 200, 200, 200, 200);
    row(rows, "GET /api/v1/me", (n, t) -> n.get("/api/v1/me", t), 401, 200, 200, 200, 200);
    row(rows, "GET /health (open for ops tooling)", (n, t) -> n.get("/health", t), 200, 200, 200, 200, 200);
    row(rows, "GET /metrics (open for ops tooling)", (n, t) -> n.get("/metrics", t), 200, 200, 200, 200, 200);
    row(rows, "POST /api/v1/monitoring", (n, t) -> n.post("/api/v1/monitoring", Bodies.probe().encode(), t), 401, 202, 403, 403, 202);
    row(rows, "POST /api/v1/checkins (own district)", (n, t) -> n.post("/api/v1/checkins", Bodies.checkin("long-xuyen").encode(), t),
        401, 202, 202, 403, 403);
    row(rows, "POST /api/v1/publishing done (own district)",
        (n, t) -> n.post("/api/v1/publishing", Bodies.publishing("long-xuyen", "done").encode(), t), 401, 202, 202, 403, 403);
    row(rows, "POST /api/v1/publishing verified", (n, t) -> {
      n.post("/api/v1/publishing", Bodies.publishing("chau-doc", "done").encode());
      Bodies.await(n, b -> "done".equals(b.getJsonObject("publishing").getJsonObject("chau-doc")
          .getJsonObject("district-portal:timetable").getString("state")), "chau-doc's item done");
      return n.post("/api/v1/publishing", Bodies.publishing("chau-doc", "verified").encode(), t);
    }, 401, 202, 403, 403, 403);
    row(rows, "POST /api/v1/incidents (own district)",
        (n, t) -> n.post("/api/v1/incidents", Bodies.incident(Bodies.id("INC"), "long-xuyen", "network").encode(), t),
        401, 202, 202, 403, 403);
    for (String action : List.of("acknowledge", "assign", "escalate", "resolve")) {
      row(rows, "POST /api/v1/incidents/{id}/" + action, (n, t) -> {
        String id = Bodies.reportedIncident(n, "long-xuyen", "network");
        JsonObject body = Bodies.action();
        if (action.equals("assign")) body.getJsonObject("data").put("assignee", "Tổ kỹ thuật");
        if (action.equals("resolve")) {
          n.post("/api/v1/incidents/" + id + "/acknowledge", Bodies.action().encode());
          Bodies.await(n, b -> "acknowledged".equals(b.getJsonObject("incidents").getJsonObject(id).getString("state")), id + " acknowledged");
        }
        return n.post("/api/v1/incidents/" + id + "/" + action, body.encode(), t);
      }, 401, 202, 403, 403, 403);
    }
    row(rows, "POST /api/v1/incidents/{id}/update (own district's incident)",
        (n, t) -> n.post("/api/v1/incidents/" + Bodies.reportedIncident(n, "long-xuyen", "network") + "/update", Bodies.action().encode(), t),
        401, 202, 202, 403, 403);
    row(rows, "POST /api/v1/incidents/{id}/update (another district's incident)",
        (n, t) -> n.post("/api/v1/incidents/" + Bodies.reportedIncident(n, "chau-doc", "network") + "/update", Bodies.action().encode(), t),
        401, 202, 403, 403, 403);
    row(rows, "POST /api/v1/alerts/{id}/acknowledge", (n, t) -> {
      Bodies.await(n, b -> unacknowledgedAlert(b) != null, "an active alert");
      return n.post("/api/v1/alerts/" + unacknowledgedAlert(n.board()) + "/acknowledge", "", t);
    }, 401, 202, 403, 403, 403);
    row(rows, "POST /api/v1/maintenance", (n, t) -> n.post("/api/v1/maintenance", new JsonObject().put("at", "2020-08-09T07:00:00+07:00")
        .put("data", new JsonObject().put("windowId", Bodies.id("mw")).put("targets", new io.vertx.core.json.JsonArray().add("province/portal"))
            .put("to", "2020-08-09T08:00:00+07:00").put("reason", "bảo trì")).encode(), t), 401, 202, 403, 403, 403);
    row(rows, "GET /api/v1/board?at= (the past, rebuilt from the log)",
        (n, t) -> n.get("/api/v1/board?at=2020-08-09T06:59:00%2B07:00", t), 401, 200, 403, 200, 403);
    row(rows, "GET /api/v1/report", (n, t) -> n.get("/api/v1/report?from=2020-08-09T00:00:00%2B07:00&to=2020-08-09T07:00:00%2B07:00", t),
        401, 200, 403, 200, 403);
    row(rows, "POST /api/v1/tokens", (n, t) -> n.post("/api/v1/tokens", new JsonObject().put("role", "agent").put("name", "nms-2").encode(), t),
        401, 201, 403, 403, 403);
    row(rows, "GET /api/v1/tokens", (n, t) -> n.get("/api/v1/tokens", t), 401, 200, 403, 403, 403);
    row(rows, "POST /api/v1/tokens/{jti}/revoke",
        (n, t) -> n.post("/api/v1/tokens/" + Bodies.id("jti") + "/revoke", new JsonObject().put("reason", "test").encode(), t),
        401, 200, 403, 403, 403);
    return rows.stream();
  }

  private static void row(List<Arguments> rows, String route, Call call, int... statuses) {
    Caller[] callers = Caller.values();
    for (int i = 0; i < callers.length; i++) rows.add(Arguments.of(route, callers[i], statuses[i], call));
  }

  private static String unacknowledgedAlert(JsonObject board) {
    JsonObject alerts = board.getJsonObject("alerts");
    return alerts.fieldNames().stream().filter(id -> !alerts.getJsonObject(id).getBoolean("acknowledged", false))
        .findFirst().orElse(null);
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @MethodSource("matrix")
  @DisplayName("each route answers each role (and no credentials) with its own status")
  void route(String route, Caller caller, int expected, Call call) throws Exception {
    TestNode.Response r = call.run(node, TOKENS.get(caller));
    assertThat(r.status()).as("%s as %s: %s", route, caller, r.body()).isEqualTo(expected);
    if (expected == 401 || expected == 403) {
      JsonObject problem = r.json();
      assertThat(problem.getInteger("status")).isEqualTo(expected);
      assertThat(problem.getString("error")).isNotBlank();
    }
    if (expected == 401) assertThat(r.headers()).containsKey("www-authenticate");
  }
}
