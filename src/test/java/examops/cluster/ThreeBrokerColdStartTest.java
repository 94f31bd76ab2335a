package examops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import examops.kafka.EmbeddedKafka;
import examops.kafka.TopicDefinition;
import examops.testing.ChildJvm;
import examops.testing.NodeProcess;
import examops.testing.QuorumBrokerMain;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cold start of the production shape: three KRaft brokers (child JVMs) and two nodes launched at the same
 * moment as the brokers, before any broker is registered. Tagged {@code multi-broker}: five JVMs.
 */
@Tier.Cluster
@Tag("multi-broker")
class ThreeBrokerColdStartTest {

  @Test
  @DisplayName("3 brokers and 2 nodes started at the same moment: both nodes wait for the brokers, come up, and every topic has 3 copies and min.insync.replicas 2")
  void coldStartAllAtOnce() throws Exception {
    Path dir = Files.createTempDirectory("examops-3-brokers");
    List<String> clientPorts = new ArrayList<>();
    List<String> controllerPorts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clientPorts.add(String.valueOf(EmbeddedKafka.freePort()));
      controllerPorts.add(String.valueOf(EmbeddedKafka.freePort()));
    }
    String bootstrap = String.join(",", clientPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    String clusterId = Uuid.randomUuid().toString();
    List<ChildJvm> brokers = new ArrayList<>();
    List<NodeProcess> nodes = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      for (int id = 1; id <= 3; id++) {
        brokers.add(ChildJvm.start(QuorumBrokerMain.class.getName(), Map.of(), dir.resolve("broker-" + id + ".log"),
            dir.resolve("broker-" + id).toString(), clusterId, String.valueOf(id), String.join(",", clientPorts),
            String.join(",", controllerPorts)));
      }
      for (String name : List.of("cold-a", "cold-b")) {
        nodes.add(NodeProcess.launch(name, EmbeddedKafka.freePort(), dir.resolve(name),
            Map.of("EXAMOPS_KAFKA_BOOTSTRAP", bootstrap, "EXAMOPS_KAFKA_BROKER_WAIT", "PT90S")));
      }
      for (NodeProcess node : nodes) node.awaitHealthy(Duration.ofSeconds(120));
      long upMs = (System.nanoTime() - t0) / 1_000_000;

      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
        List<String> names = TopicDefinition.loadAll().stream().map(TopicDefinition::name).toList();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
        assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
        var configs = admin.describeConfigs(names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        assertThat(configs.values()).allSatisfy(c -> assertThat(c.get("min.insync.replicas").value()).isEqualTo("2"));
      }
      JsonObject checkin = new JsonObject().put("id", "cold-1").put("at", "2020-08-09T07:05:00+07:00").put("district", "phu-tan")
          .put("data", new JsonObject().put("status", "issue").put("phone", "ok").put("fax", "ok").put("internet", "down"));
      assertThat(nodes.get(0).post("/api/v1/checkins", checkin).statusCode()).isEqualTo(202);
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (!"issue".equals(nodes.get(1).board().getJsonObject("districts").getJsonObject("phu-tan").getString("status"))) {
        assertThat(System.nanoTime()).as("the other node sees the check-in").isLessThan(deadline);
        Thread.sleep(200);
      }
      String logs = Files.readString(nodes.get(0).log()) + Files.readString(nodes.get(1).log());
      System.out.printf("[3 brokers] both nodes healthy %d ms after the brokers were launched; a node waited for brokers: %s; "
          + "a node found topics created by the other: %s%n", upMs, logs.contains("waiting for Kafka brokers"),
          logs.contains("created meanwhile by another node"));
    } finally {
      for (NodeProcess node : nodes) node.close();
      for (ChildJvm broker : brokers) broker.close();
    }
  }
}
