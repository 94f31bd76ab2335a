package examops.kafka;

import examops.event.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import examops.config.KafkaSecurity;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Client settings in one place, so every producer and consumer treats durability alike. */
public final class KafkaSettings {

  /** How long an ingest request may wait for Kafka before it is answered 503. */
  public static final int DELIVERY_TIMEOUT_MS = 8_000;

  /** Authentication and TLS by cluster address: every client made for that address carries them. */
  private static final Map<String, Map<String, String>> SECURITY = new ConcurrentHashMap<>();

  private KafkaSettings() {}

  /**
   * Every client made from now on for {@code bootstrap} (producers, consumers, admin) authenticates and
   * encrypts as {@code security} says. Keyed by address because the clients are made in many places
   * that know only the address.
   */
  public static void secure(String bootstrap, KafkaSecurity security) {
    Map<String, String> p = ClientSecurity.properties(security);
    if (p.isEmpty()) SECURITY.remove(bootstrap);
    else SECURITY.put(bootstrap, Map.copyOf(p));
  }

  private static Map<String, String> security(String bootstrap) {
    return SECURITY.getOrDefault(bootstrap, Map.of());
  }

  /** Acknowledged means durable: all in-sync replicas have it; retries never duplicate. */
  public static Map<String, String> durableProducer(String bootstrap, String clientId) {
    Map<String, String> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.put("client.id", clientId);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("max.in.flight.requests.per.connection", "5");
    p.put("linger.ms", "2");
    p.put("batch.size", String.valueOf(64 * 1024));
    p.put("compression.type", "lz4");
    p.put("request.timeout.ms", "5000");
    p.put("delivery.timeout.ms", String.valueOf(DELIVERY_TIMEOUT_MS));
    p.put("max.block.ms", "5000");
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    p.putAll(security(bootstrap));
    return p;
  }

  /**
   * The checkpoint writer: durable like any producer, for one large record at a time (its value is
   * compressed already).
   */
  public static Map<String, Object> checkpointProducer(String bootstrap, String clientId) {
    Map<String, Object> p = new HashMap<>(durableProducer(bootstrap, clientId));
    p.put("compression.type", "none");
    p.put("linger.ms", "0");
    p.put("max.request.size", String.valueOf(CHECKPOINT_MAX_BYTES));
    p.put("buffer.memory", String.valueOf(2L * CHECKPOINT_MAX_BYTES));
    p.put("request.timeout.ms", "30000");
    p.put("delivery.timeout.ms", "60000");
    p.put("max.block.ms", "30000");
    return p;
  }

  /** The largest checkpoint the topic takes (its {@code max.message.bytes}, in kafka/topics.json). */
  public static final int CHECKPOINT_MAX_BYTES = 64 * 1024 * 1024;

  /** A reader of whole topics: no group, no commits (the state is rebuilt from offset zero). */
  public static Map<String, Object> logReader(String bootstrap, String clientId) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.put("client.id", clientId);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    p.put("isolation.level", "read_committed");
    p.put("max.poll.records", "1000");
    p.put("fetch.max.bytes", String.valueOf(32 * 1024 * 1024));
    p.put("max.partition.fetch.bytes", String.valueOf(8 * 1024 * 1024));
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    p.putAll(security(bootstrap));
    return p;
  }

  /** An admin client (topic set-up, the broker watch). */
  public static Map<String, Object> admin(String bootstrap, String clientId) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.put("client.id", clientId);
    p.putAll(security(bootstrap));
    return p;
  }

  /** Every partition of the event topics, as the broker lists them: what each reader of the whole log assigns itself. */
  public static List<TopicPartition> eventPartitions(Consumer<?, ?> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (EventType.Stream s : EventType.Stream.values()) {
      consumer.partitionsFor(s.topic()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    return partitions;
  }
}
