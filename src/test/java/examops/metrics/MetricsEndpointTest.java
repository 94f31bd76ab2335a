package examops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import examops.access.Role;
import examops.testing.Prometheus;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real node: open, Prometheus text, the JVM's, Vert.x's, Kafka's and ExamOps's meters. */
@Tier.Broker
class MetricsEndpointTest {

  private static final String PROBE = new JsonObject().put("at", "2020-08-09T07:01:00+07:00")
      .put("data", new JsonObject().put("target", "province/portal").put("status", "up").put("latencyMs", 120)).encode();

  @Test
  @DisplayName("/metrics is open and serves JVM, HTTP server, event bus, Kafka client and ExamOps meters with proper types")
  void scrape() throws Exception {
    try (TestNode node = TestNode.start(Files.createTempDirectory("examops-metrics"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")))) {
      node.awaitHealthy(Duration.ofSeconds(60));
      String agent = node.token(Role.AGENT, null);
      assertThat(node.post("/api/v1/monitoring", PROBE, agent).status()).isEqualTo(202);
      assertThat(node.post("/api/v1/monitoring", "{}", null).status()).isEqualTo(401);
      try (WsClient ws = node.ws()) {
        ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(10));
        // Meters are read when scraped: wait until the event was read back and the rules have looked twice.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          Prometheus p = scrape(node);
          assertThat(p.value("examops_events_applied_total", "type", "probe.result")).as("probe results applied").isEqualTo(1);
          assertThat(p.value("examops_rules_evaluation_seconds_count")).as("rules evaluations").isGreaterThanOrEqualTo(2);
        });
        Prometheus m = scrape(node);
        TestNode.Response raw = node.get("/metrics");
        assertThat(raw.status()).as("open to ops tooling, no credentials").isEqualTo(200);
        Files.writeString(Path.of("target", "metrics-scrape.txt"), raw.body()); // for whoever reads a failure
        assertThat(raw.headers().get("content-type")).startsWith("text/plain; version=0.0.4");

        // ExamOps's own meters, with the names README documents.
        assertThat(m.type("examops_ingest_accepted_total")).isEqualTo("counter");
        assertThat(m.value("examops_ingest_accepted_total", "stream", "monitoring")).isEqualTo(1);
        assertThat(m.type("examops_ingest_rejected_total")).isEqualTo("counter");
        assertThat(m.value("examops_ingest_rejected_total", "status", "401")).isEqualTo(1);
        assertThat(m.type("examops_dead_letter_total")).isEqualTo("counter");
        assertThat(m.samples("examops_dead_letter_total")).hasSize(1);
        assertThat(m.type("examops_websocket_clients")).isEqualTo("gauge");
        assertThat(m.value("examops_websocket_clients")).isEqualTo(1);
        assertThat(m.type("examops_websocket_dropped_total")).isEqualTo("counter");
        assertThat(m.type("examops_board_version")).isEqualTo("gauge");
        assertThat(m.value("examops_board_version")).isGreaterThanOrEqualTo(1);
        assertThat(m.type("examops_replay_percent")).isEqualTo("gauge");
        assertThat(m.value("examops_replay_percent")).isEqualTo(100);
        assertThat(m.type("examops_events_applied_total")).isEqualTo("counter");
        assertThat(m.samples("examops_events_applied_total")).extracting(s -> s.labels().get("type"))
            .contains("probe.result", "checkin.submitted", "alert.raised");
        assertThat(m.type("examops_alerts_raised_total")).isEqualTo("counter");
        assertThat(m.type("examops_rules_alert_events_total")).isEqualTo("counter");
        assertThat(m.type("examops_ingest_write_seconds")).isEqualTo("summary");
        assertThat(m.value("examops_ingest_write_seconds_count")).isEqualTo(1);
        assertThat(m.value("examops_ingest_write_seconds_sum")).isPositive();
        assertThat(m.type("examops_rules_evaluation_seconds")).isEqualTo("summary");

        // The JVM: memory, GC, threads.
        assertThat(m.type("jvm_memory_used_bytes")).isEqualTo("gauge");
        assertThat(m.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(m.type("jvm_threads_live_threads")).isEqualTo("gauge");
        assertThat(m.value("jvm_threads_live_threads")).isPositive();
        assertThat(m.all()).anyMatch(s -> s.name().startsWith("jvm_gc_"));

        // Vert.x: the HTTP server by route (never by raw path), and the event bus the deltas travel on.
        assertThat(m.type("vertx_http_server_requests_total")).isEqualTo("counter");
        // The route label names the routes the request went through (joined by '>'), the last one answering.
        assertThat(m.samples("vertx_http_server_requests_total", "method", "POST", "code", "202"))
            .as("%s", m.samples("vertx_http_server_requests_total"))
            .singleElement().satisfies(s -> {
              assertThat(s.labels().get("route")).endsWith("/api/v1/monitoring");
              assertThat(s.value()).isEqualTo(1);
            });
        assertThat(m.all()).as("no series per raw path or per client connection")
            .noneMatch(s -> s.labels().containsKey("path") || s.labels().containsKey("remote"));
        assertThat(m.all()).as("event bus meters").anyMatch(s -> s.name().startsWith("vertx_eventbus_") && s.labels().containsKey("address"));

        // The Kafka clients: the board's log reader and the ingest producer, by client id.
        assertThat(m.all()).as("the log reader's consumer meters").anyMatch(s -> s.name().startsWith("kafka_consumer_")
            && s.labels().getOrDefault("client_id", "").endsWith("-reader"));
        assertThat(m.all()).as("the ingest producer's meters").anyMatch(s -> s.name().startsWith("kafka_producer_")
            && s.labels().getOrDefault("client_id", "").endsWith("-ingest"));

        // Every series names the node it came from.
        assertThat(m.all()).allMatch(s -> node.node().config().nodeId().equals(s.labels().get("node")), "carries node=<EXAMOPS_NODE_ID>");
      }
    }
  }

  private static Prometheus scrape(TestNode node) {
    return Prometheus.parse(node.get("/metrics").body());
  }
}
