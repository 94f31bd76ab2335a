package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Topic set-up against a real broker: idempotent under a race, and never with fewer copies than required. */
@Tier.Broker
class TopicSetupTest {

  private static EmbeddedKafka broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new EmbeddedKafka(Files.createTempDirectory("examops-topics"), EmbeddedKafka.freePort());
    broker.start();
    admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    broker.close();
  }

  /** The shipped definitions under names of this round's own, so each round starts from no topics. */
  private static List<TopicDefinition> renamed(String prefix) {
    return TopicDefinition.loadAll().stream()
        .map(t -> new TopicDefinition(prefix + t.name(), t.partitions(), t.replicationFactor(), t.config())).toList();
  }

  @Test
  @DisplayName("three nodes setting up the same topics at the same moment all succeed, five rounds over; the topics are as defined")
  void concurrentSetUpAllSucceeds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 5; round++) {
        List<TopicDefinition> topics = renamed("race" + round + ".");
        CyclicBarrier together = new CyclicBarrier(3);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
          nodes.add(pool.submit(() -> {
            together.await();
            new TopicSetup(broker.bootstrapServers(), Replication.SINGLE_BROKER, Duration.ofSeconds(10), s -> {}).ensure(topics);
            return null;
          }));
        }
        for (Future<?> node : nodes) node.get(60, TimeUnit.SECONDS);
        Map<String, TopicDescription> made = admin.describeTopics(topics.stream().map(TopicDefinition::name).toList())
            .allTopicNames().get();
        for (TopicDefinition t : topics) assertThat(made.get(t.name()).partitions()).hasSize(t.partitions());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("an existing topic that differs in partitions, retention or timestamp type is reported and tolerated; one with a lower min.insync.replicas is refused, naming topic, setting, expected and actual")
  void existingTopicsAreChecked() throws Exception {
    TopicDefinition defined = renamed("check.").get(0);
    admin.createTopics(List.of(new NewTopic(defined.name(), 1, (short) 1)
        .configs(Map.of("retention.ms", "1000", "min.insync.replicas", "1")))).all().get();
    TopicSetup setup = new TopicSetup(broker.bootstrapServers(), Replication.SINGLE_BROKER, Duration.ofSeconds(5), s -> {});
    setup.ensure(List.of(defined));

    List<TopicCheck.Mismatch> found = TopicCheck.compare(admin, List.of(defined.requiring(Replication.SINGLE_BROKER)));
    assertThat(found).extracting(TopicCheck.Mismatch::setting).containsExactlyInAnyOrder("partitions", "retention.ms", "message.timestamp.type");
    assertThat(found).noneMatch(TopicCheck.Mismatch::refuses);
    assertThat(found.get(0).toString()).contains(defined.name()).contains("expected");

    TopicDefinition stricter = defined.requiring(new Replication(1, 1));
    Map<String, String> config = new java.util.HashMap<>(stricter.config());
    config.put("min.insync.replicas", "2");
    TopicDefinition wantsTwo = new TopicDefinition(defined.name(), defined.partitions(), (short) 1, config);
    assertThat(TopicCheck.compare(admin, List.of(wantsTwo)))
        .filteredOn(TopicCheck.Mismatch::refuses).singleElement()
        .hasToString("topic " + defined.name() + ": min.insync.replicas is 1, expected 2");
  }

  @Test
  @DisplayName("a cluster of one broker asked for topics with 3 copies: the set-up waits, saying so, then refuses with a readable message and creates nothing; with the factor set to 1 it creates them")
  void noSilentDowngrade() throws Exception {
    List<TopicDefinition> topics = renamed("rf.");
    List<String> progress = new CopyOnWriteArrayList<>();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> new TopicSetup(broker.bootstrapServers(), Replication.AS_DEFINED, Duration.ofSeconds(2), progress::add)
        .ensure(topics))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to create topics with fewer copies than required")
        .hasMessageContaining("1 of the 3 Kafka brokers needed")
        .hasMessageContaining("EXAMOPS_KAFKA_REPLICATION_FACTOR");
    assertThat((System.nanoTime() - t0) / 1_000_000).as("gave up after the wait").isBetween(1_900L, 10_000L);
    assertThat(progress).anyMatch(s -> s.startsWith("waiting for Kafka brokers: 1 of the 3 Kafka brokers needed are registered"));
    assertThat(admin.listTopics().names().get()).noneMatch(n -> n.startsWith("rf."));

    new TopicSetup(broker.bootstrapServers(), new Replication(1, null), Duration.ofSeconds(2), s -> {}).ensure(topics);
    TopicDefinition first = topics.get(0);
    var made = admin.describeTopics(List.of(first.name())).allTopicNames().get().get(first.name());
    assertThat(made.partitions().get(0).replicas()).hasSize(1);
    var minIsr = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, first.name()))).all().get()
        .values().iterator().next().get("min.insync.replicas").value();
    assertThat(minIsr).as("lowered with the factor").isEqualTo("1");
  }

  @Test
  @DisplayName("no broker answering at the address: the set-up waits, then refuses naming the address and EXAMOPS_KAFKA_BROKER_WAIT")
  void nobodyAnswers() throws Exception {
    String nowhere = "127.0.0.1:" + EmbeddedKafka.freePort();
    List<String> progress = new CopyOnWriteArrayList<>();
    assertThatThrownBy(() -> new TopicSetup(nowhere, Replication.AS_DEFINED, Duration.ofSeconds(2), progress::add)
        .ensure(TopicDefinition.loadAll()))
        .hasMessageContaining("no Kafka broker answered at " + nowhere).hasMessageContaining("EXAMOPS_KAFKA_BROKER_WAIT");
    assertThat(progress).anyMatch(s -> s.startsWith("waiting for Kafka brokers: none answers yet at " + nowhere));
  }
}
