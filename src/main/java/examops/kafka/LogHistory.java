package examops.kafka;

import examops.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the event topics up to a moment: every event ExamOps had received by then — its
 * {@code receivedAt}, stamped on the exam clock at ingest (the broker's append time for records
 * written straight to Kafka) — in the order the live log reader would have handed them over. The
 * exam clock is the rehearsal clock in a drill, so "07:40 on 9 August" means the same in a rehearsal
 * as on the day; the whole log is read, since record timestamps follow the real clock. Blocking; one
 * consumer of its own per call, no group. Records the decoder refuses are skipped (the live reader
 * already dead-lettered them).
 */
public final class LogHistory {

  /** Told how many of the records to read have been read; called on the reading thread. */
  @FunctionalInterface
  public interface Progress {
    void report(long done, long total);
  }

  /** Gives up when the broker hands over nothing for this long while records remain. */
  static final Duration STALL_LIMIT = Duration.ofSeconds(30);

  private final String bootstrap;
  private final RecordDecoder decoder;

  public LogHistory(String bootstrap, RecordDecoder decoder) {
    this.bootstrap = bootstrap;
    this.decoder = decoder;
  }

  /**
   * Hands every event received at or before {@code until} to {@code sink}, on this thread.
   *
   * @return how many events were handed over
   */
  public long replay(Instant until, String clientId, Consumer<Event> sink, Progress progress) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId))) {
      List<TopicPartition> partitions = KafkaSettings.eventPartitions(consumer);
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> stop = consumer.endOffsets(partitions);
      long total = 0;
      List<TopicPartition> toRead = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        long n = stop.get(tp) - begin.get(tp);
        if (n > 0) {
          total += n;
          toRead.add(tp);
        }
      }
      consumer.assign(toRead);
      consumer.seekToBeginning(toRead);
      progress.report(0, total);
      return read(consumer, toRead, stop, until, total, sink, progress);
    }
  }

  private long read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> toRead,
      Map<TopicPartition, Long> stop, Instant until, long total, Consumer<Event> sink, Progress progress) {
    long handed = 0;
    long done = 0;
    List<TopicPartition> open = new ArrayList<>(toRead);
    long lastRecordAt = System.nanoTime();
    while (!open.isEmpty()) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) lastRecordAt = System.nanoTime();
      else if (System.nanoTime() - lastRecordAt > STALL_LIMIT.toNanos()) {
        throw new IllegalStateException("the log stopped answering after " + done + " of " + total + " records");
      }
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.offset() >= stop.get(new TopicPartition(r.topic(), r.partition()))) continue;
        done++;
        if (decoder.decode(r) instanceof RecordDecoder.Accepted a && !a.event().receivedAt().isAfter(until)) {
          sink.accept(a.event());
          handed++;
        }
      }
      List<TopicPartition> finished = new ArrayList<>();
      for (TopicPartition tp : open) if (consumer.position(tp) >= stop.get(tp)) finished.add(tp);
      if (!finished.isEmpty()) {
        open.removeAll(finished);
        consumer.pause(finished);
      }
      progress.report(Math.min(done, total), total);
    }
    return handed;
  }
}
