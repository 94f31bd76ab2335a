package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import examops.board.ReferenceCheck;
import examops.event.Event;
import examops.event.EventValidator;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Large polls are decoded by two threads; what comes out is still in log order. */
@Tier.Broker
class LogReaderTest {

  @Test
  @DisplayName("12,000 records with every seventh one poison: events, dead letters and the dead-letter topic in log order")
  void logOrder() throws Exception {
    EmbeddedKafka broker = new EmbeddedKafka(Files.createTempDirectory("examops-reader"), EmbeddedKafka.freePort());
    broker.start();
    try {
      String bootstrap = broker.bootstrapServers();
      TopicSetup.ensureTopics(bootstrap, TopicDefinition.loadAll());
      int n = 12_000;
      List<Long> poisonOffsets = new ArrayList<>();
      List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> poisons = new ArrayList<>();
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
          new StringSerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < n; i++) {
          String value = i % 7 == 3 ? "not json " + i : new JsonObject().put("id", "c-" + i).put("type", "checkin.submitted")
              .put("at", "2020-08-09T07:05:00+07:00").put("district", "an-phu")
              .put("data", new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok")).encode();
          var sent = producer.send(new ProducerRecord<>("examops.checkins", "an-phu", value.getBytes(StandardCharsets.UTF_8)));
          if (i % 7 == 3) poisons.add(sent);
        }
        for (var sent : poisons) poisonOffsets.add(sent.get().offset());
      }
      List<String> ids = new ArrayList<>();
      List<Long> refusedOffsets = new ArrayList<>();
      AtomicInteger largestBatch = new AtomicInteger();
      try (DeadLetters deadLetters = new DeadLetters(bootstrap, "reader-test");
          LogReader reader = new LogReader(bootstrap, "reader-test", new EventValidator(),
              new ReferenceCheck(ProvinceLoader.loadDefault())::problem, deadLetters, batch -> {
                synchronized (ids) {
                  batch.events().stream().map(Event::id).forEach(ids::add);
                  batch.deadLetters().forEach(d -> refusedOffsets.add(d.offset()));
                  largestBatch.accumulateAndGet(batch.events().size() + batch.deadLetters().size(), Math::max);
                }
                batch.done().run();
              })) {
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
          synchronized (ids) {
            if (ids.size() + refusedOffsets.size() == n) break;
          }
          Thread.sleep(50);
        }
        synchronized (ids) {
          List<String> expected = new ArrayList<>();
          for (int i = 0; i < n; i++) if (i % 7 != 3) expected.add("c-" + i);
          assertThat(ids).containsExactlyElementsOf(expected);
          assertThat(refusedOffsets).containsExactlyElementsOf(poisonOffsets);
          assertThat(largestBatch.get()).as("polls large enough to be decoded in halves").isGreaterThanOrEqualTo(LogReader.PARALLEL_FROM);
        }
      }
      assertThat(dlqOffsets(bootstrap, poisonOffsets.size())).containsExactlyElementsOf(poisonOffsets);
    } finally {
      broker.close();
    }
  }

  @Test
  @DisplayName("a batch the board cannot take stops the reader, which says so instead of waiting forever")
  void failedHandOver() throws Exception {
    EmbeddedKafka broker = new EmbeddedKafka(Files.createTempDirectory("examops-reader"), EmbeddedKafka.freePort());
    broker.start();
    try {
      String bootstrap = broker.bootstrapServers();
      TopicSetup.ensureTopics(bootstrap, TopicDefinition.loadAll());
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
          new StringSerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < 20_000; i++) producer.send(new ProducerRecord<>("examops.checkins", "an-phu", ("not json " + i).getBytes(StandardCharsets.UTF_8)));
      }
      AtomicInteger handed = new AtomicInteger();
      try (DeadLetters deadLetters = new DeadLetters(bootstrap, "reader-fail-test", () -> false);
          LogReader reader = new LogReader(bootstrap, "reader-fail-test", new EventValidator(),
              new ReferenceCheck(ProvinceLoader.loadDefault())::problem, deadLetters, batch -> {
                handed.incrementAndGet();
                throw new IllegalStateException("the board is gone");
              })) {
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reader.progress().error() == null && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(reader.progress().error()).contains("the board is gone");
        assertThat(handed.get()).isEqualTo(1);
      }
    } finally {
      broker.close();
    }
  }

  private static List<Long> dlqOffsets(String bootstrap, int expected) {
    List<Long> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, "dlq-reader-test"))) {
      TopicPartition tp = new TopicPartition(TopicDefinition.DLQ, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(r -> {
          String origin = new String(r.headers().lastHeader(DeadLetters.ORIGIN_HEADER).value(), StandardCharsets.UTF_8);
          out.add(Long.parseLong(origin.substring(origin.lastIndexOf('/') + 1)));
        });
      }
    }
    return out;
  }
}
