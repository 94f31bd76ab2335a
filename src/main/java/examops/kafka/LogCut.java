package examops.kafka;

import examops.event.Event;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a cut of the event topics: each partition from a starting offset (a checkpoint's, or its
 * beginning) up to its end as it stood when the read began, and, for a moment in the past, only up
 * to that partition's first record received after that moment. Every reading of the past (time
 * travel, the report, access) goes through here, so all of them see the same records the same way.
 * Records go through the same {@link RecordDecoder} as the live board's; refused ones are counted
 * (the live reader dead-lettered them). Blocking; one consumer of its own per read, no group; a
 * large poll is decoded in two halves, one on a decoding thread shared by all reads.
 *
 * <p>"Received by a moment" is a prefix of each partition, never a filter over all of it: a record
 * received after the moment ends its partition's cut, whatever follows. That is what makes a cut
 * start from any checkpoint taken inside it and still read the same records.
 */
public final class LogCut {

  /** Told how many of the records to read have been read; called on the reading thread. */
  @FunctionalInterface
  public interface Progress {
    void report(long done, long total);
  }

  /** What a read saw: where each partition stopped, records read, refused, events handed over. */
  public record Result(Map<TopicPartition, Long> positions, long records, long refused, long events) {}

  /** Gives up when the broker hands over nothing for this long while records remain. */
  static final Duration STALL_LIMIT = Duration.ofSeconds(30);

  private final String bootstrap;
  private final RecordDecoder decoder;

  public LogCut(String bootstrap, RecordDecoder decoder) {
    this.bootstrap = bootstrap;
    this.decoder = decoder;
  }

  /**
   * Hands every event of the cut to {@code events}, in log order per partition, on this thread.
   *
   * @param from where to start in each partition; a partition not named starts at its beginning
   * @param until the moment the cut is taken at (records received after it are left out), or null for
   *     everything up to the end
   * @param refused called once for each record the decoder refuses
   */
  public Result read(String clientId, Map<TopicPartition, Long> from, Instant until, Consumer<Event> events,
      Runnable refused, Progress progress) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId))) {
      List<TopicPartition> partitions = KafkaSettings.eventPartitions(consumer);
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> stop = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> at = new HashMap<>();
      long total = 0;
      List<TopicPartition> open = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        long start = Math.max(begin.get(tp), from.getOrDefault(tp, 0L));
        at.put(tp, Math.min(start, stop.get(tp)));
        if (start < stop.get(tp)) {
          consumer.seek(tp, start);
          total += stop.get(tp) - start;
          open.add(tp);
        }
      }
      consumer.pause(partitions);
      consumer.resume(open);
      progress.report(0, total);
      EventSink sink = new EventSink(decoder, until, events, refused);
      long done = read(consumer, open, stop, at, total, sink, progress);
      return new Result(Map.copyOf(at), done, sink.refused, sink.handed);
    }
  }

  /**
   * Reads every record of one topic, from its beginning up to its end as it stood when the read
   * began, handing each to {@code records} undecoded, with the same stall limit as a cut of the event
   * topics: for logs that are not events (the access topic). Blocking; a consumer of its own.
   *
   * @return where each partition ended, and how many records were read
   */
  public static Result readToEnd(String bootstrap, String clientId, String topic, Consumer<ConsumerRecord<String, byte[]>> records) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> stop = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> at = new HashMap<>();
      long total = 0;
      for (TopicPartition tp : partitions) {
        at.put(tp, begin.get(tp));
        consumer.seek(tp, begin.get(tp));
        total += stop.get(tp) - begin.get(tp);
      }
      List<TopicPartition> open = partitions.stream().filter(tp -> begin.get(tp) < stop.get(tp)).toList();
      consumer.pause(partitions);
      consumer.resume(open);
      long done = read(consumer, open, stop, at, total, (r, prepared) -> {
        records.accept(r);
        return true;
      }, (d, all) -> {});
      return new Result(Map.copyOf(at), done, 0, done);
    }
  }

  /**
   * Takes one record of a cut; false when the record ends its partition's cut (it is then not
   * counted). What {@link #prepare} made of a poll's records is handed over with each.
   */
  private interface RecordSink {
    /** Work done on a whole poll before its records are taken one by one (null for none). */
    default Object[] prepare(List<ConsumerRecord<String, byte[]>> records) {
      return null;
    }

    boolean take(ConsumerRecord<String, byte[]> r, Object prepared);
  }

  /** Decodes half of each large poll of a cut while the reading thread decodes the other half. */
  private static final java.util.concurrent.ExecutorService DECODER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "examops-cut-decoder");
    t.setDaemon(true);
    return t;
  });
  /** Polls smaller than this are decoded on the reading thread alone. */
  private static final int PARALLEL_FROM = 256;
  /** Prepared for a record received after the cut, found without decoding it. */
  private static final Object PAST = new Object();

  /** A cut of the event topics: decoded as the live board decodes, up to the moment of the cut. */
  private static final class EventSink implements RecordSink {
    private final RecordDecoder decoder;
    private final Instant until;
    private final Consumer<Event> events;
    private final Runnable onRefused;
    long handed;
    long refused;

    EventSink(RecordDecoder decoder, Instant until, Consumer<Event> events, Runnable onRefused) {
      this.decoder = decoder;
      this.until = until;
      this.events = events;
      this.onRefused = onRefused;
    }

    /** Decodes the poll's records (a large poll in two halves, one on {@link #DECODER}), in their order. */
    @Override
    public Object[] prepare(List<ConsumerRecord<String, byte[]>> records) {
      int n = records.size();
      Object[] out = new Object[n];
      if (n < PARALLEL_FROM) {
        for (int i = 0; i < n; i++) out[i] = decode(records.get(i));
        return out;
      }
      int half = n / 2;
      java.util.concurrent.Future<?> second = DECODER.submit(() -> {
        for (int i = half; i < n; i++) out[i] = decode(records.get(i));
      });
      for (int i = 0; i < half; i++) out[i] = decode(records.get(i));
      try {
        second.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while decoding the log", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("decoding the log failed: " + e.getCause(), e.getCause());
      }
      return out;
    }

    private Object decode(ConsumerRecord<String, byte[]> r) {
      return until != null && certainlyAfter(r, until) ? PAST : decoder.decode(r);
    }

    @Override
    public boolean take(ConsumerRecord<String, byte[]> r, Object prepared) {
      if (prepared == PAST) return false;
      RecordDecoder.Decoded d = (RecordDecoder.Decoded) prepared;
      Instant received = d instanceof RecordDecoder.Accepted a ? a.event().receivedAt() : Instant.ofEpochMilli(r.timestamp());
      if (until != null && received.isAfter(until)) return false;
      if (d instanceof RecordDecoder.Accepted a) {
        events.accept(a.event());
        handed++;
      } else {
        onRefused.run();
        refused++;
      }
      return true;
    }
  }

  /**
   * The read itself: polls until every open partition reached its stop offset or its cut ended,
   * giving up when the broker hands over nothing for {@link #STALL_LIMIT} while records remain.
   * Records {@code at} each partition's position; returns the records taken.
   */
  private static long read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> open, Map<TopicPartition, Long> stop,
      Map<TopicPartition, Long> at, long total, RecordSink sink, Progress progress) {
    long done = 0;
    Set<TopicPartition> finished = new HashSet<>();
    long lastRecordAt = System.nanoTime();
    while (finished.size() < open.size()) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) lastRecordAt = System.nanoTime();
      else if (System.nanoTime() - lastRecordAt > STALL_LIMIT.toNanos()) {
        throw new IllegalStateException("the log stopped answering after " + done + " of " + total + " records");
      }
      List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
      records.forEach(polled::add);
      Object[] prepared = sink.prepare(polled);
      for (int i = 0; i < polled.size(); i++) {
        ConsumerRecord<String, byte[]> r = polled.get(i);
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (finished.contains(tp) || r.offset() >= stop.get(tp)) continue;
        if (!sink.take(r, prepared == null ? null : prepared[i])) {
          finished.add(tp);
          continue;
        }
        done++;
        at.put(tp, r.offset() + 1);
      }
      List<TopicPartition> ended = new ArrayList<>();
      for (TopicPartition tp : open) {
        if (!finished.contains(tp) && consumer.position(tp) >= stop.get(tp)) {
          finished.add(tp);
          at.put(tp, stop.get(tp));
        }
        if (finished.contains(tp) && !consumer.paused().contains(tp)) ended.add(tp);
      }
      if (!ended.isEmpty()) consumer.pause(ended);
      progress.report(Math.min(done, total), total);
    }
    progress.report(total, total);
    return done;
  }

  /**
   * Whether a record was received after {@code until} whatever decoding it would say, found without
   * decoding it (most of what a time-travel read fetches lies past the cut): an event's receipt time is
   * its envelope's {@code receivedAt} when it has one (written by the ingest API), else the record's
   * timestamp; a record refused is placed by its timestamp. So both after the moment, or no
   * {@code receivedAt} and the timestamp after it, is past the cut; anything else is decoded.
   */
  static boolean certainlyAfter(ConsumerRecord<String, byte[]> r, Instant until) {
    if (!Instant.ofEpochMilli(r.timestamp()).isAfter(until) || r.value() == null) return false;
    try (JsonParser p = JSON.createParser(r.value())) {
      if (p.nextToken() != JsonToken.START_OBJECT) return false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("receivedAt".equals(name)) {
          if (value != JsonToken.VALUE_STRING) return false;
          java.time.OffsetDateTime written = examops.event.IsoDateTimes.parse(p.getText());
          return written != null && written.toInstant().isAfter(until);
        }
        p.skipChildren();
      }
      return p.currentToken() == JsonToken.END_OBJECT;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  private static final JsonFactory JSON = new JsonFactory();
}
