package examops.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import examops.config.ClusterSettings;
import examops.metrics.NodeMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a node's Vert.x: clustered through Hazelcast when cluster members are configured, else a
 * plain one. The Hazelcast configuration is built here rather than read from a {@code cluster.xml}, so
 * the environment alone decides it: TCP-IP join on the listed members (never multicast), this
 * member and the event bus on the configured host, and fast failure detection so that the lease of
 * a dead node passes on within seconds.
 */
public final class ClusterVertx {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterVertx.class);

  /** Heartbeats every second; a member silent for this long is dropped (a killed one is seen at once). */
  static final int HEARTBEAT_SECONDS = 1;
  static final int MAX_NO_HEARTBEAT_SECONDS = 5;

  private ClusterVertx() {}

  /** @param cacheDir where Vert.x unpacks classpath files; a folder the node owns, so a killed node leaves nothing in /tmp */
  public static Future<Vertx> start(ClusterSettings cluster, Path cacheDir, NodeMetrics metrics) {
    VertxOptions options = metrics.instrument(new VertxOptions().setFileSystemOptions(new FileSystemOptions().setFileCacheDir(cacheDir.toString())));
    if (!cluster.enabled()) return Future.succeededFuture(Vertx.builder().with(options).withMetrics(metrics.vertxFactory()).build());
    options.setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setPort(0));
    long t0 = System.nanoTime();
    return Vertx.builder().with(options).withMetrics(metrics.vertxFactory())
        .withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered()
        .onSuccess(v -> LOG.info("Joined the cluster as {}:{} (members {}) in {} ms", cluster.host(), cluster.port(),
            cluster.members(), (System.nanoTime() - t0) / 1_000_000));
  }

  /**
   * Whether this node sees another member of its cluster: false when it is cut off from the others, and
   * always false for a node that is not clustered (another node on the same Kafka outside any cluster with it
   * is a mistake of set-up, not a node to take turns with).
   */
  public static boolean othersVisible(Vertx vertx) {
    if (!vertx.isClustered()) return false;
    return ((io.vertx.core.internal.VertxInternal) vertx).clusterManager().getNodes().size() > 1;
  }

  static com.hazelcast.config.Config hazelcast(ClusterSettings cluster) {
    com.hazelcast.config.Config hz = new com.hazelcast.config.Config();
    hz.setClusterName("examops");
    hz.setProperty("hazelcast.logging.type", "slf4j"); // logback then keeps com.hazelcast at WARN
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(HEARTBEAT_SECONDS));
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
    hz.setProperty("hazelcast.local.localAddress", cluster.host());
    hz.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = hz.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    // What vertx-hazelcast's default-cluster.xml sets for Vert.x's own structures.
    hz.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    hz.getMapConfig("__vertx.haInfo").setBackupCount(1);
    hz.getMapConfig("__vertx.nodeInfo").setBackupCount(1);
    return hz;
  }
}
