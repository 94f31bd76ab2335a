package examops.testing;

import examops.kafka.EmbeddedKafka;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * {@code ScramBrokerMain <log dir> <port> <user> <password> [<PKCS12 keystore> <PKCS12 truststore> <their password>]}: a single KRaft
 * broker in a process of its own whose only client listener takes SCRAM-SHA-512 logins — SASL_PLAINTEXT, or
 * SASL_SSL when a keystore is given; the user is created when the log is formatted (as
 * {@code kafka-storage format --add-scram} does), so a client without those credentials gets nothing.
 */
public final class ScramBrokerMain {

  public static final String READY = "SCRAM BROKER READY";
  public static final String MECHANISM = "SCRAM-SHA-512";
  private static final String BROKER_USER = "broker";
  private static final String BROKER_PASSWORD = "broker-secret-for-tests";

  private ScramBrokerMain() {}

  public static void main(String[] args) throws Exception {
    Path logDir = Path.of(args[0]);
    String port = args[1];
    String controllerPort = String.valueOf(EmbeddedKafka.freePort());
    String listener = args.length > 4 ? "SASL_SSL" : "SASL_PLAINTEXT";
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", listener + "://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", listener);
    if (args.length > 4) {
      p.put("ssl.keystore.location", args[4]);
      p.put("ssl.keystore.type", "PKCS12");
      p.put("ssl.keystore.password", args[6]);
      p.put("ssl.key.password", args[6]);
      // The broker checks its own certificate as its inter-broker client would.
      p.put("ssl.truststore.location", args[5]);
      p.put("ssl.truststore.type", "PKCS12");
      p.put("ssl.truststore.password", args[6]);
    }
    p.put("sasl.enabled.mechanisms", MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    p.put("listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + BROKER_USER + "\" password=\"" + BROKER_PASSWORD + "\";");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setControllerListenerName("CONTROLLER")
        .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setScramArguments(List.of(MECHANISM + "=[name=" + BROKER_USER + ",password=" + BROKER_PASSWORD + "]",
            MECHANISM + "=[name=" + args[2] + ",password=" + args[3] + "]"))
        .run();
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
    server.startup();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }));
    System.out.println(READY + " on 127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
