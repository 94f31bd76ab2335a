package examops.event;

import static org.assertj.core.api.Assertions.assertThat;

import examops.drill.DrillScript;
import examops.drill.DrillStep;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fast path must never call valid what the full schema validator refuses, and must pass the real events. */
@Tier.Unit
class CompiledSchemaTest {

  private static JsonObject schema(String name) throws Exception {
    try (InputStream in = CompiledSchemaTest.class.getClassLoader().getResourceAsStream("kafka/schemas/" + name + ".json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Validator full(JsonObject schema) {
    return Validator.create(JsonSchema.of(schema.copy()), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setOutputFormat(OutputFormat.Basic).setBaseUri("https://examops.example/schemas/"));
  }

  /** Every envelope of the drill, with its type filled in as ingest does. */
  private static List<JsonObject> drillEnvelopes() {
    var province = ProvinceLoader.loadDefault();
    List<JsonObject> out = new ArrayList<>();
    for (DrillStep step : DrillScript.write(province, Instant.parse("2020-08-07T23:00:00Z"), Instant.parse("2020-08-11T00:00:00Z"), 2020)) {
      JsonObject body = step.body().copy();
      String path = step.path();
      String type = path.endsWith("/monitoring") ? "probe.result" : path.endsWith("/checkins") ? "checkin.submitted"
          : path.endsWith("/publishing") ? "publishing.updated" : path.endsWith("/incidents") ? "incident.reported"
          : "incident." + switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "acknowledge" -> "acknowledged"; case "assign" -> "assigned"; case "update" -> "updated";
            case "resolve" -> "resolved"; case "escalate" -> "escalated"; default -> "reopened"; };
      body.put("type", type);
      if (path.startsWith("/api/v1/incidents/")) body.getJsonObject("data").put("incidentId", path.split("/")[4]);
      out.add(body);
    }
    return out;
  }

  @Test
  @DisplayName("every schema of the contract compiles to a fast path")
  void allCompile() throws Exception {
    assertThat(CompiledSchema.compile(schema("envelope"))).isPresent();
    for (EventType t : EventType.values()) assertThat(CompiledSchema.compile(schema(t.wireName()))).as(t.wireName()).isPresent();
  }

  @Test
  @DisplayName("the drill's events pass the fast path, and mutated ones it passes the full validator passes too")
  void agreesWithTheFullValidator() throws Exception {
    Random random = new Random(7);
    int fastValid = 0;
    int checked = 0;
    for (JsonObject envelope : drillEnvelopes()) {
      String type = envelope.getString("type");
      JsonObject dataSchema = schema(type);
      CompiledSchema fast = CompiledSchema.compile(dataSchema).orElseThrow();
      Validator slow = full(dataSchema);
      assertThat(fast.certainlyValid(envelope.getJsonObject("data"))).as(envelope.encode()).isTrue();
      assertThat(CompiledSchema.compile(schema("envelope")).orElseThrow().certainlyValid(envelope)).as(envelope.encode()).isTrue();
      for (int i = 0; i < 3; i++) {
        JsonObject data = mutate(envelope.getJsonObject("data").copy(), dataSchema, random);
        boolean f = fast.certainlyValid(data);
        boolean s = Boolean.TRUE.equals(slow.validate(data).getValid());
        if (f) {
          fastValid++;
          assertThat(s).as("fast path accepted what the schema refuses: " + data.encode()).isTrue();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(fastValid).isLessThan(checked);
  }

  private static final Object[] ODD_VALUES = {null, 1, -1, 1.5, 4_000_000, "", "x".repeat(5000), "line\nbreak", "UP", true,
      new JsonArray().add(1), new JsonObject(), "a b", "ok", "done"};

  /** One random change: a field dropped, replaced by an odd value, or an unknown one added. */
  private static JsonObject mutate(JsonObject data, JsonObject schema, Random random) {
    List<String> names = new ArrayList<>(schema.getJsonObject("properties").fieldNames());
    String name = names.get(random.nextInt(names.size()));
    switch (random.nextInt(3)) {
      case 0 -> data.remove(name);
      case 1 -> data.put(name, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
      default -> data.put("extra" + random.nextInt(3), "x");
    }
    return data;
  }
}
