package examops.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a node is configured with, loaded once: defaults, then the optional config file
 * ({@code EXAMOPS_CONFIG}, JSON, keys as below in camel case), then the environment.
 *
 * @param kafkaBootstrap empty means: start the embedded broker
 * @param clockStart rehearsal clock start, or null to run on real time
 * @param cluster Hazelcast clustering; off when no members are listed
 * @param notifications outgoing notifications (email, webhook) and their policy
 * @param access credentials: signing secret, mode, users file, rate limit (its toString hides the secret)
 * @param web the node's edge: trusted proxies, public address, framing, sockets per credential
 * @param kafka an external cluster: the replication its topics must have, how long to wait for its brokers, credentials and TLS
 */
public record Config(
    int httpPort,
    String httpHost,
    Path dataDir,
    String kafkaBootstrap,
    int kafkaPort,
    Instant clockStart,
    double clockSpeed,
    String provinceFile,
    String nodeId,
    boolean demo,
    ClusterSettings cluster,
    NotifyConfig notifications,
    AccessSettings access,
    WebSettings web,
    KafkaOptions kafka) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_KAFKA_PORT = 9092;

  public boolean embeddedKafka() {
    return kafkaBootstrap == null || kafkaBootstrap.isBlank();
  }

  /** The broker address clients use: the configured cluster, or the embedded broker. */
  public String bootstrapServers() {
    return embeddedKafka() ? "127.0.0.1:" + kafkaPort : kafkaBootstrap;
  }

  public Path kafkaLogDir() {
    return dataDir.resolve("kafka");
  }

  public Config withDemo(boolean demo) {
    return new Config(httpPort, httpHost, dataDir, kafkaBootstrap, kafkaPort, clockStart, clockSpeed, provinceFile, nodeId, demo, cluster, notifications, access, web, kafka);
  }

  public Config withDataDir(Path dir) {
    return new Config(httpPort, httpHost, dir, kafkaBootstrap, kafkaPort, clockStart, clockSpeed, provinceFile, nodeId, demo, cluster, notifications, access, web, kafka);
  }

  public Config withClock(Instant start, double speed) {
    return new Config(httpPort, httpHost, dataDir, kafkaBootstrap, kafkaPort, start, speed, provinceFile, nodeId, demo, cluster, notifications, access, web, kafka);
  }

  public static Config fromEnvironment() {
    return load(System.getenv());
  }

  /** Builds the config from a map of environment variables; errors name the variable. */
  public static Config load(Map<String, String> env) {
    JsonObject file = Optional.ofNullable(env.get("EXAMOPS_CONFIG"))
        .filter(s -> !s.isBlank())
        .map(Config::readFile)
        .orElseGet(JsonObject::new);
    Settings s = new Settings(env, file);
    String kafkaBootstrap = s.string("EXAMOPS_KAFKA_BOOTSTRAP", "kafkaBootstrap", "");
    return new Config(
        s.port("EXAMOPS_HTTP_PORT", "httpPort", DEFAULT_HTTP_PORT),
        s.string("EXAMOPS_HTTP_HOST", "httpHost", "0.0.0.0"),
        Path.of(s.string("EXAMOPS_DATA_DIR", "dataDir", "./data")),
        kafkaBootstrap,
        s.port("EXAMOPS_KAFKA_PORT", "kafkaPort", DEFAULT_KAFKA_PORT),
        s.instant("EXAMOPS_CLOCK_START", "clockStart"),
        s.positiveDouble("EXAMOPS_CLOCK_SPEED", "clockSpeed", 1.0),
        s.string("EXAMOPS_PROVINCE", "province", null),
        s.string("EXAMOPS_NODE_ID", "nodeId", NodeName.ofThisHost(env)),
        false,
        new ClusterSettings(
            ClusterSettings.parseMembers("EXAMOPS_CLUSTER_MEMBERS", s.list("EXAMOPS_CLUSTER_MEMBERS", "clusterMembers")),
            s.string("EXAMOPS_CLUSTER_HOST", "clusterHost", ClusterSettings.DEFAULT_HOST),
            s.port("EXAMOPS_CLUSTER_PORT", "clusterPort", ClusterSettings.DEFAULT_PORT)),
        NotifyConfig.load(s),
        access(s),
        web(s),
        KafkaOptions.load(s, kafkaBootstrap.isBlank()));
  }

  private static AccessSettings access(Settings s) {
    String mode = s.string("EXAMOPS_MODE", "mode", "development");
    if (!mode.equals("development") && !mode.equals("production")) {
      throw new IllegalArgumentException("EXAMOPS_MODE must be development or production, got '" + mode + "'");
    }
    String secret = s.string("EXAMOPS_SECRET", "secret", null);
    if (secret != null && secret.length() < AccessSettings.MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("EXAMOPS_SECRET must be at least " + AccessSettings.MIN_SECRET_LENGTH
          + " characters (it signs every token); e.g. openssl rand -base64 48");
    }
    boolean production = mode.equals("production");
    if (production && secret == null) {
      throw new IllegalArgumentException("EXAMOPS_MODE=production needs EXAMOPS_SECRET (at least "
          + AccessSettings.MIN_SECRET_LENGTH + " characters): production never runs on a development secret");
    }
    return new AccessSettings(secret, production, s.string("EXAMOPS_USERS", "users", null),
        s.positiveDouble("EXAMOPS_RATE_PER_SECOND", "ratePerSecond", AccessSettings.DEFAULT_RATE_PER_SECOND),
        (int) s.positiveDouble("EXAMOPS_RATE_BURST", "rateBurst", AccessSettings.DEFAULT_RATE_BURST));
  }

  private static WebSettings web(Settings s) {
    return new WebSettings(
        TrustedProxies.parse("EXAMOPS_TRUSTED_PROXIES", s.list("EXAMOPS_TRUSTED_PROXIES", "trustedProxies")),
        WebSettings.origin("EXAMOPS_PUBLIC_URL", s.string("EXAMOPS_PUBLIC_URL", "publicUrl", null)),
        WebSettings.origins("EXAMOPS_FRAME_ANCESTORS", s.list("EXAMOPS_FRAME_ANCESTORS", "frameAncestors")),
        (int) s.positiveDouble("EXAMOPS_WS_PER_CREDENTIAL", "wsPerCredential", WebSettings.DEFAULT_SOCKETS_PER_CREDENTIAL),
        (int) Math.ceil(s.positiveDouble("EXAMOPS_BODY_TIMEOUT", "bodyTimeout", WebSettings.DEFAULT_BODY_SECONDS)));
  }

  private static String defaultNodeId() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "node-1" : host;
  }

  private static JsonObject readFile(String path) {
    try {
      return new JsonObject(Files.readString(Path.of(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("EXAMOPS_CONFIG: cannot read " + path, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("EXAMOPS_CONFIG: " + path + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Reads one setting from the environment, else the file, else the default. */
  record Settings(Map<String, String> env, JsonObject file) {

    String string(String var, String key, String fallback) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) return v.trim();
      Object f = file.getValue(key);
      return f == null ? fallback : f.toString();
    }

    /** A comma-separated list; the file may also give it as a JSON array. */
    String list(String var, String key) {
      return file.getValue(key) instanceof io.vertx.core.json.JsonArray a && (env.get(var) == null || env.get(var).isBlank())
          ? String.join(",", a.stream().map(String::valueOf).toList())
          : string(var, key, null);
    }

    int port(String var, String key, int fallback) {
      String v = string(var, key, null);
      if (v == null) return fallback;
      try {
        int port = Integer.parseInt(v);
        if (port < 0 || port > 65535) throw new NumberFormatException();
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(var + " must be a port number 0-65535, got '" + v + "'");
      }
    }

    double positiveDouble(String var, String key, double fallback) {
      String v = string(var, key, null);
      if (v == null) return fallback;
      try {
        double d = Double.parseDouble(v);
        if (!(d > 0) || Double.isInfinite(d)) throw new NumberFormatException();
        return d;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(var + " must be a number above 0, got '" + v + "'");
      }
    }

    Instant instant(String var, String key) {
      String v = string(var, key, null);
      if (v == null) return null;
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(var + " must be an ISO-8601 instant such as 2020-08-09T06:00:00+07:00, got '" + v + "'");
      }
    }
  }
}
