package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lease holder's writers against a real broker: a later holder fences a former one, whatever state it was in. */
@Tier.Broker
class LeaseFenceTest {

  private static final String TOPIC = "examops.alerts";
  private static EmbeddedKafka broker;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafka(Files.createTempDirectory("examops-fence").resolve("kafka"), EmbeddedKafka.freePort());
    broker.start();
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  @DisplayName("a holder that fenced the former one writes; the former one's next write, confirmation and the transaction it left open are refused and never read, and it is told why")
  void laterHolderFencesTheFormerOne() throws Exception {
    List<String> formerTold = new CopyOnWriteArrayList<>();
    FencedProducer former = new FencedProducer(KafkaSettings.durableProducer(broker.bootstrapServers(), "former"), "test.lease", formerTold::add);
    FencedProducer later = new FencedProducer(KafkaSettings.durableProducer(broker.bootstrapServers(), "later"), "test.lease", r -> { });
    try (former; later) {
      former.fence();
      former.write(List.of(record("former-1")));
      former.confirm();

      // The former holder freezes in the middle of a transaction: sent, not committed.
      KafkaProducer<String, byte[]> frozen = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
          "transactional.id", "test.lease.frozen", "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
          "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"));
      frozen.initTransactions();
      frozen.beginTransaction();
      frozen.send(record("frozen-open")).get();
      FencedProducer afterFrozen = new FencedProducer(KafkaSettings.durableProducer(broker.bootstrapServers(), "after-frozen"),
          "test.lease.frozen", r -> { });

      later.fence();
      afterFrozen.fence();
      later.write(List.of(record("later-1"), record("later-2")));

      assertThatThrownBy(() -> former.write(List.of(record("former-after-fence")))).isInstanceOf(FencedProducer.FencedException.class);
      assertThat(formerTold).singleElement().asString().contains("test.lease");
      assertThat(former.ready()).isFalse();
      assertThatThrownBy(former::confirm).isInstanceOf(FencedProducer.FencedException.class);
      assertThatThrownBy(() -> frozen.commitTransaction()).isInstanceOf(org.apache.kafka.common.KafkaException.class);
      frozen.close(Duration.ZERO);
      afterFrozen.close();

      assertThat(read("read_committed")).containsExactly("former-1", "later-1", "later-2");
      assertThat(read("read_uncommitted")).doesNotContain("former-after-fence");
      later.confirm();
    }
  }

  private static ProducerRecord<String, byte[]> record(String value) {
    return new ProducerRecord<>(TOPIC, "k", value.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> read(String isolation) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
        "isolation.level", isolation, "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
      TopicPartition tp = new TopicPartition(TOPIC, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      List<String> out = new ArrayList<>();
      while (c.position(tp) < end) c.poll(Duration.ofMillis(200)).forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
      return out;
    }
  }
}
