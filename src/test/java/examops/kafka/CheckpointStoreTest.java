package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Finding the checkpoint for a moment on a real broker, where checkpoints are written in transactions
 * (the lease holder's) and stamped with the receipt time of the log they cover, which can be long
 * before the moment they were written (a node behind the log, a rehearsal clock in 2020).
 */
@Tier.Broker
class CheckpointStoreTest {

  private static final Instant T0 = Instant.parse("2020-08-09T00:00:00Z");
  private static EmbeddedKafka broker;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafka(Files.createTempDirectory("examops-checkpoints").resolve("kafka"), EmbeddedKafka.freePort());
    broker.start();
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(CheckpointStore.TOPIC, 1, (short) 1)
          .configs(Map.of("message.timestamp.type", "CreateTime", "message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE)))))
          .all().get();
    }
    // Ten checkpoints a minute apart in log time, each in a transaction of its own, as the lease holder writes them;
    // every commit marker is stamped with the moment it is written (now), long after the log time of its checkpoint.
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
        broker.bootstrapServers(), "transactional.id", "test-checkpoints"), new StringSerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      for (int i = 0; i < 10; i++) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(CheckpointStore.TOPIC, 0, T0.plus(Duration.ofMinutes(i)).toEpochMilli(), "checkpoint/" + i,
            String.valueOf(i).getBytes(StandardCharsets.UTF_8)));
        producer.commitTransaction();
      }
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static Optional<String> newest(Instant upTo) {
    try (CheckpointStore store = new CheckpointStore(broker.bootstrapServers(), "test")) {
      return store.newest(upTo, bytes -> Optional.of(new String(bytes, StandardCharsets.UTF_8)));
    }
  }

  @Test
  @DisplayName("the newest checkpoint not after a moment, though every commit marker after the first is later than it")
  void newestNotAfterTheMoment() {
    assertThat(newest(T0.plus(Duration.ofMinutes(5)).plusSeconds(30))).contains("5");
    assertThat(newest(T0.plus(Duration.ofMinutes(5)))).contains("5");
    assertThat(newest(T0.plus(Duration.ofMinutes(9)))).contains("9");
    assertThat(newest(T0.plusSeconds(59))).contains("0");
    assertThat(newest(T0.minusMillis(1))).isEmpty();
    assertThat(newest(null)).contains("9");
  }
}
