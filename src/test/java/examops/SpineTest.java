package examops;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.DeadLetters;
import examops.testing.Prometheus;
import examops.testing.TestNode;
import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The spine end to end on a real in-process Kafka broker: HTTP → Kafka → board → WebSocket. */
@Tier.Broker
class SpineTest {

  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static JsonObject checkin(String id, String district, String status, String note) {
    JsonObject j = new JsonObject().put("type", "checkin.submitted").put("at", "2020-08-09T07:05:00+07:00")
        .put("district", district)
        .put("data", new JsonObject().put("status", status).put("phone", "ok").put("fax", "ok").put("internet", "ok").put("note", note));
    return id == null ? j : j.put("id", id);
  }

  @Test
  @DisplayName("an HTTP check-in reaches the snapshot and a WebSocket client within 2 seconds")
  void checkinReachesBoardAndSocket() throws Exception {
    try (WsClient ws = node.ws()) {
      JsonObject snapshot = ws.await(m -> "snapshot".equals(m.getString("type")), Duration.ofSeconds(5));
      assertThat(snapshot.getJsonObject("state").getJsonObject("districts").getMap()).containsKey("chau-doc");

      long t0 = System.nanoTime();
      TestNode.Response r = node.post("/api/v1/checkins", checkin(null, "chau-doc", "issue", "fax chập chờn").encode());
      assertThat(r.status()).isEqualTo(202);
      String id = r.json().getString("id");
      assertThat(id).isNotBlank();

      JsonObject delta = ws.await(m -> "delta".equals(m.getString("type")) && m.getJsonArray("changes").stream()
          .map(JsonObject.class::cast)
          .anyMatch(c -> "chau-doc".equals(c.getString("id")) && "districts".equals(c.getString("section"))),
          Duration.ofSeconds(2));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).isLessThan(2000);
      JsonObject district = delta.getJsonArray("changes").stream().map(JsonObject.class::cast)
          .filter(c -> "chau-doc".equals(c.getString("id"))).findFirst().orElseThrow().getJsonObject("value");
      assertThat(district.getJsonObject("lastCheckin").getString("note")).isEqualTo("fax chập chờn");
      assertThat(delta.getLong("version")).isGreaterThan(delta.getLong("from"));

      JsonObject board = node.board();
      assertThat(board.getJsonObject("districts").getJsonObject("chau-doc").getString("status")).isEqualTo("issue");
    }
  }

  @Test
  @DisplayName("the same event id posted twice changes the state once")
  void duplicateIdAppliedOnce() throws Exception {
    String id = "retry-" + UUID.randomUUID();
    JsonObject body = checkin(id, "tri-ton", "ok", "lần 1");
    assertThat(node.post("/api/v1/checkins", body.encode()).status()).isEqualTo(202);
    TestNode.Response again = node.post("/api/v1/checkins", body.encode());
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getString("id")).isEqualTo(id);
    // A second, different event proves the pipeline moved on past the retry.
    String after = "after-" + UUID.randomUUID();
    assertThat(node.post("/api/v1/checkins", checkin(after, "tri-ton", "ok", "").encode()).status()).isEqualTo(202);
    awaitCheckin("tri-ton", after);
    assertThat(history("tri-ton", id)).isEqualTo(1);
  }

  @Test
  @DisplayName("the same event written to the log twice (a producer's retry) is applied once")
  void duplicateRecordAppliedOnce() throws Exception {
    String id = "twice-" + UUID.randomUUID();
    long duplicatesBefore = node.board().getJsonObject("stats").getLong("duplicates");
    try (KafkaProducer<String, String> producer = producer()) {
      String record = checkin(id, "thoai-son", "issue", "ghi hai lần").encode();
      producer.send(new ProducerRecord<>("examops.checkins", "thoai-son", record)).get();
      producer.send(new ProducerRecord<>("examops.checkins", "thoai-son", record)).get();
    }
    String after = "after-" + UUID.randomUUID();
    assertThat(node.post("/api/v1/checkins", checkin(after, "thoai-son", "ok", "").encode()).status()).isEqualTo(202);
    awaitCheckin("thoai-son", after);
    assertThat(history("thoai-son", id)).isEqualTo(1);
    assertThat(node.board().getJsonObject("stats").getLong("duplicates")).isEqualTo(duplicatesBefore + 1);
  }

  private static long history(String district, String eventId) throws Exception {
    return node.node().board().checkins(district).map(history -> history.stream()
        .filter(c -> c.eventId().equals(eventId)).count()).toCompletionStage().toCompletableFuture().get();
  }

  private static void awaitCheckin(String district, String eventId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline && history(district, eventId) == 0) Thread.sleep(20);
    assertThat(history(district, eventId)).isEqualTo(1);
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", node.bootstrapServers());
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    return new KafkaProducer<>(p);
  }

  @Test
  @DisplayName("a malformed record produced straight to a topic is dead-lettered and the next valid record is applied")
  void poisonRecordGoesToDlq() throws Exception {
    String goodId = "after-poison-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("examops.checkins", "tan-chau", "{not json at all")).get();
      producer.send(new ProducerRecord<>("examops.checkins", "tan-chau",
          checkin("bad-status-" + UUID.randomUUID(), "tan-chau", "fine", "").encode())).get();
      producer.send(new ProducerRecord<>("examops.checkins", "tan-chau", checkin(goodId, "tan-chau", "critical", "sau bản ghi hỏng").encode())).get();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline && !"critical".equals(
        node.board().getJsonObject("districts").getJsonObject("tan-chau").getString("status"))) {
      Thread.sleep(50);
    }
    JsonObject tanChau = node.board().getJsonObject("districts").getJsonObject("tan-chau");
    assertThat(tanChau.getString("status")).isEqualTo("critical");
    assertThat(tanChau.getJsonObject("lastCheckin").getString("id")).isEqualTo(goodId);

    List<ConsumerRecord<String, byte[]>> dlq = readDlq(2, Duration.ofSeconds(10));
    assertThat(dlq).hasSizeGreaterThanOrEqualTo(2);
    List<String> reasons = dlq.stream()
        .map(r -> new String(r.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8)).toList();
    assertThat(reasons).anyMatch(s -> s.startsWith("not valid JSON"));
    assertThat(reasons).anyMatch(s -> s.startsWith("data.status"));
    assertThat(Prometheus.parse(node.get("/metrics").body()).value("examops_dead_letter_total")).isGreaterThanOrEqualTo(1);
  }

  private static List<ConsumerRecord<String, byte[]>> readDlq(int atLeast, Duration timeout) {
    Properties p = new Properties();
    p.put("bootstrap.servers", node.bootstrapServers());
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
      TopicPartition tp = new TopicPartition("examops.dlq", 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      List<ConsumerRecord<String, byte[]>> out = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < atLeast && System.nanoTime() < deadline) c.poll(Duration.ofMillis(200)).forEach(out::add);
      return out;
    }
  }

  static Map<String, Object> withoutNow(JsonObject snapshot) {
    JsonObject copy = snapshot.copy();
    copy.remove("now");
    copy.getJsonObject("clock").remove("now");
    return copy.getMap();
  }
}
