package examops.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of a lease holder: a transactional producer under one transactional id shared by every node
 * that may hold the lease. {@link #fence()} (called once the lease is taken) makes this producer the only
 * one that can write under that id: the broker refuses every later write of a producer that fenced before
 * (a resumed or partitioned former holder) and aborts what it left open. Each {@link #write} is one
 * transaction; readers read committed records only, so nothing of a fenced writer is ever applied.
 * Blocking, one write at a time.
 */
public final class FencedProducer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FencedProducer.class);

  /** Thrown once the broker has refused this producer because another one took the transactional id since. */
  public static final class FencedException extends RuntimeException {
    FencedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int COMMIT_ATTEMPTS = 5;

  private final Map<String, Object> settings;
  private final String transactionalId;
  private final Consumer<String> onFenced;
  private KafkaProducer<String, byte[]> producer;
  private long confirmations;

  /**
   * @param settings a durable producer's settings (the transactional id is added here)
   * @param onFenced told once, with the reason, when the broker refuses this writer
   */
  public FencedProducer(Map<String, ?> settings, String transactionalId, Consumer<String> onFenced) {
    this.settings = new java.util.HashMap<>(settings);
    this.settings.put("transactional.id", transactionalId);
    this.settings.put("transaction.timeout.ms", "60000");
    // Back-to-back transactions meet CONCURRENT_TRANSACTIONS while the last one's markers are written: retry soon.
    this.settings.put("retry.backoff.ms", "10");
    this.settings.put("retry.backoff.max.ms", "200");
    // Taking the lease on a fresh cluster waits for Kafka to create its transaction log: longer than one write may block.
    this.settings.put("max.block.ms", "30000");
    this.transactionalId = transactionalId;
    this.onFenced = onFenced;
  }

  /** Takes the transactional id: every earlier producer under it is refused from now on. */
  public synchronized void fence() {
    closeProducer();
    KafkaProducer<String, byte[]> p = new KafkaProducer<>(settings);
    try {
      p.initTransactions();
    } catch (RuntimeException e) {
      p.close(Duration.ZERO);
      throw e;
    }
    producer = p;
  }

  /** Whether {@link #fence()} succeeded and the broker has not refused this writer since. */
  public synchronized boolean ready() {
    return producer != null;
  }

  /** Writes the records in one transaction and waits until it is committed. */
  public synchronized List<RecordMetadata> write(List<ProducerRecord<String, byte[]>> records) {
    KafkaProducer<String, byte[]> p = open();
    try {
      p.beginTransaction();
      List<Future<RecordMetadata>> sent = records.stream().map(p::send).toList();
      commit(p);
      return sent.stream().map(FencedProducer::done).toList();
    } catch (RuntimeException e) {
      throw failed(p, e);
    }
  }

  /**
   * A round trip that the broker refuses if another producer took the id since: an empty transaction would
   * not reach the broker, so it commits one offset under the consumer group named as the id (nobody reads it).
   */
  public synchronized void confirm() {
    KafkaProducer<String, byte[]> p = open();
    try {
      p.beginTransaction();
      p.sendOffsetsToTransaction(Map.of(new TopicPartition(examops.event.EventType.Stream.ALERTS.topic(), 0), new OffsetAndMetadata(0,
          "confirmation " + (++confirmations))), new ConsumerGroupMetadata(transactionalId));
      commit(p);
    } catch (RuntimeException e) {
      throw failed(p, e);
    }
  }

  /** A commit that timed out (a broker moving its partitions) must be retried, not aborted: Kafka may have done it. */
  private static void commit(KafkaProducer<String, byte[]> p) {
    for (int attempt = 1; ; attempt++) {
      try {
        p.commitTransaction();
        return;
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        if (attempt >= COMMIT_ATTEMPTS) throw e;
      }
    }
  }

  private KafkaProducer<String, byte[]> open() {
    if (producer == null) throw new FencedException("not fenced in: this node does not hold the lease", null);
    return producer;
  }

  private RuntimeException failed(KafkaProducer<String, byte[]> p, RuntimeException e) {
    Throwable cause = e.getCause() != null && !(e instanceof ProducerFencedException) ? e.getCause() : e;
    if (fencedBy(e) || fencedBy(cause)) {
      closeProducer();
      String reason = "the broker refused this node's writes under '" + transactionalId + "': " + cause;
      onFenced.accept(reason);
      return new FencedException(reason, e);
    }
    try {
      p.abortTransaction();
    } catch (RuntimeException abort) {
      // The producer is in a state it cannot leave: only a new fence (a new lease) can write again.
      LOG.warn("Could not abort a transaction under '{}': {}", transactionalId, abort.toString());
      closeProducer();
      onFenced.accept("the writer under '" + transactionalId + "' broke: " + abort);
    }
    return e instanceof KafkaException ? e : new KafkaException(e);
  }

  private static boolean fencedBy(Throwable e) {
    return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
        || e instanceof TransactionalIdAuthorizationException
        || (e instanceof KafkaException && e.getCause() instanceof ProducerFencedException);
  }

  private static RecordMetadata done(Future<RecordMetadata> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new KafkaException(e.getCause());
    }
  }

  private void closeProducer() {
    if (producer != null) producer.close(Duration.ZERO);
    producer = null;
  }

  @Override
  public synchronized void close() {
    if (producer != null) producer.close(Duration.ofSeconds(5));
    producer = null;
  }
}
