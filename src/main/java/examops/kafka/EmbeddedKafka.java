package examops.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) inside this process, its
 * log under the data directory so a restart keeps every event. Used when no Kafka address is
 * configured; outside agents can produce to its client listener on 127.0.0.1.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final Path logDir;
  private final int port;
  private volatile KafkaRaftServer server;
  private volatile String failure;

  public EmbeddedKafka(Path logDir, int port) {
    this.logDir = logDir.toAbsolutePath().normalize();
    this.port = port;
  }

  /** Why the broker stopped on its own (a fatal fault such as a lost log directory), or null while it runs. */
  public String failure() {
    return failure;
  }

  /**
   * Kafka's fatal-fault path wanted to end the process: the broker is unusable, but the HTTP side stays
   * up to say so. Stops what is left of the broker off its own thread, so clients see it gone at once.
   */
  synchronized void failed(String reason) {
    if (failure != null || server == null) return;
    failure = "the embedded Kafka broker stopped: " + reason + " — restart the node";
    LOG.error("{}. Writes are refused (503) and screens show the board as stale until then", failure);
    KafkaRaftServer dead = server;
    Thread stopper = new Thread(() -> {
      try {
        dead.shutdown();
      } catch (RuntimeException e) {
        LOG.warn("The failed embedded broker did not shut down cleanly: {}", e.toString());
      }
    }, "examops-failed-broker-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Formats the log directory on first use, then starts the broker; returns once it serves. */
  public void start() throws Exception {
    long t0 = System.nanoTime();
    OwnerOnly.directory(logDir);
    int controllerPort = freePort();
    Properties props = brokerProperties(controllerPort);
    BrokerFaults.watch(this);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(controllerPort);
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    LOG.info("Embedded Kafka broker serving on {} (log {}) in {} ms",
        bootstrapServers(), logDir, (System.nanoTime() - t0) / 1_000_000);
  }

  private Properties brokerProperties(int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1"); // the lease holder's fenced writers are its only transactions
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    // The cleaner's default 128 MB dedupe buffer dominates the heap of a small node.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    // After a crash the controller refuses the broker's new registration until the old one's session
    // has expired (9 s by default): a short session makes a killed node serve again sooner.
    p.put("broker.session.timeout.ms", "3000");
    p.put("broker.heartbeat.interval.ms", "1000");
    return p;
  }

  private void format(int controllerPort) throws Exception {
    String clusterId = Uuid.randomUuid().toString();
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(1)
        .setClusterId(clusterId)
        .setControllerListenerName("CONTROLLER")
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();
    LOG.info("Formatted a new Kafka log in {} (cluster {})", logDir, clusterId);
  }

  @Override
  public void close() {
    BrokerFaults.forget(this);
    if (failure != null) {
      server = null;
      return;
    }
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      LOG.info("Embedded Kafka broker stopped");
    }
  }

  /** A free port on 127.0.0.1 for the controller listener, which nobody outside needs to know. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
