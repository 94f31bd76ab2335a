package examops.kafka;

import examops.event.Event;
import examops.event.EventType;
import examops.event.EventValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
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
 * Reads every partition of the event topics from the beginning on its own thread, validates each
 * record and hands the valid events over in batches; invalid ones go to the dead-letter topic and
 * consumption goes on. Decoding and validation happen here so the board's thread only applies.
 *
 * <p>At most {@link #MAX_BATCHES_IN_FLIGHT} batches wait for the board at once, so a long replay
 * cannot pile up in memory faster than it is applied.
 */
public final class LogReader implements AutoCloseable {

  static final int MAX_BATCHES_IN_FLIGHT = 4;
  private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

  /**
   * Events read, in log order per partition, and the records among them that were dead-lettered;
   * {@code done} must be called once they are applied.
   */
  public record Batch(List<Event> events, List<DeadLetter> deadLetters, ReplayProgress progress, Runnable done) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final RecordDecoder decoder;
  private final DeadLetters deadLetters;
  private final Consumer<Batch> sink;
  private final Semaphore inFlight = new Semaphore(MAX_BATCHES_IN_FLIGHT);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile ReplayProgress progress = ReplayProgress.starting();

  /**
   * @param referenceCheck names what an otherwise valid event refers to that does not exist
   *     (unknown district, target, checklist item), or empty
   */
  public LogReader(String bootstrap, String clientId, EventValidator validator,
      Function<Event, Optional<String>> referenceCheck, DeadLetters deadLetters, Consumer<Batch> sink) {
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

  public ReplayProgress progress() {
    return progress;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (EventType.Stream s : EventType.Stream.values()) {
        consumer.partitionsFor(s.topic()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      progress = ReplayProgress.of(begin, end, positions(partitions));
      LOG.info("Replaying the log: {} records in {} partitions", progress.total(), partitions.size());
      long lastLog = System.nanoTime();
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        List<Event> events = new ArrayList<>(records.count());
        List<DeadLetter> refused = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) decode(r, refused).ifPresent(events::add);
        if (!progress.caughtUp()) {
          progress = ReplayProgress.of(begin, end, positions(partitions));
          if (progress.caughtUp() || System.nanoTime() - lastLog > 2_000_000_000L) {
            LOG.info("Replay {}% ({} of {} records)", progress.percent(), progress.done(), progress.total());
            lastLog = System.nanoTime();
          }
        }
        boolean nothing = events.isEmpty() && refused.isEmpty();
        if (nothing && !progress.caughtUp()) continue;
        if (nothing && progress.announced()) continue;
        inFlight.acquire();
        ReplayProgress p = progress;
        progress = p.announce();
        sink.accept(new Batch(events, refused, p, inFlight::release));
      }
    } catch (WakeupException | InterruptedException e) {
      if (running) LOG.error("Log reader stopped unexpectedly", e);
    } catch (RuntimeException e) {
      LOG.error("Log reader failed; the board no longer follows the log", e);
      progress = progress.failed(e.toString());
    } finally {
      consumer.close();
    }
  }

  private Map<TopicPartition, Long> positions(List<TopicPartition> partitions) {
    Map<TopicPartition, Long> pos = new HashMap<>();
    for (TopicPartition tp : partitions) pos.put(tp, consumer.position(tp));
    return pos;
  }

  /**
   * The record's event, or empty when it is dead-lettered. Whatever a record holds, reading it must
   * not stop the reader: a failure nobody foresaw dead-letters that one record too.
   */
  private Optional<Event> decode(ConsumerRecord<String, byte[]> r, List<DeadLetter> refused) {
    String why;
    try {
      RecordDecoder.Decoded d = decoder.decode(r);
      if (d instanceof RecordDecoder.Accepted accepted) return Optional.of(accepted.event());
      why = ((RecordDecoder.Refused) d).reason();
    } catch (RuntimeException unforeseen) {
      LOG.error("Could not read {}/{}/{}", r.topic(), r.partition(), r.offset(), unforeseen);
      why = "could not be read: " + unforeseen;
    }
    DeadLetter dead = DeadLetter.of(r, why);
    refused.add(dead);
    deadLetters.deadLetter(r, dead.reason());
    return Optional.empty();
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
