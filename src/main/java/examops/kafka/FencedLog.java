package examops.kafka;

import examops.event.Event;
import examops.event.EventCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the lease holder appends (alerts, probe results, notification outcomes): events written through
 * the {@link FencedProducer}, so a former holder that woke up after the lease passed on writes nothing.
 * Each append is one transaction, acknowledged once committed (acks=all).
 */
public final class FencedLog {

  private final Vertx vertx;
  private final FencedProducer producer;

  public FencedLog(Vertx vertx, FencedProducer producer) {
    this.vertx = vertx;
    this.producer = producer;
  }

  public Future<Void> append(Event e) {
    return append(List.of(e));
  }

  /** The events in one transaction: all of them are in the log, or none. */
  public Future<Void> append(List<Event> events) {
    if (events.isEmpty()) return Future.succeededFuture();
    List<ProducerRecord<String, byte[]>> records = events.stream()
        .map(e -> new ProducerRecord<>(e.topic(), e.key(), EventCodec.encode(e).getBytes())).toList();
    return vertx.executeBlocking(() -> {
      producer.write(records);
      return null;
    }, false);
  }

  /** Succeeds only while no other node has fenced this one: asked before a side effect outside Kafka (a message sent). */
  public Future<Void> confirm() {
    return vertx.executeBlocking(() -> {
      producer.confirm();
      return null;
    }, false);
  }
}
