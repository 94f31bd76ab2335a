package examops.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics of {@code kafka/topics.json} that the cluster does not have yet. */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  private TopicSetup() {}

  /** Blocking; call from a worker or before Vert.x starts. */
  public static void ensureTopics(String bootstrapServers, List<TopicDefinition> topics) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    try (Admin admin = Admin.create(p)) {
      int brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> t.fittedTo(brokers))
          .map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(Map.copyOf(t.config())))
          .toList();
      if (missing.isEmpty()) return;
      admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      LOG.info("Created topics {} on {} broker(s)", missing.stream().map(NewTopic::name).toList(), brokers);
    }
  }
}
