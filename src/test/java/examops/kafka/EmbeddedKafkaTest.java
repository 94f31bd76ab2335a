package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the embedded broker exposes: its log to the owner only, its port to this machine only. */
@Tier.Broker
class EmbeddedKafkaTest {

  @Test
  @DisplayName("the embedded broker's log directory is owner-only (0700), also one an older version left 0755; the broker answers on 127.0.0.1 and not on the machine's other addresses")
  void ownerOnlyAndLoopbackOnly() throws Exception {
    Path logDir = Files.createTempDirectory("examops-embedded").resolve("kafka");
    Files.createDirectories(logDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    int port = EmbeddedKafka.freePort();
    EmbeddedKafka broker = new EmbeddedKafka(logDir, port);
    broker.start();
    try {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logDir))).isEqualTo("rwx------");
      try (Socket loopback = new Socket()) {
        loopback.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      }
      Optional<InetAddress> outside = machineAddress();
      if (outside.isPresent()) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(outside.get(), port), 2_000);
          }
        }).as("not reachable on " + outside.get()).isInstanceOf(java.io.IOException.class);
      }
      assertThat(listeningOn(port)).as("local addresses listening on the client port").isNotEmpty()
          .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F"));
    } finally {
      broker.close();
    }
  }

  /** The local addresses (hex, as /proc/net shows them) of the sockets listening on {@code port}. */
  private static java.util.List<String> listeningOn(int port) throws java.io.IOException {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      for (String line : Files.readAllLines(Path.of(table))) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[1].endsWith(String.format(":%04X", port)) && f[3].equals("0A")) out.add(f[1].substring(0, f[1].indexOf(':')));
      }
    }
    return out;
  }

  private static Optional<InetAddress> machineAddress() throws Exception {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
