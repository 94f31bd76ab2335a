package examops.cluster;

import examops.testing.TopicRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import examops.event.Event;
import examops.event.EventCodec;
import examops.kafka.EmbeddedKafka;
import examops.province.ProvinceLoader;
import examops.testing.GeneratedLog;
import examops.testing.NodeProcess;
import examops.testing.Prometheus;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in JVMs of their own, clustered through Hazelcast on 127.0.0.1, sharing one broker:
 * what one node takes in reaches the other's clients, one node holds the lease, and when it is
 * killed (-9) the other takes the rules and the probes over within seconds, raising nothing twice.
 */
@Tier.Cluster
class ClusterTest {

  /** The exam morning of 9 August, so the rules run. */
  /** The source of the alerts in the generated log (not this cluster's rules). */
  private static final String GENERATED_RULES = "rules:gen";
  private static final String CLOCK_START = "2020-08-09T07:00:00+07:00";
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(3);

  private final List<NodeProcess> nodes = new ArrayList<>();
  private EmbeddedKafka broker;
  private HttpServer portal;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess n : nodes) n.close();
    if (portal != null) portal.stop(0);
    if (broker != null) broker.close();
  }

  @Test
  @DisplayName("two clustered nodes: ingest on one reaches the other's WebSocket; kill -9 of the lease holder hands rules and probes to the survivor within seconds, no alert raised twice, and its board equals a fresh replay")
  void leaseHandsOverWhenTheHolderIsKilled() throws Exception {
    Path dir = Files.createTempDirectory("examops-cluster");
    broker = new EmbeddedKafka(dir.resolve("broker"), EmbeddedKafka.freePort());
    broker.start();
    List<Long> probes = new CopyOnWriteArrayList<>();
    portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext("/", ex -> {
      probes.add(System.nanoTime());
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    portal.start();
    Path province = provinceProbing("http://127.0.0.1:" + portal.getAddress().getPort() + "/");

    int hzA = EmbeddedKafka.freePort();
    int hzB = EmbeddedKafka.freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    Map<String, String> common = Map.of("EXAMOPS_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "EXAMOPS_PROVINCE", province.toString(), "EXAMOPS_CLOCK_START", CLOCK_START, "EXAMOPS_CLUSTER_HOST", "127.0.0.1",
        "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1");
    NodeProcess a = launch("node-a", dir, common, members, hzA);
    long aStart = a.awaitHealthy(Duration.ofSeconds(60));
    NodeProcess b = launch("node-b", dir, common, members, hzB);
    long bStart = b.awaitHealthy(Duration.ofSeconds(60));
    System.out.printf("[cluster] first node healthy %d ms after launch, second node %d ms%n", aStart, bStart);

    NodeProcess leader = awaitOneLeader(List.of(a, b));
    NodeProcess follower = leader == a ? b : a;

    // Ingest on one node reaches a WebSocket client of the other.
    try (WsClient ws = new WsClient(follower.wsUrl("/ws/board"))) {
      ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(10));
      JsonObject checkin = new JsonObject().put("at", "2020-08-09T07:00:30+07:00").put("district", "phu-tan")
          .put("data", new JsonObject().put("status", "issue").put("phone", "ok").put("fax", "ok").put("internet", "down"));
      assertThat(leader.post("/api/v1/checkins", checkin).statusCode()).isEqualTo(202);
      ws.await(m -> "delta".equals(m.getString("type")) && m.getJsonArray("changes").stream()
          .map(c -> (JsonObject) c).anyMatch(c -> "districts".equals(c.getString("section")) && "phu-tan".equals(c.getString("id"))),
          Duration.ofSeconds(10));
    }

    // A malformed record from an outside producer: every node counts it, only the lease holder dead-letters it.
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"))) {
      producer.send(new ProducerRecord<>("examops.checkins", "phu-tan", "not json".getBytes(StandardCharsets.UTF_8))).get();
    }
    awaitMetric(a, "examops_dead_letter_total", 1);
    awaitMetric(b, "examops_dead_letter_total", 1);

    // A condition the rules alarm at once: the provincial email reported down ten minutes ago (threshold 3 min).
    reportDown(follower, "province/email");
    JsonObject emailAlert = awaitAlert(follower, "province/email");
    awaitAlert(leader, "province/email");
    awaitProbes(probes, 2);

    long killedAt = System.nanoTime();
    leader.kill();
    long handoverMs = awaitLeader(follower, killedAt);
    System.out.printf("[cluster] lease handed over to %s %d ms after kill -9 of %s%n", follower.name(), handoverMs, leader.name());
    assertThat(follower.health().getString("leaseHolder")).isEqualTo(follower.name());
    awaitProbesAfter(probes, killedAt, 2);
    long gapMs = largestGapAround(probes, killedAt);
    System.out.printf("[cluster] longest time between two probes across the handover: %d ms (interval %d ms)%n",
        gapMs, PROBE_INTERVAL.toMillis());
    assertThat(gapMs).as("at most one probe interval without probing").isLessThanOrEqualTo(2 * PROBE_INTERVAL.toMillis());

    // The survivor alarms a new condition; nothing is raised twice.
    reportDown(follower, "province/portal-sgddt");
    awaitAlert(follower, "province/portal-sgddt");
    double looked = rulesEvaluations(follower); // then the survivor's rules look twice more (one whole look after this point)
    await().atMost(Duration.ofSeconds(15)).until(() -> rulesEvaluations(follower) >= looked + 2);
    Map<String, List<JsonObject>> raised = raisedByAlert();
    assertThat(raised).allSatisfy((id, records) -> assertThat(records).as(id).hasSize(1));
    assertThat(raised.get(emailAlert.getString("id")).get(0).getString("source")).isEqualTo("rules:" + leader.name());
    assertThat(raised.values().stream().map(r -> r.get(0)).filter(e -> e.getJsonObject("data").getString("subject").equals("province/portal-sgddt")))
        .singleElement().satisfies(e -> assertThat(e.getString("source")).isEqualTo("rules:" + follower.name()));
    assertThat(readTopic("examops.dlq")).as("dead-lettered once").hasSize(1);

    // A generated log (every stream, topics interleaved, retries, reused ids, stragglers) written straight to the
    // broker: the survivor reads it live, the fresh node below from a checkpoint and the log after it.
    List<Event> generated = GeneratedLog.of(ProvinceLoader.load(province), 11, 2_000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
        "acks", "all", "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"))) {
      for (Event e : generated) producer.send(new ProducerRecord<>(e.topic(), e.key(), EventCodec.encode(e).getBytes()));
    }

    // A fresh node replaying the same log has the survivor's board.
    int hzC = EmbeddedKafka.freePort();
    Map<String, String> fresh = new HashMap<>(common);
    fresh.put("EXAMOPS_CLOCK_START", follower.board().getString("now"));
    NodeProcess c = launch("node-c", dir, fresh, "127.0.0.1:" + (leader == a ? hzB : hzA) + ",127.0.0.1:" + hzC, hzC);
    c.awaitHealthy(Duration.ofSeconds(60));
    assertThat(c.health().getBoolean("leader")).isFalse();
    assertSameBoard(follower, c);
  }

  private NodeProcess launch(String name, Path dir, Map<String, String> common, String members, int hzPort) throws Exception {
    Map<String, String> env = new HashMap<>(common);
    env.put("EXAMOPS_CLUSTER_MEMBERS", members);
    env.put("EXAMOPS_CLUSTER_PORT", String.valueOf(hzPort));
    NodeProcess n = NodeProcess.launch(name, EmbeddedKafka.freePort(), dir.resolve(name), env);
    nodes.add(n);
    return n;
  }

  /** Exactly one node says it is the leader, and every node names it. */
  private static NodeProcess awaitOneLeader(List<NodeProcess> nodes) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    List<JsonObject> health = List.of();
    while (System.nanoTime() < deadline) {
      health = nodes.stream().map(NodeProcess::health).toList();
      List<NodeProcess> leaders = nodes.stream().filter(n -> n.health().getBoolean("leader")).toList();
      String named = leaders.size() == 1 ? leaders.get(0).name() : null;
      if (named != null && health.stream().allMatch(h -> named.equals(h.getString("leaseHolder")))) {
        assertThat(health.stream().filter(h -> h.getBoolean("leader"))).hasSize(1);
        return leaders.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not exactly one leader named by all: " + health);
  }

  private static long awaitLeader(NodeProcess node, long since) {
    await(node.name() + " takes the lease over").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> node.health().getBoolean("leader"));
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static void reportDown(NodeProcess node, String target) {
    JsonObject body = new JsonObject().put("at", "2020-08-09T06:50:00+07:00")
        .put("data", new JsonObject().put("target", target).put("status", "down").put("detail", "reported by the test"));
    assertThat(node.post("/api/v1/monitoring", body).statusCode()).isEqualTo(202);
  }

  private static JsonObject awaitAlert(NodeProcess node, String subject) {
    Predicate<JsonObject> match = a -> "target-down".equals(a.getString("rule")) && subject.equals(a.getString("subject"));
    return await("an alert for " + subject + " on " + node.name()).atMost(Duration.ofSeconds(15))
        .until(() -> node.board().getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue()).filter(match).findFirst(),
            java.util.Optional::isPresent).get();
  }

  /** Completed evaluations of the node's rules: the tick a test sees, so "nothing happened" is checked after one. */
  private static double rulesEvaluations(NodeProcess node) {
    return Prometheus.parse(node.get("/metrics").body()).value("examops_rules_evaluation_seconds_count");
  }

  private static void awaitMetric(NodeProcess node, String name, long value) {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(Prometheus.parse(node.get("/metrics").body()).value(name)).as(node.name() + ": " + name).isEqualTo(value));
  }

  private static void awaitProbes(List<Long> probes, int n) {
    await(n + " probes").atMost(Duration.ofSeconds(15)).until(() -> probes.size() >= n);
  }

  private static void awaitProbesAfter(List<Long> probes, long since, int n) {
    await(n + " probes after the handover").atMost(Duration.ofSeconds(20))
        .until(() -> probes.stream().filter(t -> t > since).count() >= n);
  }

  /** The longest time between two consecutive probes from the last one before {@code killedAt} on. */
  private static long largestGapAround(List<Long> probes, long killedAt) {
    long max = 0;
    for (int i = 1; i < probes.size(); i++) {
      if (probes.get(i) > killedAt) max = Math.max(max, probes.get(i) - probes.get(i - 1));
    }
    return max / 1_000_000;
  }

  private Map<String, List<JsonObject>> raisedByAlert() {
    Map<String, List<JsonObject>> out = new HashMap<>();
    readTopic("examops.alerts").stream().filter(e -> "alert.raised".equals(e.getString("type")))
        .filter(e -> !GENERATED_RULES.equals(e.getString("source")))
        .forEach(e -> out.computeIfAbsent(e.getJsonObject("data").getString("alertId"), k -> new ArrayList<>()).add(e));
    return out;
  }

  private List<JsonObject> readTopic(String topic) {
    return TopicRecords.json(broker.bootstrapServers(), topic);
  }

  /** The same board, the clock's reading apart; probes keep writing, so compared at equal versions. */
  private static void assertSameBoard(NodeProcess survivor, NodeProcess fresh) {
    JsonObject[] boards = new JsonObject[2];
    await("the same version on both boards").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      boards[0] = withoutNow(survivor.board());
      boards[1] = withoutNow(fresh.board());
      return boards[0].getLong("version").equals(boards[1].getLong("version"));
    });
    JsonObject x = boards[0];
    JsonObject y = boards[1];
    assertThat(y.getJsonObject("alerts").size()).isGreaterThanOrEqualTo(2);
    assertThat(y).isEqualTo(x);
  }

  private static JsonObject withoutNow(JsonObject board) {
    board.remove("now");
    board.getJsonObject("clock").remove("now");
    return board;
  }

  /** The default province with the provincial portal probed over HTTP at {@code url}, every {@link #PROBE_INTERVAL}. */
  private static Path provinceProbing(String url) throws Exception {
    String json;
    try (InputStream in = ClusterTest.class.getClassLoader().getResourceAsStream("province/an-giang-2020.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonObject p = new JsonObject(json);
    JsonArray targets = p.getJsonArray("targets");
    for (int i = 0; i < targets.size(); i++) {
      JsonObject t = targets.getJsonObject(i);
      if ("province/portal".equals(t.getString("id"))) {
        t.put("probe", new JsonObject().put("type", "http").put("url", url).put("expectStatus", 200)
            .put("interval", PROBE_INTERVAL.toString()).put("timeout", "PT1S").put("enabled", true));
      }
    }
    Path file = Files.createTempFile("province-cluster", ".json");
    Files.writeString(file, p.encodePrettily());
    return file;
  }
}
