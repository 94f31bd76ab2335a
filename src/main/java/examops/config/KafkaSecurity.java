package examops.config;

import java.util.Locale;
import java.util.Set;

/**
 * How this node authenticates to an external Kafka cluster and encrypts its connections: applied to every
 * Kafka client the node makes (producers, consumers, admin). {@code PLAINTEXT} (the default) sets nothing.
 *
 * @param protocol {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param mechanism the SASL mechanism: {@code SCRAM-SHA-512} (default), {@code SCRAM-SHA-256} or {@code PLAIN}
 * @param username SASL user; with SASL, required
 * @param password SASL password; with SASL, required; never logged
 * @param truststore a PKCS12 or JKS file of the CAs that sign the brokers' certificates (TLS); null = the JVM's
 * @param truststorePassword its password, if it has one; never logged
 */
public record KafkaSecurity(String protocol, String mechanism, String username, String password, String truststore,
    String truststorePassword) {

  static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");

  public static KafkaSecurity none() {
    return new KafkaSecurity("PLAINTEXT", null, null, null, null, null);
  }

  public boolean sasl() {
    return protocol.startsWith("SASL_");
  }

  public boolean tls() {
    return protocol.endsWith("SSL");
  }

  static KafkaSecurity load(Config.Settings s, boolean embedded) {
    String protocol = s.string("EXAMOPS_KAFKA_SECURITY_PROTOCOL", "kafkaSecurityProtocol", "PLAINTEXT").toUpperCase(Locale.ROOT);
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException("EXAMOPS_KAFKA_SECURITY_PROTOCOL must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got '"
          + protocol + "'");
    }
    String mechanism = s.string("EXAMOPS_KAFKA_SASL_MECHANISM", "kafkaSaslMechanism", "SCRAM-SHA-512").toUpperCase(Locale.ROOT);
    String username = s.string("EXAMOPS_KAFKA_USERNAME", "kafkaUsername", null);
    String password = s.string("EXAMOPS_KAFKA_PASSWORD", "kafkaPassword", null);
    String truststore = s.string("EXAMOPS_KAFKA_TRUSTSTORE", "kafkaTruststore", null);
    String truststorePassword = s.string("EXAMOPS_KAFKA_TRUSTSTORE_PASSWORD", "kafkaTruststorePassword", null);
    KafkaSecurity k = new KafkaSecurity(protocol, mechanism, username, password, truststore, truststorePassword);
    if (embedded && (!protocol.equals("PLAINTEXT") || username != null || truststore != null)) {
      throw new IllegalArgumentException("EXAMOPS_KAFKA_SECURITY_PROTOCOL, _USERNAME and _TRUSTSTORE apply to a Kafka cluster"
          + " (EXAMOPS_KAFKA_BOOTSTRAP); the embedded broker listens on 127.0.0.1 without them");
    }
    if (k.sasl()) {
      if (!MECHANISMS.contains(mechanism)) {
        throw new IllegalArgumentException("EXAMOPS_KAFKA_SASL_MECHANISM must be SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN, got '" + mechanism + "'");
      }
      if (username == null || password == null) {
        throw new IllegalArgumentException("EXAMOPS_KAFKA_SECURITY_PROTOCOL=" + protocol + " needs EXAMOPS_KAFKA_USERNAME and EXAMOPS_KAFKA_PASSWORD");
      }
    } else if (username != null || password != null) {
      throw new IllegalArgumentException("EXAMOPS_KAFKA_USERNAME and EXAMOPS_KAFKA_PASSWORD need EXAMOPS_KAFKA_SECURITY_PROTOCOL"
          + " SASL_SSL (or SASL_PLAINTEXT); with " + protocol + " they would be ignored");
    }
    if (truststore != null && !k.tls()) {
      throw new IllegalArgumentException("EXAMOPS_KAFKA_TRUSTSTORE needs EXAMOPS_KAFKA_SECURITY_PROTOCOL SSL or SASL_SSL");
    }
    return k;
  }

  @Override
  public String toString() {
    return "KafkaSecurity[" + protocol + (sasl() ? ", " + mechanism + " as " + username : "")
        + (truststore != null ? ", truststore " + truststore : "") + "]";
  }
}
