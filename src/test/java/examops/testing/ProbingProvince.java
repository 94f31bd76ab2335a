package examops.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The built-in province with some targets' probes pointed at this machine (a test's HTTP server, a
 * closed port), written to a temporary file for a node's {@code EXAMOPS_PROVINCE}.
 */
public final class ProbingProvince {

  private ProbingProvince() {}

  /** @param probes each target id with the probe it gets; a target id the province does not have fails the test */
  public static Path write(Map<String, JsonObject> probes) {
    JsonObject province;
    try (InputStream in = ProbingProvince.class.getClassLoader().getResourceAsStream("province/an-giang-2020.json")) {
      province = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonArray targets = province.getJsonArray("targets");
    Set<String> found = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      JsonObject t = targets.getJsonObject(i);
      JsonObject probe = probes.get(t.getString("id"));
      if (probe != null && found.add(t.getString("id"))) t.put("probe", probe.copy());
    }
    if (!found.equals(probes.keySet())) throw new IllegalArgumentException("no such targets: " + probes.keySet() + " found " + found);
    try {
      Path file = Files.createTempFile("province-probing", ".json");
      Files.writeString(file, province.encodePrettily());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP probe expecting 200 from {@code url}. */
  public static JsonObject http(String url, Duration interval, Duration timeout) {
    return new JsonObject().put("type", "http").put("url", url).put("expectStatus", 200)
        .put("interval", interval.toString()).put("timeout", timeout.toString()).put("enabled", true);
  }

  /** A TCP probe of 127.0.0.1:{@code port}. */
  public static JsonObject tcp(int port, Duration interval, Duration timeout) {
    return new JsonObject().put("type", "tcp").put("host", "127.0.0.1").put("port", port)
        .put("interval", interval.toString()).put("timeout", timeout.toString()).put("enabled", true);
  }
}
