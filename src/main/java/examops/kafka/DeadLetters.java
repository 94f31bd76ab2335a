package examops.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that failed validation to {@code examops.dlq}, with the reason and the record's
 * origin in headers. Each origin is dead-lettered once: on start the DLQ is read back, so a replay
 * of the same malformed record after a restart does not write it again.
 */
public final class DeadLetters implements AutoCloseable {

  public static final String REASON_HEADER = "examops.reason";
  public static final String ORIGIN_HEADER = "examops.origin";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaProducer<String, byte[]> producer;
  private final Set<String> origins = new HashSet<>();
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  public DeadLetters(String bootstrap, String clientId) {
    Map<String, String> p = KafkaSettings.durableProducer(bootstrap, clientId);
    producer = new KafkaProducer<>(Map.copyOf(p));
    loadOrigins(bootstrap, clientId);
  }

  private void loadOrigins(String bootstrap, String clientId) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId + "-dlq-index"))) {
      List<TopicPartition> parts = c.partitionsFor(TopicDefinition.DLQ).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
          Header h = r.headers().lastHeader(ORIGIN_HEADER);
          if (h != null) origins.add(new String(h.value(), StandardCharsets.UTF_8));
        }
      }
    }
    written.set(origins.size());
  }

  /** Called from the log reader's thread for each record that cannot be applied. */
  void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
    seen.incrementAndGet();
    String origin = r.topic() + "/" + r.partition() + "/" + r.offset();
    if (!origins.add(origin)) return;
    LOG.warn("Dead-lettered {} (key {}): {}", origin, r.key(), reason);
    ProducerRecord<String, byte[]> out = new ProducerRecord<>(TopicDefinition.DLQ, r.key(), r.value());
    out.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    out.headers().add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
    producer.send(out, (md, err) -> {
      if (err != null) {
        origins.remove(origin);
        LOG.error("Could not dead-letter {}: {}", origin, err.toString());
      } else {
        written.incrementAndGet();
      }
    });
  }

  /** Malformed records read by this node since it started (replayed ones included). */
  public long seen() {
    return seen.get();
  }

  /** Records in the dead-letter topic. */
  public long written() {
    return written.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
