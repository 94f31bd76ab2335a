package examops.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Compares the topics as the cluster has them with their definitions. What lowers durability (fewer
 * copies, a lower {@code min.insync.replicas}) is {@linkplain Mismatch#refuses() refused}: the node would
 * answer 202 for writes with fewer copies than promised. The rest (partitions, retention, ...) is reported
 * and tolerated: fewer partitions keep every record and every key's order, and the node never changes an
 * existing topic itself (adding partitions would move keys between partitions).
 */
final class TopicCheck {

  /** One setting that differs: {@code refuses} when the node must not run on it. */
  record Mismatch(String topic, String setting, String expected, String actual, boolean refuses) {
    @Override
    public String toString() {
      return "topic " + topic + ": " + setting + " is " + actual + ", expected " + expected;
    }
  }

  private static final long RETRY_FOR_MS = 15_000;

  private TopicCheck() {}

  /** The differences between the cluster's topics and {@code expected} (each already {@link TopicDefinition#requiring}). */
  static List<Mismatch> compare(Admin admin, Collection<TopicDefinition> expected) throws Exception {
    List<String> names = expected.stream().map(TopicDefinition::name).toList();
    long deadline = System.nanoTime() + RETRY_FOR_MS * 1_000_000;
    while (true) {
      try {
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(
            names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(30, TimeUnit.SECONDS);
        List<Mismatch> out = new ArrayList<>();
        for (TopicDefinition t : expected) {
          out.addAll(compare(t, described.get(t.name()), configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()))));
        }
        return out;
      } catch (ExecutionException e) {
        // A topic another node created a moment ago may not be known to every broker yet.
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) throw e;
        Thread.sleep(200);
      }
    }
  }

  static List<Mismatch> compare(TopicDefinition t, TopicDescription actual, Config config) {
    List<Mismatch> out = new ArrayList<>();
    int partitions = actual.partitions().size();
    if (partitions != t.partitions()) {
      out.add(new Mismatch(t.name(), "partitions", String.valueOf(t.partitions()), String.valueOf(partitions), false));
    }
    int copies = actual.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
    if (copies != t.replicationFactor()) {
      out.add(new Mismatch(t.name(), "replication factor", String.valueOf(t.replicationFactor()), String.valueOf(copies),
          copies < t.replicationFactor()));
    }
    t.config().forEach((key, value) -> {
      ConfigEntry entry = config.get(key);
      String have = entry == null ? null : entry.value();
      if (value.equals(have)) return;
      boolean weaker = TopicDefinition.MIN_INSYNC.equals(key) && (have == null || Integer.parseInt(have) < Integer.parseInt(value));
      out.add(new Mismatch(t.name(), key, value, String.valueOf(have), weaker));
    });
    return out;
  }
}
