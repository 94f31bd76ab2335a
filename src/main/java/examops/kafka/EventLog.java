package examops.kafka;

import examops.event.Event;
import examops.event.EventCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;

/** Appends events to their topics; the future completes only once Kafka has acknowledged (acks=all). */
public final class EventLog {

  private final KafkaProducer<String, byte[]> producer;

  public EventLog(Vertx vertx, String bootstrap, String clientId) {
    this.producer = KafkaProducer.create(vertx, KafkaSettings.durableProducer(bootstrap, clientId));
  }

  public Future<RecordMetadata> append(Event e) {
    return producer.send(KafkaProducerRecord.create(e.topic(), e.key(), EventCodec.encode(e).getBytes()));
  }

  /** The Kafka producer underneath, for its metrics. */
  public org.apache.kafka.clients.producer.Producer<String, byte[]> client() {
    return producer.unwrap();
  }

  public Future<Void> close() {
    return producer.close();
  }
}
