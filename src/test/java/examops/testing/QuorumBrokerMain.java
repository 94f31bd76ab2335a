package examops.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * {@code QuorumBrokerMain <log dir> <cluster id> <node id> <client ports csv> <controller ports csv>}: one
 * broker (and controller) of a KRaft cluster of as many nodes as ports are listed, all on 127.0.0.1, in a
 * process of its own: a real multi-broker cluster for tests of replication.
 */
public final class QuorumBrokerMain {

  public static final String READY = "QUORUM BROKER READY";

  private QuorumBrokerMain() {}

  public static void main(String[] args) throws Exception {
    Path logDir = Path.of(args[0]);
    String clusterId = args[1];
    int nodeId = Integer.parseInt(args[2]);
    String[] clientPorts = args[3].split(",");
    String[] controllerPorts = args[4].split(",");
    StringBuilder voters = new StringBuilder();
    for (int i = 0; i < controllerPorts.length; i++) {
      if (i > 0) voters.append(',');
      voters.append(i + 1).append("@127.0.0.1:").append(controllerPorts[i]);
    }
    String port = clientPorts[nodeId - 1];
    String controllerPort = controllerPorts[nodeId - 1];
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", voters.toString());
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", String.valueOf(clientPorts.length));
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    p.put("broker.session.timeout.ms", "3000");
    p.put("broker.heartbeat.interval.ms", "1000");
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(nodeId).setClusterId(clusterId).setControllerListenerName("CONTROLLER")
          .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).run();
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
    server.startup();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }));
    System.out.println(READY + " node " + nodeId + " on 127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
