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
  private FencedProducer fenced;
  private final Object readLock = new Object();
  private KafkaConsumer<String, byte[]> reader;

  public CheckpointStore(String bootstrap, String clientId) {
    this.bootstrap = bootstrap;
    this.clientId = clientId;
  }

  /** Checkpoints are written through {@code writer} (the lease holder's, so a former holder writes none). */
  public synchronized CheckpointStore writeThrough(FencedProducer writer) {
    this.fenced = writer;
    return this;
  }

  /**
   * The header naming the latest moment at which an event the checkpoint covers happened (the
   * events' {@code at}, in epoch milliseconds), so that a reading of a period can find a checkpoint
   * holding nothing that happened after it without opening one.
   */
  public static final String HAPPENED_UP_TO = "examops-happened-up-to";

  /** Appends a checkpoint and waits for Kafka's acknowledgement. */
  public synchronized void write(String key, Instant coversUpTo, byte[] value) {
    write(key, coversUpTo, null, value);
  }

  /**
   * Appends a checkpoint and waits for Kafka's acknowledgement.
   *
   * @param happenedUpTo the latest {@code at} among the events it covers (null when none)
   */
  public synchronized void write(String key, Instant coversUpTo, Instant happenedUpTo, byte[] value) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, 0, coversUpTo.toEpochMilli(), key, value);
    if (happenedUpTo != null) {
      record.headers().add(HAPPENED_UP_TO, Long.toString(happenedUpTo.toEpochMilli()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    if (fenced != null) {
      fenced.write(List.of(record));
      return;
    }
    if (producer == null) producer = new KafkaProducer<>(KafkaSettings.checkpointProducer(bootstrap, clientId + "-writer"));
    try {
      producer.send(record).get(60, TimeUnit.SECONDS);
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
    return newest(upTo, null, read);
  }

  /**
   * As {@link #newest(Instant, Reader)}, passing over, without reading them, the checkpoints whose
   * {@link #HAPPENED_UP_TO} header says they cover an event that happened at or after
   * {@code happenedBefore} (when not null; a checkpoint without the header is handed to {@code read},
   * which must then check).
   */
  public <T> Optional<T> newest(Instant upTo, Instant happenedBefore, Reader<T> read) {
    synchronized (readLock) {
      try {
        return newest(reader(), upTo, happenedBefore, read);
      } catch (RuntimeException e) {
        closeReader();
        throw e;
      }
    }
  }

  private <T> Optional<T> newest(KafkaConsumer<String, byte[]> consumer, Instant upTo, Instant happenedBefore, Reader<T> read) {
    if (consumer.partitionsFor(TOPIC).isEmpty()) return Optional.empty();
    long begin = consumer.beginningOffsets(List.of(PARTITION)).get(PARTITION);
    long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
    long high = end;
    if (upTo != null) {
      Map<TopicPartition, OffsetAndTimestamp> after = consumer.offsetsForTimes(Map.of(PARTITION, upTo.toEpochMilli() + 1));
      OffsetAndTimestamp first = after.get(PARTITION);
      if (first != null) high = firstAfter(consumer, first.offset(), end, upTo);
    }
    for (int step = FIRST_STEP; high > begin; step *= 2) {
      long low = Math.max(begin, high - step);
      List<ConsumerRecord<String, byte[]>> found = range(consumer, low, high);
      for (int i = found.size() - 1; i >= 0; i--) {
        ConsumerRecord<String, byte[]> r = found.get(i);
        if (upTo != null && r.timestamp() > upTo.toEpochMilli()) continue;
        if (happenedBefore != null && !happenedBefore(r, happenedBefore)) continue;
        Optional<T> usable = read.read(r.offset(), r.value());
        if (usable.isPresent()) return usable;
      }
      high = low;
    }
    return Optional.empty();
  }

  /**
   * The offset of the first checkpoint whose timestamp is after {@code upTo}, looking from
   * {@code from} on ({@code end} when there is none). The broker's time index cannot say it alone:
   * checkpoints are written in transactions, and each transaction's commit marker takes the moment
   * it was written as its timestamp, not the receipt time of the log the checkpoint covers. A node
   * behind the log writes its checkpoints some time after the log they cover was received, so the
   * first marker later than a moment may come before checkpoints that cover no more than that
   * moment; they are found here (usually none, or one or two).
   */
  private static long firstAfter(KafkaConsumer<String, byte[]> consumer, long from, long end, Instant upTo) {
    long[] found = {end};
    scan(consumer, from, end, r -> {
      if (r.timestamp() <= upTo.toEpochMilli()) return true;
      found[0] = r.offset();
      return false;
    });
    return found[0];
  }

  /** False when the record's header says it covers an event that happened at or after {@code end}. */
  private static boolean happenedBefore(ConsumerRecord<String, byte[]> r, Instant end) {
    org.apache.kafka.common.header.Header h = r.headers().lastHeader(HAPPENED_UP_TO);
    if (h == null) return true;
    try {
      return Long.parseLong(new String(h.value(), java.nio.charset.StandardCharsets.US_ASCII)) < end.toEpochMilli();
    } catch (RuntimeException unreadable) {
      return true; // the reader decides from the checkpoint itself
    }
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
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    scan(consumer, low, high, r -> {
      if (r.value() != null) out.add(r);
      return true;
    });
    return out;
  }

  /**
   * Hands the records at offsets [low, high) to {@code take} in order, until it answers false, giving
   * up when the broker hands over nothing for {@link #STALL_LIMIT}.
   */
  private static void scan(KafkaConsumer<String, byte[]> consumer, long low, long high,
      java.util.function.Predicate<ConsumerRecord<String, byte[]>> take) {
    consumer.seek(PARTITION, low);
    long last = System.nanoTime();
    while (consumer.position(PARTITION) < high) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (records.isEmpty() && System.nanoTime() - last > STALL_LIMIT.toNanos()) {
        throw new IllegalStateException("the checkpoint topic stopped answering");
      }
      if (!records.isEmpty()) last = System.nanoTime();
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.offset() >= high || !take.test(r)) return;
      }
    }
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
