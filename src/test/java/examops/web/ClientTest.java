package examops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.config.TrustedProxies;
import examops.testing.Tier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whose address a request is counted against, with and without a trusted proxy in front. */
@Tier.Unit
class ClientTest {

  private static final TrustedProxies PROXIES = TrustedProxies.parse("EXAMOPS_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.5, fd00::/8");

  @Test
  @DisplayName("without trusted proxies X-Forwarded-For and -Proto are ignored: the client is the TCP peer")
  void untrustedPeerHeadersIgnored() {
    Client c = Client.resolve("203.0.113.7", false, List.of("198.51.100.1"), "https", TrustedProxies.none());
    assertThat(c).isEqualTo(new Client("203.0.113.7", false));
    assertThat(Client.resolve("203.0.113.7", false, List.of("198.51.100.1"), "https", PROXIES)).isEqualTo(new Client("203.0.113.7", false));
  }

  @Test
  @DisplayName("from a trusted proxy the client is the right-most X-Forwarded-For address that is not a trusted proxy")
  void rightMostUntrusted() {
    assertThat(Client.resolve("10.1.2.3", false, List.of("6.6.6.6, 198.51.100.9"), "https", PROXIES))
        .isEqualTo(new Client("198.51.100.9", true));
    assertThat(Client.resolve("10.1.2.3", false, List.of("6.6.6.6, 198.51.100.9, 192.168.1.5", "10.4.4.4"), "http", PROXIES))
        .isEqualTo(new Client("198.51.100.9", false));
    assertThat(Client.resolve("fd00::1", false, List.of("2001:db8::7"), null, PROXIES)).isEqualTo(new Client("2001:db8::7", false));
    assertThat(Client.resolve("10.1.2.3", false, List.of(), null, PROXIES).address()).as("no header: the proxy itself").isEqualTo("10.1.2.3");
    assertThat(Client.resolve("10.1.2.3", false, List.of("<script>"), null, PROXIES).address()).isEqualTo("10.1.2.3");
  }

  @Test
  @DisplayName("trusted proxies are literal addresses or CIDR ranges; anything else stops the start naming the variable")
  void parsing() {
    assertThat(PROXIES.trusts("10.255.0.1")).isTrue();
    assertThat(PROXIES.trusts("11.0.0.1")).isFalse();
    assertThat(PROXIES.trusts("192.168.1.6")).isFalse();
    assertThat(PROXIES.trusts("::ffff:10.0.0.1")).isTrue();
    assertThat(PROXIES.trusts("localhost")).as("names are not resolved").isFalse();
    assertThat(TrustedProxies.parse("V", "172.16.0.0/12").trusts("172.31.255.255")).isTrue();
    assertThat(TrustedProxies.parse("V", "172.16.0.0/12").trusts("172.32.0.0")).isFalse();
    for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.1/x", "1.2.3.4/8/9")) {
      assertThatThrownBy(() -> TrustedProxies.parse("EXAMOPS_TRUSTED_PROXIES", bad)).hasMessageContaining("EXAMOPS_TRUSTED_PROXIES");
    }
  }
}
