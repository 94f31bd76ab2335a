package examops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.config.Config;
import examops.kafka.EmbeddedKafka;
import examops.testing.ChildJvm;
import examops.testing.ScramBrokerMain;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A node on a Kafka cluster that takes only SASL/SCRAM clients: every client of the node logs in. */
@Tier.Broker
class ScramKafkaTest {

  private static final String USER = "examops";
  private static final String PASSWORD = "pa\"ss-with-quote-and-\\backslash";

  @Test
  @DisplayName("against a SCRAM-only broker a node with EXAMOPS_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT and its credentials sets up topics, takes writes, follows the log and answers time travel; with a wrong password it refuses to start, saying so")
  void scramCredentialsReachEveryClient() throws Exception {
    Path dir = Files.createTempDirectory("examops-scram");
    int port = EmbeddedKafka.freePort();
    try (ChildJvm broker = ChildJvm.start(ScramBrokerMain.class.getName(), Map.of(), dir.resolve("broker.log"),
        dir.resolve("kafka").toString(), String.valueOf(port), USER, PASSWORD)) {
      broker.awaitOutput(ScramBrokerMain.READY, Duration.ofSeconds(90));
      Map<String, String> env = new HashMap<>(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", "127.0.0.1:" + port,
          "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1", "EXAMOPS_KAFKA_BROKER_WAIT", "PT30S",
          "EXAMOPS_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "EXAMOPS_KAFKA_SASL_MECHANISM", ScramBrokerMain.MECHANISM,
          "EXAMOPS_KAFKA_USERNAME", USER, "EXAMOPS_KAFKA_PASSWORD", "wrong"));

      Map<String, String> wrong = new HashMap<>(env);
      wrong.putAll(Map.of("EXAMOPS_HTTP_PORT", "0", "EXAMOPS_HTTP_HOST", "127.0.0.1", "EXAMOPS_DATA_DIR", dir.resolve("wrong").toString(),
          "EXAMOPS_SECRET", TestNode.SECRET));
      Node refused = Node.create(Config.load(wrong), new TestClock(Instant.parse("2020-08-09T00:00:00Z")));
      try {
        assertThatThrownBy(refused::start).hasMessageContaining("refused this node's credentials")
            .hasMessageContaining("EXAMOPS_KAFKA_USERNAME").hasMessageNotContaining("wrong");
      } finally {
        refused.close();
      }

      env.put("EXAMOPS_KAFKA_PASSWORD", PASSWORD);
      TestNode node = TestNode.start(dir.resolve("node"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")), env);
      try {
        assertThat(node.post("/api/v1/checkins", SpineTest.checkin("scram-1", "phu-tan", "issue", "").encode()).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"issue".equals(node.board().getJsonObject("districts").getJsonObject("phu-tan").getString("status"))) {
          assertThat(System.nanoTime()).as("the board follows the log").isLessThan(deadline);
          Thread.sleep(100);
        }
        TestNode.Response past = node.get("/api/v1/board?at=" + Instant.parse("2020-08-09T00:00:00Z"));
        assertThat(past.status()).as(past.body()).isEqualTo(200);
        assertThat(node.get("/health").status()).as("the broker watch logs in too").isEqualTo(200);
      } finally {
        node.close();
      }
    }
  }

  @Test
  @DisplayName("over SASL_SSL with EXAMOPS_KAFKA_TRUSTSTORE naming the CA of the broker's certificate, the node logs in, writes and follows the log")
  void scramOverTls() throws Exception {
    Path dir = Files.createTempDirectory("examops-scram-tls");
    String storePassword = "store-secret-for-tests";
    Path keystore = dir.resolve("broker.p12");
    Path cert = dir.resolve("broker.pem");
    Path truststore = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", storePassword, "-keypass", storePassword);
    keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", storePassword, "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker-ca", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", truststore.toString(), "-storepass", storePassword);
    int port = EmbeddedKafka.freePort();
    try (ChildJvm broker = ChildJvm.start(ScramBrokerMain.class.getName(), Map.of(), dir.resolve("broker.log"),
        dir.resolve("kafka").toString(), String.valueOf(port), USER, PASSWORD, keystore.toString(), truststore.toString(), storePassword)) {
      broker.awaitOutput(ScramBrokerMain.READY, Duration.ofSeconds(90));
      Map<String, String> env = new HashMap<>(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", "127.0.0.1:" + port,
          "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1", "EXAMOPS_KAFKA_BROKER_WAIT", "PT30S",
          "EXAMOPS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "EXAMOPS_KAFKA_USERNAME", USER, "EXAMOPS_KAFKA_PASSWORD", PASSWORD,
          "EXAMOPS_KAFKA_TRUSTSTORE", truststore.toString(), "EXAMOPS_KAFKA_TRUSTSTORE_PASSWORD", storePassword));
      TestNode node = TestNode.start(dir.resolve("node"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")), env);
      try {
        assertThat(node.post("/api/v1/checkins", SpineTest.checkin("tls-1", "phu-tan", "issue", "").encode()).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"issue".equals(node.board().getJsonObject("districts").getJsonObject("phu-tan").getString("status"))) {
          assertThat(System.nanoTime()).as("the board follows the log").isLessThan(deadline);
          Thread.sleep(100);
        }
      } finally {
        node.close();
      }
    }
  }

  private static void keytool(String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("keytool " + args[0] + ": " + out).isZero();
  }
}
