package examops.config;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EXAMOPS_NODE_ID defaults to the host name, not to a variable shells do not export. */
@Tier.Unit
class NodeNameTest {

  @Test
  @DisplayName("without EXAMOPS_NODE_ID (and without HOSTNAME, as from a shell) the node is named after this host")
  void defaultsToTheHostName() throws Exception {
    String host = InetAddress.getLocalHost().getHostName();
    assertThat(Config.load(Map.of()).nodeId()).isEqualTo(host).isNotEqualTo(NodeName.FALLBACK);
    assertThat(Config.load(Map.of("EXAMOPS_NODE_ID", "examops-7")).nodeId()).isEqualTo("examops-7");
  }

  @Test
  @DisplayName("a host name that does not resolve is still used; with no name at all HOSTNAME, then node-1")
  void fallbacks() {
    assertThat(NodeName.of(() -> { throw new UnknownHostException("box-12: Name or service not known"); }, Map.of()))
        .isEqualTo("box-12");
    assertThat(NodeName.of(() -> { throw new IllegalStateException("no network"); }, Map.of("HOSTNAME", "from-env")))
        .isEqualTo("from-env");
    assertThat(NodeName.of(() -> "", Map.of())).isEqualTo(NodeName.FALLBACK);
  }
}
