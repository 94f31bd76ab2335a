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

  /** The same topic fitted to a cluster of {@code brokers} brokers (a single broker caps replication at 1). */
  public TopicDefinition fittedTo(int brokers) {
    short rf = (short) Math.min(replicationFactor, brokers);
    Map<String, String> fitted = new LinkedHashMap<>(config);
    fitted.computeIfPresent("min.insync.replicas", (k, v) -> String.valueOf(Math.min(Integer.parseInt(v), Math.max(1, rf - 1))));
    if (rf == 1) fitted.put("min.insync.replicas", "1");
    return new TopicDefinition(name, partitions, rf, Map.copyOf(fitted));
  }
}
