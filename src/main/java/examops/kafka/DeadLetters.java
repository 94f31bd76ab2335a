package examops.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
 *
 * <p>Every node reads every record, but only the one that {@code writes} (the lease holder) produces
 * to the DLQ; the others count what they saw and set it aside, and write what is still missing from
 * the DLQ if they become the writer ({@link #takeOver}), so a writer that died between reading and
 * writing loses nothing.
 */
public final class DeadLetters implements AutoCloseable {

  public static final String REASON_HEADER = "examops.reason";
  public static final String ORIGIN_HEADER = "examops.origin";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaProducer<String, byte[]> producer;
  private final Set<String> origins = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final BooleanSupplier writes;
  /** Records this node saw while another node was the writer, by origin; bounded. */
  private final Map<String, SetAside> setAside = new LinkedHashMap<>();
  private final String bootstrap;
  private final String clientId;

  private record SetAside(ConsumerRecord<String, byte[]> record, String reason) {}

  static final int MAX_SET_ASIDE = 10_000;

  /** A dead-letter writer that always writes (a node on its own). */
  public DeadLetters(String bootstrap, String clientId) {
    this(bootstrap, clientId, () -> true);
  }

  /** @param writes whether this node is the one that writes to the DLQ now */
  public DeadLetters(String bootstrap, String clientId, BooleanSupplier writes) {
    Map<String, String> p = KafkaSettings.durableProducer(bootstrap, clientId);
    producer = new KafkaProducer<>(Map.copyOf(p));
    this.writes = writes;
    this.bootstrap = bootstrap;
    this.clientId = clientId;
    origins.addAll(readOrigins());
    written.set(origins.size());
  }

  private Set<String> readOrigins() {
    Set<String> found = new HashSet<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId + "-dlq-index"))) {
      List<TopicPartition> parts = c.partitionsFor(TopicDefinition.DLQ).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
          Header h = r.headers().lastHeader(ORIGIN_HEADER);
          if (h != null) found.add(new String(h.value(), StandardCharsets.UTF_8));
        }
      }
    }
    return found;
  }

  /** Called from the log reader's thread for each record that cannot be applied. */
  synchronized void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
    seen.incrementAndGet();
    String origin = r.topic() + "/" + r.partition() + "/" + r.offset();
    if (!origins.add(origin)) return;
    if (!writes.getAsBoolean()) {
      written.incrementAndGet(); // the writer puts it in the DLQ
      setAside.put(origin, new SetAside(r, reason));
      if (setAside.size() > MAX_SET_ASIDE) setAside.remove(setAside.keySet().iterator().next());
      return;
    }
    send(origin, r, reason, true);
  }

  /**
   * Blocking: this node has become the writer. Reads the DLQ back and writes the records set aside
   * that the previous writer did not.
   */
  public synchronized void takeOver() {
    if (setAside.isEmpty()) return;
    Set<String> inDlq = readOrigins();
    int missing = 0;
    for (Map.Entry<String, SetAside> e : setAside.entrySet()) {
      if (inDlq.contains(e.getKey())) continue;
      send(e.getKey(), e.getValue().record(), e.getValue().reason(), false);
      missing++;
    }
    setAside.clear();
    if (missing > 0) LOG.warn("Dead-lettered {} record(s) the previous writer had not", missing);
  }

  private void send(String origin, ConsumerRecord<String, byte[]> r, String reason, boolean count) {
    LOG.warn("Dead-lettered {} (key {}): {}", origin, r.key(), reason);
    ProducerRecord<String, byte[]> out = new ProducerRecord<>(TopicDefinition.DLQ, r.key(), r.value());
    out.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    out.headers().add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
    producer.send(out, (md, err) -> {
      if (err != null) {
        origins.remove(origin);
        LOG.error("Could not dead-letter {}: {}", origin, err.toString());
      } else if (count) {
        written.incrementAndGet();
      }
    });
  }

  /** Malformed records read by this node since it started (replayed ones included). */
  public long seen() {
    return seen.get();
  }

  /** Records in the dead-letter topic (on a node that does not write: that the writer puts there). */
  public long written() {
    return written.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
