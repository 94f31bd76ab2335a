package examops.kafka;

import examops.event.Event;
import examops.event.EventCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the lease holder appends (alerts, escalations, probe results, notification outcomes): events written
 * through the {@link FencedProducer}, so a former holder that woke up after the lease passed on writes
 * nothing. Appends are queued and written by one thread, everything queued in one transaction: a burst
 * (the alerts and notification outcomes of a whole morning at a start) costs a few transactions, not one each.
 * An append completes, on the caller's context, once its transaction is committed (acks=all).
 */
public final class FencedLog implements AutoCloseable {

  /** At most this many records in one transaction. */
  static final int MAX_BATCH = 1_000;

  private record Queued(List<ProducerRecord<String, byte[]>> records, Promise<Void> done, Context context) {}

  private final Vertx vertx;
  private final FencedProducer producer;
  private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  public FencedLog(Vertx vertx, FencedProducer producer) {
    this.vertx = vertx;
    this.producer = producer;
    this.writer = new Thread(this::run, "examops-lease-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  public Future<Void> append(Event e) {
    return append(List.of(e));
  }

  /** The events in one transaction (with whatever else is queued): all of them are in the log, or none. */
  public Future<Void> append(List<Event> events) {
    if (events.isEmpty()) return Future.succeededFuture();
    return enqueue(events.stream().map(e -> new ProducerRecord<>(e.topic(), e.key(), EventCodec.encode(e).getBytes())).toList());
  }

  /**
   * Succeeds only while no other node has fenced this one: asked before a side effect outside Kafka (a
   * message sent). A transaction committed for writes queued beside it proves the same.
   */
  public Future<Void> confirm() {
    return enqueue(List.of());
  }

  private Future<Void> enqueue(List<ProducerRecord<String, byte[]>> records) {
    Context context = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    queue.add(new Queued(records, done, context));
    return done.future();
  }

  private void run() {
    List<Queued> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      int size = batch.get(0).records().size();
      while (size < MAX_BATCH && queue.peek() != null) {
        Queued next = queue.poll();
        batch.add(next);
        size += next.records().size();
      }
      List<ProducerRecord<String, byte[]>> records = new ArrayList<>(size);
      batch.forEach(q -> records.addAll(q.records()));
      Throwable failure = null;
      try {
        if (records.isEmpty()) producer.confirm();
        else producer.write(records);
      } catch (RuntimeException e) {
        failure = e;
      }
      Throwable outcome = failure;
      for (Queued q : batch) q.context().runOnContext(v -> {
        if (outcome == null) q.done().complete();
        else q.done().fail(outcome);
      });
      batch.clear();
    }
  }

  @Override
  public void close() {
    running = false;
    writer.interrupt();
  }
}
