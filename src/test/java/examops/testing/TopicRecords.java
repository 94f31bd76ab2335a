package examops.testing;

import examops.kafka.KafkaSettings;
import examops.kafka.LogCut;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * What tests read straight from Kafka: every committed record of a topic, from its beginning to its
 * end as it stood when the read began, through the product's own reader ({@link LogCut#readToEnd},
 * which gives up when the broker stops answering instead of spinning).
 */
public final class TopicRecords {

  private TopicRecords() {}

  /** Every committed record of {@code topic}, in order per partition. */
  public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    LogCut.readToEnd(bootstrap, "test-read-" + UUID.randomUUID(), topic, out::add);
    return out;
  }

  /** The same records' values as JSON; a value that is not JSON becomes {@code {"raw": value}}. */
  public static List<JsonObject> json(String bootstrap, String topic) {
    return read(bootstrap, topic).stream().map(TopicRecords::json).toList();
  }

  /** A record's value as JSON, or {@code {"raw": value}} when it is not JSON. */
  public static JsonObject json(ConsumerRecord<String, byte[]> r) {
    String value = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    try {
      return new JsonObject(value);
    } catch (RuntimeException notJson) {
      return new JsonObject().put("raw", value);
    }
  }

  /** How many committed records the event topics hold (transaction markers take offsets, so they are read, not subtracted). */
  public static long countEvents(String bootstrap) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, "test-count-" + UUID.randomUUID()))) {
      long n = 0;
      for (String topic : KafkaSettings.eventPartitions(c).stream().map(tp -> tp.topic()).distinct().toList()) {
        n += read(bootstrap, topic).size();
      }
      return n;
    }
  }
}
