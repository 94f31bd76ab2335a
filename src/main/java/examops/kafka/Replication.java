package examops.kafka;

/**
 * The copies this cluster's topics must have: a replication factor and {@code min.insync.replicas},
 * each null where {@code kafka/topics.json} decides. Never derived from how many brokers happen to be
 * up: a node that started while one broker of three was up once created every topic with one copy, for good.
 */
public record Replication(Integer factor, Integer minInsync) {

  /** The embedded broker: one broker, one copy. */
  public static final Replication SINGLE_BROKER = new Replication(1, 1);
  /** An external cluster without overrides: as {@code kafka/topics.json} defines each topic. */
  public static final Replication AS_DEFINED = new Replication(null, null);

  public Replication {
    if (factor != null && factor < 1) throw new IllegalArgumentException("replication factor must be at least 1");
    if (minInsync != null && minInsync < 1) throw new IllegalArgumentException("min.insync.replicas must be at least 1");
    if (factor != null && minInsync != null && minInsync > factor) {
      throw new IllegalArgumentException("min.insync.replicas " + minInsync + " exceeds the replication factor " + factor);
    }
  }
}
