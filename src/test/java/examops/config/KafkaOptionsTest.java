package examops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Kafka cluster settings from the environment: replication, the broker wait, credentials. */
@Tier.Unit
class KafkaOptionsTest {

  private static final String CLUSTER = "k1:9092,k2:9092";

  @Test
  @DisplayName("replication and min.insync.replicas default to kafka/topics.json, the broker wait to 5 minutes; bad values are refused naming the variable")
  void replication() {
    KafkaOptions none = Config.load(Map.of()).kafka();
    assertThat(none.replicationFactor()).isNull();
    assertThat(none.minInsyncReplicas()).isNull();
    assertThat(none.brokerWait()).isEqualTo(Duration.ofMinutes(5));
    KafkaOptions set = Config.load(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", CLUSTER, "EXAMOPS_KAFKA_REPLICATION_FACTOR", "3",
        "EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS", "2", "EXAMOPS_KAFKA_BROKER_WAIT", "PT30S")).kafka();
    assertThat(set.replicationFactor()).isEqualTo(3);
    assertThat(set.minInsyncReplicas()).isEqualTo(2);
    assertThat(set.brokerWait()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_REPLICATION_FACTOR", "0"))).hasMessageContaining("EXAMOPS_KAFKA_REPLICATION_FACTOR");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_REPLICATION_FACTOR", "1", "EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS", "2")))
        .hasMessageContaining("cannot exceed");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_BROKER_WAIT", "5 minutes"))).hasMessageContaining("EXAMOPS_KAFKA_BROKER_WAIT");
  }

  @Test
  @DisplayName("SASL needs a user and a password, a truststore needs TLS, credentials need a cluster; the password never shows in the settings' text")
  void security() {
    KafkaSecurity scram = Config.load(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", CLUSTER, "EXAMOPS_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
        "EXAMOPS_KAFKA_USERNAME", "examops", "EXAMOPS_KAFKA_PASSWORD", "hunter2-secret", "EXAMOPS_KAFKA_TRUSTSTORE", "/etc/ca.p12")).kafka().security();
    assertThat(scram.protocol()).isEqualTo("SASL_SSL");
    assertThat(scram.mechanism()).isEqualTo("SCRAM-SHA-512");
    assertThat(scram.toString()).contains("examops").doesNotContain("hunter2");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", CLUSTER, "EXAMOPS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")))
        .hasMessageContaining("EXAMOPS_KAFKA_USERNAME");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", CLUSTER, "EXAMOPS_KAFKA_SECURITY_PROTOCOL", "TLS")))
        .hasMessageContaining("EXAMOPS_KAFKA_SECURITY_PROTOCOL");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", CLUSTER, "EXAMOPS_KAFKA_USERNAME", "u", "EXAMOPS_KAFKA_PASSWORD", "p")))
        .hasMessageContaining("would be ignored");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", CLUSTER, "EXAMOPS_KAFKA_TRUSTSTORE", "/etc/ca.p12")))
        .hasMessageContaining("EXAMOPS_KAFKA_TRUSTSTORE needs");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "EXAMOPS_KAFKA_USERNAME", "u",
        "EXAMOPS_KAFKA_PASSWORD", "p"))).hasMessageContaining("embedded broker");
  }
}
