package examops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.DeadLetters;
import examops.testing.Prometheus;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Records written straight to the topics by outside producers that ExamOps cannot apply. */
@Tier.Broker
class PoisonRecordsTest {

  /** Before the window: no rule writes anything, so every record on the topics is this test's. */
  static final Instant BEFORE_WINDOW = Instant.parse("2020-07-20T00:00:00Z");

  static JsonObject checkin(String id, String district, String status) {
    return new JsonObject().put("id", id).put("type", "checkin.submitted").put("at", "2020-07-20T07:05:00+07:00")
        .put("district", district)
        .put("data", new JsonObject().put("status", status).put("phone", "ok").put("fax", "ok").put("internet", "ok"));
  }

  /** Each poison record: topic, value, and what its reason must say. */
  record Poison(String topic, byte[] value, String reason) {
    static Poison of(String topic, String value, String reason) {
      return new Poison(topic, value == null ? null : value.getBytes(StandardCharsets.UTF_8), reason);
    }
  }

  static List<Poison> poisons() {
    JsonObject newer = checkin("newer-1", "chau-doc", "ok").put("schemaVersion", 2);
    byte[] notUtf8 = checkin("bytes-1", "chau-doc", "ok").encode().replace("ok\"}", "o\u00ffk\"}").getBytes(StandardCharsets.ISO_8859_1);
    return List.of(
        Poison.of("examops.checkins", "{not json at all", "not valid JSON"),
        Poison.of("examops.checkins", checkin("schema-1", "chau-doc", "fine").encode(), "data.status"),
        Poison.of("examops.checkins", checkin("unknown-1", "atlantis", "ok").encode(), "atlantis"),
        Poison.of("examops.incidents", checkin("wrong-topic-1", "chau-doc", "ok").encode(), "belongs on examops.checkins, not examops.incidents"),
        Poison.of("examops.checkins", newer.encode(), "newer schema version 2; this node understands 1"),
        new Poison("examops.checkins", notUtf8, "not UTF-8"),
        Poison.of("examops.checkins", null, "empty"),
        Poison.of("examops.checkins", "[" + "1,".repeat(60_000) + "1]", "limit is 65536"),
        Poison.of("examops.checkins", "{\"id\":\"dup\",\"id\":\"dup2\"}", "duplicate key"),
        Poison.of("examops.monitoring", "{\"type\":\"probe.result\",\"at\":\"2020-07-20T07:00:00Z\",\"data\":{\"target\":\"province/portal\",\"status\":\"up\",\"latencyMs\":1e309}}", "out of range"));
  }

  @Test
  @DisplayName("records that are not JSON, fail the schema, name unknown districts, sit on the wrong topic or carry a newer schema version are dead-lettered once with their reason, counted, shown, and the next record is applied")
  void poisonIsDeadLetteredCountedAndShown() throws Exception {
    TestNode node = TestNode.start(Files.createTempDirectory("examops-poison"), new TestClock(BEFORE_WINDOW));
    try {
      List<Poison> poisons = poisons();
      try (KafkaProducer<String, byte[]> producer = producer(node)) {
        for (Poison p : poisons) producer.send(new ProducerRecord<>(p.topic(), "chau-doc", p.value())).get();
        producer.send(new ProducerRecord<>("examops.checkins", "chau-doc",
            checkin("good-after-poison", "chau-doc", "critical").encode().getBytes(StandardCharsets.UTF_8))).get();
      }
      awaitStats(node, poisons.size(), 1);
      JsonObject board = node.board();
      assertThat(board.getJsonObject("districts").getJsonObject("chau-doc").getJsonObject("lastCheckin").getString("id"))
          .as("consumption went on past the poison").isEqualTo("good-after-poison");

      List<ConsumerRecord<String, byte[]>> dlq = readDlq(node, poisons.size());
      assertThat(dlq).hasSize(poisons.size());
      List<String> reasons = dlq.stream().map(r -> header(r, DeadLetters.REASON_HEADER)).toList();
      for (Poison p : poisons) assertThat(reasons).anyMatch(r -> r.contains(p.reason()));
      assertThat(dlq).allMatch(r -> header(r, DeadLetters.ORIGIN_HEADER).matches("examops\\.[a-z]+/\\d+/\\d+"));
      assertThat(Prometheus.parse(node.get("/metrics").body()).value("examops_dead_letter_total")).isEqualTo(poisons.size());

      JsonObject shown = node.get("/api/v1/dlq?limit=50").json();
      assertThat(shown.getLong("total")).isEqualTo(poisons.size());
      JsonArray items = shown.getJsonArray("items");
      assertThat(items).hasSize(poisons.size());
      for (Poison p : poisons) {
        assertThat(items.stream().map(JsonObject.class::cast)).anyMatch(i -> i.getString("reason").contains(p.reason()));
      }
      JsonObject big = items.stream().map(JsonObject.class::cast).filter(i -> i.getString("reason").contains("limit is"))
          .findFirst().orElseThrow();
      assertThat(big.getString("preview")).hasSizeLessThanOrEqualTo(500);
      assertThat(big.getBoolean("truncated")).isTrue();
      assertThat(big.getString("origin")).startsWith("examops.checkins/");
      assertThat(big.getString("at")).isNotBlank();
      assertThat(node.get("/api/v1/dlq?limit=2").json().getJsonArray("items")).hasSize(2);
      assertThat(node.get("/api/v1/dlq?limit=0").status()).isEqualTo(400);
      assertThat(node.get("/api/v1/dlq?limit=x").json().getString("field")).isEqualTo("limit");

      node = node.restart();
      assertThat(node.board().getJsonObject("stats").getLong("dlq")).as("the replay counts them again").isEqualTo(poisons.size());
      assertThat(node.get("/api/v1/dlq?limit=50").json().getJsonArray("items")).hasSize(poisons.size());
      Thread.sleep(500);
      assertThat(readDlq(node, poisons.size() + 1)).as("a replay does not dead-letter them twice").hasSize(poisons.size());
    } finally {
      node.close();
    }
  }

  static void awaitStats(TestNode node, long dlq, long version) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonObject stats = null;
    while (System.nanoTime() < deadline) {
      stats = node.board().getJsonObject("stats");
      if (stats.getLong("dlq") >= dlq && stats.getLong("version") >= version) break;
      Thread.sleep(50);
    }
    assertThat(stats.getLong("dlq")).isEqualTo(dlq);
    assertThat(stats.getLong("version")).isEqualTo(version);
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static KafkaProducer<String, byte[]> producer(TestNode node) {
    Properties p = new Properties();
    p.put("bootstrap.servers", node.bootstrapServers());
    p.put("max.request.size", String.valueOf(2 * 1024 * 1024));
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    return new KafkaProducer<>(p);
  }

  /** Everything in the dead-letter topic, reading until {@code expect} records or 3 quiet seconds. */
  static List<ConsumerRecord<String, byte[]>> readDlq(TestNode node, int expect) {
    Properties p = new Properties();
    p.put("bootstrap.servers", node.bootstrapServers());
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = c.partitionsFor("examops.dlq").stream()
          .map(i -> new TopicPartition("examops.dlq", i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (out.size() < expect && System.nanoTime() < deadline) c.poll(Duration.ofMillis(200)).forEach(out::add);
      return out;
    }
  }

}
