package examops.kafka;

import examops.event.Event;
import examops.event.EventValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the event topics from the beginning on its own thread (two more decode
 * and validate each poll's records while it reads the next) and hands the valid events over in
 * batches, in log order; invalid ones go to the dead-letter topic and consumption goes on.
 * Decoding and validation happen here so the board's thread only applies. While catching up, the
 * partitions are kept in step by receipt time ({@link InStep}), so that checkpoints taken along the
 * way cover every partition up to about the same moment.
 *
 * <p>At most {@link #MAX_BATCHES_IN_FLIGHT} batches wait for the board at once, so a long replay
 * cannot pile up in memory faster than it is applied.
 */
public final class LogReader implements AutoCloseable {

  static final int MAX_BATCHES_IN_FLIGHT = 8;
  /** Polls smaller than this are decoded by one thread (splitting costs more than it saves). */
  static final int PARALLEL_FROM = 256;
  private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

  /**
   * Events read, in log order per partition, and the records among them that were dead-lettered;
   * {@code done} must be called once they are applied.
   *
   * @param positions every partition's next offset once this batch is applied: what a checkpoint of
   *     the state after it covers
   * @param receivedUpTo the latest receipt time among the batch's records (an event's
   *     {@code receivedAt}, a refused record's timestamp), or null for an empty batch
   */
  public record Batch(List<Event> events, List<DeadLetter> deadLetters, ReplayProgress progress,
      Map<TopicPartition, Long> positions, Instant receivedUpTo, Runnable done) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<TopicPartition, Long> from;
  private final RecordDecoder decoder;
  private final DeadLetters deadLetters;
  private final Consumer<Batch> sink;
  private final InStep inStep = new InStep();
  /** How often the partitions' ends are asked for while keeping them in step. */
  private static final long END_EVERY_NANOS = 500_000_000L;
  private Map<TopicPartition, Long> ends = Map.of();
  /** A poll this full means a backlog: only then are the partitions' ends asked for and kept in step. */
  private static final int BACKLOG_POLL = 500;
  private long endsAt = System.nanoTime() - END_EVERY_NANOS;
  private final Semaphore inFlight = new Semaphore(MAX_BATCHES_IN_FLIGHT);
  private final Thread thread;
  /** Two decoding threads: half a poll each. */
  private final ExecutorService decoders = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "examops-log-decoder");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean running = true;
  private volatile ReplayProgress progress = ReplayProgress.starting();

  /**
   * @param referenceCheck names what an otherwise valid event refers to that does not exist
   *     (unknown district, target, checklist item), or empty
   */
  public LogReader(String bootstrap, String clientId, EventValidator validator,
      Function<Event, Optional<String>> referenceCheck, DeadLetters deadLetters, Consumer<Batch> sink) {
    this(bootstrap, clientId, validator, referenceCheck, deadLetters, sink, Map.of());
  }

  /**
   * @param from where to start in each partition (a checkpoint's positions); a partition not named,
   *     or whose records before that offset are gone, is read from its beginning
   */
  public LogReader(String bootstrap, String clientId, EventValidator validator,
      Function<Event, Optional<String>> referenceCheck, DeadLetters deadLetters, Consumer<Batch> sink,
      Map<TopicPartition, Long> from) {
    this.from = Map.copyOf(from);
    this.consumer = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId));
    this.decoder = new RecordDecoder(validator, referenceCheck);
    this.deadLetters = deadLetters;
    this.sink = sink;
    this.thread = new Thread(this::run, "examops-log-reader");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /**
   * The end of every partition of the event topics as a reader of committed records sees it now: what was
   * written before is read once a reader's positions reach it.
   */
  public static Map<TopicPartition, Long> committedEnd(String bootstrap, String clientId) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId))) {
      return c.endOffsets(KafkaSettings.eventPartitions(c));
    }
  }

  /** The Kafka consumer underneath, for its metrics only (it belongs to the reader's thread). */
  public org.apache.kafka.clients.consumer.Consumer<String, byte[]> client() {
    return consumer;
  }

  public ReplayProgress progress() {
    return progress;
  }

  /** The positions handed to the board with the last batch. */
  private Map<TopicPartition, Long> handedOver = Map.of();

  private void run() {
    try {
      List<TopicPartition> partitions = KafkaSettings.eventPartitions(consumer);
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = startAt(partitions, consumer.beginningOffsets(partitions));
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      progress = ReplayProgress.of(begin, end, positions(partitions));
      LOG.info("Replaying the log: {} records in {} partitions{}", progress.total(), partitions.size(),
          from.isEmpty() ? "" : " after the checkpoint");
      long lastLog = System.nanoTime();
      CompletableFuture<Void> delivered = CompletableFuture.completedFuture(null);
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        keepInStep(records, partitions);
        if (!progress.caughtUp()) {
          progress = ReplayProgress.of(begin, end, positions(partitions));
          if (progress.caughtUp() || System.nanoTime() - lastLog > 2_000_000_000L) {
            LOG.info("Replay {}% ({} of {} records)", progress.percent(), progress.done(), progress.total());
            lastLog = System.nanoTime();
          }
        }
        boolean nothing = records.isEmpty();
        if (nothing && !progress.caughtUp()) continue;
        Map<TopicPartition, Long> after = positions(partitions);
        // An empty poll still moves on past transaction markers: the board hears of it, so that it can tell
        // it has read the log up to a given end (a new lease holder waits for that).
        if (nothing && progress.announced() && after.equals(handedOver)) continue;
        handedOver = after;
        // Waits for the board to take a batch; a batch that failed on its way stops the reader.
        while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          if (!running) return;
          if (delivered.isCompletedExceptionally()) delivered.join(); // throws what failed
        }
        if (delivered.isCompletedExceptionally()) delivered.join();
        ReplayProgress p = progress;
        progress = p.announce();
        // Decoded while the next poll is read; handed to the board in log order.
        CompletableFuture<Decoded> decoded = decode(records);
        delivered = delivered.thenCombine(decoded, (previous, d) -> d).thenAccept(d -> deliver(d, p, after));
      }
    } catch (WakeupException | InterruptedException e) {
      if (running) LOG.error("Log reader stopped unexpectedly", e);
    } catch (RuntimeException e) {
      // A CompletionException carries what failed while decoding or handing over.
      LOG.error("Log reader failed; the board no longer follows the log", e);
      progress = progress.failed(e.toString());
    } finally {
      decoders.shutdownNow();
      consumer.close();
    }
  }

  /**
   * Holds back the partitions that ran ahead of the rest while catching up (see {@link InStep}). How
   * far behind each partition is comes from its end offset, asked of the broker at most twice a
   * second while polls come back full (a backlog): the consumer's own lag is that of its last fetch,
   * and a partition still working through a large fetch looks nearly caught up when it is not. A
   * reader following the live log asks nothing and holds nothing back.
   */
  private void keepInStep(ConsumerRecords<String, byte[]> records, List<TopicPartition> partitions) {
    // One look per partition, at its last record of the poll: nothing is done per record on the way to the board.
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> of = records.records(tp);
      inStep.saw(tp, of.get(of.size() - 1).timestamp());
    }
    long now = System.nanoTime();
    if (records.count() < BACKLOG_POLL && !inStep.holding()) {
      // Following the live log (or waiting on a broker that does not answer): nothing to keep in step, nothing to ask.
      ends = Map.of();
    } else if (now - endsAt >= END_EVERY_NANOS) {
      endsAt = now;
      try {
        ends = consumer.endOffsets(partitions, Duration.ofSeconds(2));
      } catch (RuntimeException e) {
        ends = Map.of(); // not known: nothing is held back on a guess
      }
    }
    InStep.Moves moves = inStep.step(partitions, tp -> {
      Long end = ends.get(tp);
      return end == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, end - consumer.position(tp)));
    });
    if (moves.none()) return;
    if (!moves.pause().isEmpty()) consumer.pause(moves.pause());
    if (!moves.resume().isEmpty()) consumer.resume(moves.resume());
  }

  /** Seeks each partition to where this reader starts; returns those offsets (the replay's "done = 0"). */
  private Map<TopicPartition, Long> startAt(List<TopicPartition> partitions, Map<TopicPartition, Long> beginning) {
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition tp : partitions) {
      long at = Math.max(beginning.get(tp), from.getOrDefault(tp, 0L));
      consumer.seek(tp, at);
      start.put(tp, at);
    }
    return start;
  }

  private Map<TopicPartition, Long> positions(List<TopicPartition> partitions) {
    Map<TopicPartition, Long> pos = new HashMap<>();
    for (TopicPartition tp : partitions) pos.put(tp, consumer.position(tp));
    return pos;
  }

  /** One poll's records, decoded: events and dead letters in log order, and the records dead-lettered. */
  private record Decoded(List<Event> events, List<DeadLetter> refused, List<ConsumerRecord<String, byte[]>> deadRecords) {

    /** The latest receipt time among the records (see {@link Batch#receivedUpTo}). */
    Instant receivedUpTo() {
      Instant max = null;
      for (Event e : events) if (max == null || e.receivedAt().isAfter(max)) max = e.receivedAt();
      for (DeadLetter d : refused) if (max == null || d.at().isAfter(max)) max = d.at();
      return max;
    }
  }

  /**
   * Decodes a poll's records on the decoding threads: a large poll in two halves, one per thread
   * (decoding is most of the reader's work; the reader polls and the board applies meanwhile).
   */
  private CompletableFuture<Decoded> decode(ConsumerRecords<String, byte[]> records) {
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
    records.forEach(all::add);
    int n = all.size();
    if (n < PARALLEL_FROM) return CompletableFuture.supplyAsync(() -> decode(all, 0, n), decoders);
    int half = n / 2;
    CompletableFuture<Decoded> first = CompletableFuture.supplyAsync(() -> decode(all, 0, half), decoders);
    CompletableFuture<Decoded> second = CompletableFuture.supplyAsync(() -> decode(all, half, n), decoders);
    return first.thenCombine(second, (a, b) -> {
      List<Event> events = new ArrayList<>(a.events().size() + b.events().size());
      events.addAll(a.events());
      events.addAll(b.events());
      List<DeadLetter> refused = new ArrayList<>(a.refused());
      refused.addAll(b.refused());
      List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>(a.deadRecords());
      dead.addAll(b.deadRecords());
      return new Decoded(events, refused, dead);
    });
  }

  private Decoded decode(List<ConsumerRecord<String, byte[]>> records, int from, int to) {
    Decoded d = new Decoded(new ArrayList<>(to - from), new ArrayList<>(), new ArrayList<>());
    for (int i = from; i < to; i++) decode(records.get(i), d.events(), d.refused(), d.deadRecords());
    return d;
  }

  /** In log order: the dead letters written, then the batch handed to the board. */
  private void deliver(Decoded d, ReplayProgress p, Map<TopicPartition, Long> after) {
    for (int i = 0; i < d.deadRecords().size(); i++) deadLetters.deadLetter(d.deadRecords().get(i), d.refused().get(i).reason());
    sink.accept(new Batch(d.events(), d.refused(), p, after, d.receivedUpTo(), inFlight::release));
  }

  /**
   * Adds the record's event, or its dead letter. Whatever a record holds, reading it must not stop
   * the reader: a failure nobody foresaw dead-letters that one record too.
   */
  private void decode(ConsumerRecord<String, byte[]> r, List<Event> events, List<DeadLetter> refused,
      List<ConsumerRecord<String, byte[]>> deadRecords) {
    String why;
    try {
      RecordDecoder.Decoded d = decoder.decode(r);
      if (d instanceof RecordDecoder.Accepted accepted) {
        events.add(accepted.event());
        return;
      }
      why = ((RecordDecoder.Refused) d).reason();
    } catch (RuntimeException unforeseen) {
      LOG.error("Could not read {}/{}/{}", r.topic(), r.partition(), r.offset(), unforeseen);
      why = "could not be read: " + unforeseen;
    }
    refused.add(DeadLetter.of(r, why));
    deadRecords.add(r);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
