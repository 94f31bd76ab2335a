package examops.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How this node treats an external Kafka cluster's topics (the embedded broker is one copy by nature).
 *
 * @param replicationFactor copies of every partition; null = as {@code kafka/topics.json} defines each topic
 * @param minInsyncReplicas copies an {@code acks=all} write needs; null = as {@code kafka/topics.json} defines
 * @param brokerWait how long a node that has topics to create waits for enough brokers before it refuses to start
 * @param security authentication and TLS towards an external cluster, for every client of the node
 */
public record KafkaOptions(Integer replicationFactor, Integer minInsyncReplicas, Duration brokerWait, KafkaSecurity security) {

  /** Long enough for a cluster started together with the nodes (docker-compose up) to register its brokers. */
  public static final Duration DEFAULT_BROKER_WAIT = Duration.ofMinutes(5);

  public KafkaOptions {
    if (replicationFactor != null && minInsyncReplicas != null && minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException("EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS (" + minInsyncReplicas
          + ") cannot exceed EXAMOPS_KAFKA_REPLICATION_FACTOR (" + replicationFactor + "): no write would ever be acknowledged");
    }
  }

  static KafkaOptions load(Config.Settings s, boolean embedded) {
    return new KafkaOptions(
        count(s, "EXAMOPS_KAFKA_REPLICATION_FACTOR", "kafkaReplicationFactor", Short.MAX_VALUE),
        count(s, "EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS", "kafkaMinInsyncReplicas", Short.MAX_VALUE),
        wait(s),
        KafkaSecurity.load(s, embedded));
  }

  private static Integer count(Config.Settings s, String var, String key, int max) {
    String v = s.string(var, key, null);
    if (v == null) return null;
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(var + " must be a whole number of at least 1, got '" + v + "'");
    }
  }

  private static Duration wait(Config.Settings s) {
    String v = s.string("EXAMOPS_KAFKA_BROKER_WAIT", "kafkaBrokerWait", null);
    if (v == null) return DEFAULT_BROKER_WAIT;
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) throw new DateTimeParseException("negative", v, 0);
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("EXAMOPS_KAFKA_BROKER_WAIT must be an ISO-8601 duration such as PT5M, got '" + v + "'");
    }
  }
}
