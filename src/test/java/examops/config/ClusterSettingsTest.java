package examops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cluster settings from the environment and the config file. */
@Tier.Unit
class ClusterSettingsTest {

  @Test
  @DisplayName("without EXAMOPS_CLUSTER_MEMBERS the node is not clustered; the host and port default to 127.0.0.1:5701")
  void offByDefault() {
    ClusterSettings c = Config.load(Map.of()).cluster();
    assertThat(c.enabled()).isFalse();
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(5701);
  }

  @Test
  @DisplayName("EXAMOPS_CLUSTER_MEMBERS, _HOST and _PORT turn clustering on; a member without a port is refused naming the variable")
  void fromEnvironment() {
    ClusterSettings c = Config.load(Map.of("EXAMOPS_CLUSTER_MEMBERS", "examops-1:5701, examops-2:5701",
        "EXAMOPS_CLUSTER_HOST", "examops-2", "EXAMOPS_CLUSTER_PORT", "5702")).cluster();
    assertThat(c.enabled()).isTrue();
    assertThat(c.members()).containsExactly("examops-1:5701", "examops-2:5701");
    assertThat(c.host()).isEqualTo("examops-2");
    assertThat(c.port()).isEqualTo(5702);
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_CLUSTER_MEMBERS", "examops-1:5701,examops-2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXAMOPS_CLUSTER_MEMBERS").hasMessageContaining("examops-2");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_CLUSTER_PORT", "99999")))
        .hasMessageContaining("EXAMOPS_CLUSTER_PORT");
  }

  @Test
  @DisplayName("the config file may list the members as an array or a string; the environment wins")
  void fromFile() throws Exception {
    Path file = Files.createTempFile("examops-config", ".json");
    Files.writeString(file, "{\"clusterMembers\": [\"10.0.0.1:5701\", \"10.0.0.2:5701\"], \"clusterHost\": \"10.0.0.1\", \"clusterPort\": 5701}");
    ClusterSettings c = Config.load(Map.of("EXAMOPS_CONFIG", file.toString())).cluster();
    assertThat(c.members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(c.host()).isEqualTo("10.0.0.1");
    ClusterSettings env = Config.load(Map.of("EXAMOPS_CONFIG", file.toString(), "EXAMOPS_CLUSTER_MEMBERS", "10.0.0.9:5701")).cluster();
    assertThat(env.members()).containsExactly("10.0.0.9:5701");
  }
}
