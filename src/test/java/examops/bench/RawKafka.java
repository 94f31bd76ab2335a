package examops.bench;

import examops.event.EventType;
import examops.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Kafka's own clients, no ExamOps code in the way: the baselines. */
final class RawKafka {

  private RawKafka() {}

  /** Sends every record with the app's durable settings (acks=all, idempotent); returns once all are acknowledged. */
  static void produce(String bootstrap, List<BenchEvents.Rec> records) throws Exception {
    Map<String, Object> p = new HashMap<>(KafkaSettings.durableProducer(bootstrap, "bench-raw-producer"));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      CountDownLatch acked = new CountDownLatch(records.size());
      AtomicReference<Exception> failure = new AtomicReference<>();
      for (BenchEvents.Rec r : records) {
        producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (md, err) -> {
          if (err != null) failure.compareAndSet(null, err);
          acked.countDown();
        });
      }
      if (!acked.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("producer did not finish");
      if (failure.get() != null) throw failure.get();
    }
  }

  /** Reads every partition of the four event streams from the start until {@code expected} records; returns the count. */
  static long consumeAll(String bootstrap, long expected) {
    Map<String, Object> p = new HashMap<>(KafkaSettings.logReader(bootstrap, "bench-raw-consumer"));
    p.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (EventType.Stream s : EventType.Stream.values()) {
        if (s == EventType.Stream.ALERTS) continue;
        consumer.partitionsFor(s.topic()).forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (count < expected && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        count += records.count();
      }
    }
    if (count < expected) throw new IllegalStateException("raw consumer read " + count + " of " + expected + " records");
    return count;
  }
}
