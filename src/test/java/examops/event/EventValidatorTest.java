package examops.event;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class EventValidatorTest {

  private static final EventValidator VALIDATOR = new EventValidator();
  private static final Instant NOW = Instant.parse("2020-08-09T00:10:00Z");

  private static JsonObject checkin() {
    return new JsonObject()
        .put("id", "c-1").put("type", "checkin.submitted").put("at", "2020-08-09T07:05:00+07:00")
        .put("source", "district:long-xuyen").put("district", "long-xuyen")
        .put("data", new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "slow"));
  }

  @Test
  @DisplayName("a well-formed check-in becomes an event with the receive time filled in")
  void validCheckin() {
    Validation v = VALIDATOR.validate(checkin(), NOW);
    assertThat(v).isInstanceOf(Validation.Valid.class);
    Event e = ((Validation.Valid) v).event();
    assertThat(e.type()).isEqualTo(EventType.CHECKIN_SUBMITTED);
    assertThat(e.receivedAt()).isEqualTo(NOW);
    assertThat(e.key()).isEqualTo("long-xuyen");
  }

  @Test
  @DisplayName("a value outside the enum is refused naming data.status")
  void badEnum() {
    JsonObject j = checkin();
    j.getJsonObject("data").put("status", "fine");
    Validation v = VALIDATOR.validate(j, NOW);
    assertThat(v).isInstanceOf(Validation.Invalid.class);
    assertThat(((Validation.Invalid) v).field()).isEqualTo("data.status");
  }

  @Test
  @DisplayName("an unknown field in data is refused naming it")
  void unknownField() {
    JsonObject j = checkin();
    j.getJsonObject("data").put("colour", "red");
    Validation.Invalid v = (Validation.Invalid) VALIDATOR.validate(j, NOW);
    assertThat(v.message()).contains("data");
  }

  @Test
  @DisplayName("a time without an offset is refused naming at")
  void badTime() {
    Validation.Invalid v = (Validation.Invalid) VALIDATOR.validate(checkin().put("at", "2020-08-09 07:05"), NOW);
    assertThat(v.field()).isEqualTo("at");
  }

  @Test
  @DisplayName("bytes that are not JSON are refused as such")
  void notJson() {
    Validation.Invalid v = (Validation.Invalid) VALIDATOR.validate(Buffer.buffer("{nope"), NOW);
    assertThat(v.problem()).startsWith("not valid JSON");
  }

  @Test
  @DisplayName("an unknown event type is refused naming type")
  void unknownType() {
    Validation.Invalid v = (Validation.Invalid) VALIDATOR.validate(checkin().put("type", "checkin.deleted"), NOW);
    assertThat(v.field()).isEqualTo("type");
  }

  @Test
  @DisplayName("a missing required data field is refused naming data")
  void missingRequired() {
    JsonObject j = checkin();
    j.getJsonObject("data").remove("status");
    Validation.Invalid v = (Validation.Invalid) VALIDATOR.validate(j, NOW);
    assertThat(v.message()).contains("status");
  }

  /** A check-in's bytes with {@code note} (raw JSON text, quotes included) and {@code at} as given. */
  private static Buffer checkinBytes(String at, String noteJson) {
    return Buffer.buffer("{\"id\":\"c-1\",\"type\":\"checkin.submitted\",\"at\":\"" + at + "\",\"district\":\"long-xuyen\","
        + "\"data\":{\"status\":\"ok\",\"phone\":\"ok\",\"fax\":\"ok\",\"internet\":\"ok\",\"note\":" + noteJson + "}}");
  }

  @Test
  @DisplayName("what the strict parser refuses stays refused though its shape would pass the schemas' fast path")
  void strictBeforeTheFastPath() {
    CompiledSchema envelope = CompiledSchema.compile(loadSchema("envelope")).orElseThrow();
    CompiledSchema checkin = CompiledSchema.compile(loadSchema("checkin.submitted")).orElseThrow();
    assertThat(VALIDATOR.validate(checkinBytes("2020-08-09T07:05:00+07:00", "\"ok\""), NOW)).isInstanceOf(Validation.Valid.class);

    java.util.Map<String, Buffer> hostile = new java.util.LinkedHashMap<>();
    hostile.put("duplicate key", Buffer.buffer(checkinBytes("2020-08-09T07:05:00+07:00", "\"a\"").toString()
        .replace("\"status\":\"ok\"", "\"status\":\"ok\",\"status\":\"ok\"")));
    hostile.put("NUL", checkinBytes("2020-08-09T07:05:00+07:00", "\"a\\u0000b\""));
    hostile.put("lone surrogate", checkinBytes("2020-08-09T07:05:00+07:00", "\"a\\ud800b\""));
    for (var e : hostile.entrySet()) {
      JsonObject lenient = new JsonObject(e.getValue());
      assertThat(envelope.certainlyValid(lenient) && checkin.certainlyValid(lenient.getJsonObject("data")))
          .as("the fast path alone would pass the %s", e.getKey()).isTrue();
      assertThat(VALIDATOR.validate(e.getValue(), NOW)).as(e.getKey()).isInstanceOf(Validation.Invalid.class);
    }

    Buffer infinite = Buffer.buffer("{\"type\":\"probe.result\",\"at\":\"2020-08-09T07:05:00+07:00\","
        + "\"data\":{\"target\":\"province/portal\",\"status\":\"up\",\"latencyMs\":1e309}}");
    assertThat(VALIDATOR.validate(infinite, NOW)).isInstanceOf(Validation.Invalid.class);

    for (String at : new String[] {"1999-12-31T23:59:59+07:00", "2100-01-01T00:00Z", "0001-01-01T00:00:00Z"}) {
      assertThat(IsoDateTimes.parse(at)).as("parsed by hand: %s", at).isNotNull();
      Validation.Invalid v = (Validation.Invalid) VALIDATOR.validate(checkinBytes(at, "\"ok\""), NOW);
      assertThat(v.field()).as(at).isEqualTo("at");
      assertThat(v.message()).contains("2000", "2099");
    }
  }

  private static JsonObject loadSchema(String name) {
    try (var in = EventValidatorTest.class.getClassLoader().getResourceAsStream("kafka/schemas/" + name + ".json")) {
      return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
