package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Only the writer (the lease holder) produces dead letters; the others count and catch up when they take over. */
@Tier.Broker
class DeadLettersTest {

  private static EmbeddedKafka broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new EmbeddedKafka(Files.createTempDirectory("examops-dlq"), EmbeddedKafka.freePort());
    broker.start();
    TopicSetup.ensureTopics(broker.bootstrapServers(), TopicDefinition.loadAll());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static ConsumerRecord<String, byte[]> malformed(long offset) {
    return new ConsumerRecord<>("examops.checkins", 0, offset, "phu-tan", "not json".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a node that is not the writer counts a malformed record but does not write it; the writer does, once; a follower that takes over writes only what the old writer had not")
  void onlyTheWriterWrites() throws Exception {
    AtomicBoolean aWrites = new AtomicBoolean(true);
    AtomicBoolean bWrites = new AtomicBoolean(false);
    try (DeadLetters a = new DeadLetters(broker.bootstrapServers(), "a", aWrites::get);
        DeadLetters b = new DeadLetters(broker.bootstrapServers(), "b", bWrites::get)) {
      a.deadLetter(malformed(1), "not JSON");
      b.deadLetter(malformed(1), "not JSON");
      awaitDlq(1);
      // The writer dies having read offset 2 but before writing it; the follower read it too.
      b.deadLetter(malformed(2), "not JSON");
      assertThat(b.written()).as("counted on the follower").isEqualTo(2);
      assertThat(b.seen()).isEqualTo(2);
      assertThat(dlqOrigins()).containsExactly("examops.checkins/0/1");

      bWrites.set(true);
      b.takeOver();
      awaitDlq(2);
      assertThat(dlqOrigins()).containsExactlyInAnyOrder("examops.checkins/0/1", "examops.checkins/0/2");
      assertThat(b.written()).isEqualTo(2);
    }
  }

  private static void awaitDlq(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (dlqOrigins().size() < n && System.nanoTime() < deadline) Thread.sleep(100);
    assertThat(dlqOrigins()).hasSize(n);
  }

  private static List<String> dlqOrigins() {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.logReader(broker.bootstrapServers(), "dlq-test"))) {
      TopicPartition tp = new TopicPartition(TopicDefinition.DLQ, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      List<String> out = new java.util.ArrayList<>();
      while (c.position(tp) < end) {
        c.poll(Duration.ofMillis(200)).forEach(r ->
            out.add(new String(r.headers().lastHeader(DeadLetters.ORIGIN_HEADER).value(), StandardCharsets.UTF_8)));
      }
      return out;
    }
  }
}
