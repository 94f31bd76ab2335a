package examops.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster's topics what {@code kafka/topics.json} and the required {@link Replication} say,
 * idempotently: nodes started in any order, or at the same moment, all come up. A topic another node
 * created first counts as created; then every topic is checked against its definition ({@link TopicCheck}).
 * Topics are created only once enough brokers are registered to hold every copy ({@link BrokerCount}).
 */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  private final String bootstrap;
  private final Replication replication;
  private final Duration brokerWait;
  private final Consumer<String> progress;

  public TopicSetup(String bootstrap, Replication replication, Duration brokerWait, Consumer<String> progress) {
    this.bootstrap = bootstrap;
    this.replication = replication;
    this.brokerWait = brokerWait;
    this.progress = progress;
  }

  /** Topics for a single broker (the embedded one, tests): one copy each. Blocking. */
  public static void ensureTopics(String bootstrapServers, List<TopicDefinition> topics) throws Exception {
    new TopicSetup(bootstrapServers, Replication.SINGLE_BROKER, Duration.ofSeconds(60), s -> {}).ensure(topics);
  }

  /** Blocking; call from a worker or before Vert.x starts. Throws with a readable message when the node must not run. */
  public void ensure(List<TopicDefinition> definitions) throws Exception {
    List<TopicDefinition> topics = definitions.stream().map(t -> t.requiring(replication)).toList();
    Map<String, Object> p = KafkaSettings.admin(bootstrap, "examops-topic-setup");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    try (Admin admin = Admin.create(p)) {
      BrokerCount.await(admin, bootstrap, 1, brokerWait, progress);
      progress.accept("checking the Kafka topics at " + bootstrap);
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<TopicDefinition> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      if (!missing.isEmpty()) create(admin, missing);
      check(admin, topics);
    }
  }

  private void create(Admin admin, List<TopicDefinition> missing) throws Exception {
    int needed = missing.stream().mapToInt(TopicDefinition::replicationFactor).max().orElse(1);
    int brokers = BrokerCount.await(admin, bootstrap, needed, brokerWait, progress);
    progress.accept("creating the Kafka topics");
    CreateTopicsResult result = admin.createTopics(missing.stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(t.config())).toList());
    List<String> created = new ArrayList<>();
    List<String> byOthers = new ArrayList<>();
    for (TopicDefinition t : missing) {
      try {
        result.values().get(t.name()).get(60, TimeUnit.SECONDS);
        created.add(t.name());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("could not create topic " + t.name() + " (" + t.partitions() + " partitions, "
              + t.replicationFactor() + " copies) at " + bootstrap + ": " + e.getCause().getMessage(), e.getCause());
        }
        byOthers.add(t.name());
      }
    }
    if (!created.isEmpty()) LOG.info("Created topics {} ({} broker(s) registered)", created, brokers);
    if (!byOthers.isEmpty()) LOG.info("Topics {} were created meanwhile by another node", byOthers);
  }

  private void check(Admin admin, List<TopicDefinition> topics) throws Exception {
    List<TopicCheck.Mismatch> mismatches = TopicCheck.compare(admin, topics);
    for (TopicCheck.Mismatch m : mismatches) {
      if (m.refuses()) LOG.error("Kafka {} (kafka/topics.json, EXAMOPS_KAFKA_*): fewer copies than required", m);
      else LOG.warn("Kafka {} (kafka/topics.json); the node runs on it as it is", m);
    }
    List<String> refusals = mismatches.stream().filter(TopicCheck.Mismatch::refuses).map(Object::toString).toList();
    if (!refusals.isEmpty()) {
      throw new IllegalStateException("the Kafka topics hold fewer copies than required, so a 202 would promise more than"
          + " they keep: " + String.join("; ", refusals) + ". Raise them (kafka-reassign-partitions, kafka-configs),"
          + " or set EXAMOPS_KAFKA_REPLICATION_FACTOR / EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS to what this cluster has");
    }
  }
}
