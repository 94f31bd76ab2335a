package examops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.MultiMapConfig;
import examops.config.ClusterSettings;
import examops.testing.Tier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Hazelcast configuration a clustered node runs with. */
@Tier.Unit
class ClusterVertxTest {

  @Test
  @DisplayName("Hazelcast joins over TCP-IP on the listed members only (no multicast, no auto-detection), on the configured host and port, with fast failure detection and Vert.x's own map settings")
  void hazelcastConfig() {
    Config hz = ClusterVertx.hazelcast(new ClusterSettings(List.of("127.0.0.1:5701", "127.0.0.1:5702"), "127.0.0.1", 5702));
    var join = hz.getNetworkConfig().getJoin();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    assertThat(hz.getNetworkConfig().getPort()).isEqualTo(5702);
    assertThat(hz.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(hz.getProperty("hazelcast.local.localAddress")).isEqualTo("127.0.0.1");
    assertThat(hz.getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("0");
    assertThat(hz.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");
    assertThat(hz.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(hz.getMultiMapConfig("__vertx.subs").getValueCollectionType()).isEqualTo(MultiMapConfig.ValueCollectionType.SET);
    assertThat(hz.getMapConfig("__vertx.nodeInfo").getBackupCount()).isEqualTo(1);
  }
}
