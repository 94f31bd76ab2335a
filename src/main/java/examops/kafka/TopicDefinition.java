package examops.kafka;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One topic as defined in {@code kafka/topics.json}. */
public record TopicDefinition(String name, int partitions, short replicationFactor, Map<String, String> config) {

  public static final String DLQ = "examops.dlq";
  static final String MIN_INSYNC = "min.insync.replicas";
  private static final String RESOURCE = "kafka/topics.json";

  /** The definitions shipped in the jar (copied from the repository's {@code kafka/} folder). */
  public static List<TopicDefinition> loadAll() {
    try (InputStream in = TopicDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      JsonArray topics = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("topics");
      List<TopicDefinition> out = new ArrayList<>();
      for (int i = 0; i < topics.size(); i++) {
        JsonObject t = topics.getJsonObject(i);
        Map<String, String> config = new LinkedHashMap<>();
        t.getJsonObject("config", new JsonObject()).forEach(e -> config.put(e.getKey(), String.valueOf(e.getValue())));
        out.add(new TopicDefinition(t.getString("name"), t.getInteger("partitions"),
            t.getInteger("replicationFactor").shortValue(), Map.copyOf(config)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The definition's {@code min.insync.replicas}, 1 when it names none. */
  public int minInsyncReplicas() {
    return Integer.parseInt(config.getOrDefault(MIN_INSYNC, "1"));
  }

  /**
   * The same topic with the replication this cluster requires: the factor and {@code min.insync.replicas}
   * of {@code required} where it names them, else the definition's. A lowered factor lowers
   * {@code min.insync.replicas} with it (never above the factor: no write could be acknowledged).
   */
  public TopicDefinition requiring(Replication required) {
    short rf = required.factor() == null ? replicationFactor : required.factor().shortValue();
    int minIsr = required.minInsync() == null ? Math.min(minInsyncReplicas(), rf) : required.minInsync();
    Map<String, String> fitted = new LinkedHashMap<>(config);
    fitted.put(MIN_INSYNC, String.valueOf(minIsr));
    return new TopicDefinition(name, partitions, rf, Map.copyOf(fitted));
  }
}
