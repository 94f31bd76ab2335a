package examops.kafka;

import examops.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the event topics once, from the beginning up to their ends as they stood when the read
 * began, with a fresh consumer of its own (no group, no commits): a consistent cut of the log, for
 * anything rebuilt on demand (the report). Records go through the same {@link RecordDecoder} as the
 * board's; refused ones are counted and skipped (the board's reader dead-letters them).
 * Blocking: run it off the event loop.
 */
public final class LogSnapshot {

  /** What a read saw: events handed over, records refused, records in the cut. */
  public record Summary(long applied, long refused, long total) {}

  private final String bootstrap;
  private final String clientId;
  private final RecordDecoder decoder;

  public LogSnapshot(String bootstrap, String clientId, RecordDecoder decoder) {
    this.bootstrap = bootstrap;
    this.clientId = clientId;
    this.decoder = decoder;
  }

  /**
   * @param sink gets every valid event, in log order per partition
   * @param progress gets the replay progress now and then (and once at the end)
   */
  public Summary read(Consumer<Event> sink, Consumer<ReplayProgress> progress) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId))) {
      List<TopicPartition> partitions = KafkaSettings.eventPartitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> read = new HashMap<>(begin);
      long applied = 0;
      long refused = 0;
      progress.accept(ReplayProgress.of(begin, end, read));
      pauseFinished(consumer, partitions, end, read);
      while (read.entrySet().stream().anyMatch(e -> e.getValue() < end.get(e.getKey()))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() >= end.get(tp)) continue;
          read.put(tp, r.offset() + 1);
          if (decoder.decode(r) instanceof RecordDecoder.Accepted ok) {
            sink.accept(ok.event());
            applied++;
          } else {
            refused++;
          }
        }
        pauseFinished(consumer, partitions, end, read);
        progress.accept(ReplayProgress.of(begin, end, read));
      }
      return new Summary(applied, refused, ReplayProgress.of(begin, end, read).total());
    }
  }

  /** Records past the cut are left for the next read: what a read sees must not depend on timing. */
  private static void pauseFinished(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, Long> end, Map<TopicPartition, Long> read) {
    List<TopicPartition> done = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      if (consumer.paused().contains(tp)) continue;
      if (consumer.position(tp) >= end.get(tp)) {
        read.put(tp, end.get(tp));
        done.add(tp);
      }
    }
    if (!done.isEmpty()) consumer.pause(done);
  }
}
