package examops.kafka;

import examops.config.KafkaSecurity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Kafka client properties for {@link KafkaSecurity}: SASL (SCRAM or PLAIN) login and the TLS truststore. */
final class ClientSecurity {

  private ClientSecurity() {}

  static Map<String, String> properties(KafkaSecurity security) {
    Map<String, String> p = new HashMap<>();
    if (security == null || security.protocol().equals("PLAINTEXT")) return p;
    p.put("security.protocol", security.protocol());
    if (security.sasl()) {
      p.put("sasl.mechanism", security.mechanism());
      String module = security.mechanism().startsWith("SCRAM")
          ? "org.apache.kafka.common.security.scram.ScramLoginModule"
          : "org.apache.kafka.common.security.plain.PlainLoginModule";
      p.put("sasl.jaas.config", module + " required username=\"" + quoted(security.username()) + "\" password=\""
          + quoted(security.password()) + "\";");
    }
    if (security.tls() && security.truststore() != null) {
      p.put("ssl.truststore.location", security.truststore());
      p.put("ssl.truststore.type", security.truststore().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
      if (security.truststorePassword() != null) p.put("ssl.truststore.password", security.truststorePassword());
    }
    return p;
  }

  /** A JAAS option value between double quotes: backslashes and quotes escaped. */
  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
