package examops.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The {@code examops.checkpoints} topic: saved boards, each a record whose timestamp is the latest
 * receipt time of the log it covers. The topic is compacted by key (one key per hour of the log),
 * so it keeps the last checkpoint of every hour: enough to start any reading of the past near its
 * moment. Blocking; the bytes are the caller's (this class knows nothing of what is in them).
 */
public final class CheckpointStore implements AutoCloseable {

  public static final String TOPIC = "examops.checkpoints";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  /** Checkpoints read per step when looking backwards for a usable one. */
  private static final int FIRST_STEP = 4;
  private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

  private final String bootstrap;
  private final String clientId;
  private KafkaProducer<String, byte[]> producer;
  private final Object readLock = new Object();
  private KafkaConsumer<String, byte[]> reader;

  public CheckpointStore(String bootstrap, String clientId) {
    this.bootstrap = bootstrap;
    this.clientId = clientId;
  }

  /** Appends a checkpoint and waits for Kafka's acknowledgement. */
  public synchronized void write(String key, Instant coversUpTo, byte[] value) {
    if (producer == null) producer = new KafkaProducer<>(KafkaSettings.checkpointProducer(bootstrap, clientId + "-writer"));
    try {
      producer.send(new ProducerRecord<>(TOPIC, 0, coversUpTo.toEpochMilli(), key, value)).get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a checkpoint", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the checkpoint was not written: " + e, e);
    }
  }

  /**
   * The newest checkpoint that covers no more than the log received by {@code upTo} (any, when null)
   * and that {@code read} accepts: checkpoints are tried newest first, and one {@code read} cannot
   * use (unreadable, another format) is passed over for the one before it.
   */
  public <T> Optional<T> newest(Instant upTo, Function<byte[], Optional<T>> read) {
    return newest(upTo, (offset, bytes) -> read.apply(bytes));
  }

  /** Reads one checkpoint, told its offset in the topic (the same offset is always the same checkpoint). */
  @FunctionalInterface
  public interface Reader<T> {
    Optional<T> read(long offset, byte[] bytes);
  }

  /** As {@link #newest(Instant, Function)}, telling {@code read} each checkpoint's offset (so it may keep what it decoded). */
  public <T> Optional<T> newest(Instant upTo, Reader<T> read) {
    synchronized (readLock) {
      try {
        return newest(reader(), upTo, read);
      } catch (RuntimeException e) {
        closeReader();
        throw e;
      }
    }
  }

  private <T> Optional<T> newest(KafkaConsumer<String, byte[]> consumer, Instant upTo, Reader<T> read) {
    if (consumer.partitionsFor(TOPIC).isEmpty()) return Optional.empty();
    long begin = consumer.beginningOffsets(List.of(PARTITION)).get(PARTITION);
    long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
    long high = end;
    if (upTo != null) {
      Map<TopicPartition, OffsetAndTimestamp> after = consumer.offsetsForTimes(Map.of(PARTITION, upTo.toEpochMilli() + 1));
      OffsetAndTimestamp first = after.get(PARTITION);
      if (first != null) high = first.offset();
    }
    for (int step = FIRST_STEP; high > begin; step *= 2) {
      long low = Math.max(begin, high - step);
      List<ConsumerRecord<String, byte[]>> found = range(consumer, low, high);
      for (int i = found.size() - 1; i >= 0; i--) {
        ConsumerRecord<String, byte[]> r = found.get(i);
        if (upTo != null && r.timestamp() > upTo.toEpochMilli()) continue;
        Optional<T> usable = read.read(r.offset(), r.value());
        if (usable.isPresent()) return usable;
      }
      high = low;
    }
    return Optional.empty();
  }

  /** The reading consumer, kept between reads: a new one costs several round trips to the broker. */
  private KafkaConsumer<String, byte[]> reader() {
    if (reader == null) {
      reader = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId + "-reader"));
      reader.assign(List.of(PARTITION));
    }
    return reader;
  }

  private void closeReader() {
    if (reader != null) {
      try {
        reader.close(Duration.ofSeconds(5));
      } catch (RuntimeException ignored) {
        // closing a consumer whose broker is gone
      }
    }
    reader = null;
  }

  /** The records at offsets [low, high), in order (compaction may have left gaps). */
  private static List<ConsumerRecord<String, byte[]>> range(KafkaConsumer<String, byte[]> consumer, long low, long high) {
    consumer.seek(PARTITION, low);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    long last = System.nanoTime();
    while (consumer.position(PARTITION) < high) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (records.isEmpty() && System.nanoTime() - last > STALL_LIMIT.toNanos()) {
        throw new IllegalStateException("the checkpoint topic stopped answering");
      }
      if (!records.isEmpty()) last = System.nanoTime();
      for (ConsumerRecord<String, byte[]> r : records) if (r.offset() < high && r.value() != null) out.add(r);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    if (producer != null) producer.close(Duration.ofSeconds(5));
    producer = null;
    synchronized (readLock) {
      closeReader();
    }
  }
}
