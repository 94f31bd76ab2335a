package examops.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one validator on every path in (HTTP ingest and records read from Kafka): the JSON Schemas
 * in {@code kafka/schemas/} decide, so the published contract and the code cannot drift apart.
 * Thread-safe once built.
 */
public final class EventValidator {

  /** Events are small; anything larger is not an event (and would be refused by HTTP first). */
  public static final int MAX_EVENT_BYTES = 64 * 1024;
  /** The envelope version this node understands; a newer one is refused by name, not as a mere schema failure. */
  public static final int SCHEMA_VERSION = 1;
  /** Times outside these years are typing errors or garbage, never an exam window's facts. */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2099;

  private final Schema envelope;
  private final Map<EventType, Schema> dataByType = new EnumMap<>(EventType.class);

  /** The full validator, and the fast path that answers for the common, valid case (see {@link CompiledSchema}). */
  private record Schema(Validator validator, CompiledSchema fast) {}

  public EventValidator() {
    envelope = load("envelope");
    for (EventType t : EventType.values()) dataByType.put(t, load(t.wireName()));
  }

  private static Schema load(String name) {
    String resource = "kafka/schemas/" + name + ".json";
    try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("schema " + resource + " is missing from the classpath");
      JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Validator full = Validator.create(JsonSchema.of(schema.copy()), new JsonSchemaOptions()
          .setDraft(Draft.DRAFT202012)
          .setOutputFormat(OutputFormat.Basic)
          .setBaseUri("https://examops.example/schemas/"));
      return new Schema(full, CompiledSchema.compile(schema).orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates raw bytes as read from Kafka or an HTTP body. */
  public Validation validate(Buffer raw, Instant receivedAt) {
    return validate(raw == null ? null : raw.getBytes(), receivedAt);
  }

  /** Validates raw bytes (a record's value as the consumer read it: not copied). */
  public Validation validate(byte[] raw, Instant receivedAt) {
    if (raw == null || raw.length == 0) return new Validation.Invalid("", "empty body: expected a JSON event envelope");
    if (raw.length > MAX_EVENT_BYTES) {
      return new Validation.Invalid("", "event is " + raw.length + " bytes; the limit is " + MAX_EVENT_BYTES);
    }
    Object parsed;
    try {
      parsed = StrictJson.parse(raw);
    } catch (DecodeException e) {
      return new Validation.Invalid("", "not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (!(parsed instanceof JsonObject json)) return new Validation.Invalid("", "expected a JSON object (the event envelope)");
    return validate(json, receivedAt);
  }

  public Validation validate(JsonObject json, Instant receivedAt) {
    if (json.getValue("schemaVersion") instanceof Number v && v.doubleValue() > SCHEMA_VERSION) {
      return new Validation.Invalid("schemaVersion", "newer schema version " + v + "; this node understands " + SCHEMA_VERSION);
    }
    Validation.Invalid bad = check(envelope, json, "");
    if (bad != null) return bad;
    EventType type = EventType.fromWireName(json.getString("type")).orElseThrow();
    bad = check(dataByType.get(type), json.getJsonObject("data"), "data");
    if (bad != null) return bad;
    OffsetDateTime at = parseDateTime(json.getString("at"));
    if (at == null) {
      return new Validation.Invalid("at", "must be an ISO-8601 date-time with an offset, e.g. 2020-08-09T07:05:00+07:00");
    }
    if (!plausible(at)) {
      return new Validation.Invalid("at", "year must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    Instant received = receivedAt;
    if (json.containsKey("receivedAt")) {
      OffsetDateTime written = parseDateTime(json.getString("receivedAt"));
      if (written == null) return new Validation.Invalid("receivedAt", "must be an ISO-8601 date-time with an offset");
      received = written.toInstant();
    }
    if (type == EventType.CHECKIN_SUBMITTED && json.getString("district") == null) {
      return new Validation.Invalid("district", "is required for a check-in");
    }
    try {
      return new Validation.Valid(EventCodec.fromParts(json, type, at, received));
    } catch (UndecodablePayload untyped) {
      return new Validation.Invalid(untyped.field(), untyped.problem());
    }
  }

  private static Validation.Invalid check(Schema schema, Object instance, String prefix) {
    if (schema.fast() != null && schema.fast().certainlyValid(instance)) return null;
    OutputUnit out = schema.validator().validate(instance);
    if (Boolean.TRUE.equals(out.getValid())) return null;
    OutputUnit first = out.getErrors() == null || out.getErrors().isEmpty() ? out : deepest(out);
    String location = first.getInstanceLocation() == null ? "" : first.getInstanceLocation();
    String field = location.replaceFirst("^#?/?", "").replace('/', '.');
    if (!prefix.isEmpty()) field = field.isEmpty() ? prefix : prefix + "." + field;
    return new Validation.Invalid(field, describe(first));
  }

  /** The most specific error: the one whose instance location is longest. */
  private static OutputUnit deepest(OutputUnit out) {
    OutputUnit best = out.getErrors().get(0);
    for (OutputUnit e : out.getErrors()) {
      int byInstance = Integer.compare(len(e.getInstanceLocation()), len(best.getInstanceLocation()));
      if (byInstance > 0 || byInstance == 0 && len(e.getKeywordLocation()) > len(best.getKeywordLocation())) best = e;
    }
    return best;
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }

  private static String describe(OutputUnit e) {
    String error = e.getError() == null ? "is invalid" : e.getError();
    String keyword = e.getKeywordLocation() == null ? "" : e.getKeywordLocation();
    return keyword.isEmpty() ? error : error + " (" + keyword.replaceFirst("^#?/?", "") + ")";
  }

  private static boolean plausible(OffsetDateTime t) {
    return t.getYear() >= FIRST_YEAR && t.getYear() <= LAST_YEAR;
  }

  /** The date-time, or null when it is not one; parsed once, as the event keeps it. */
  private static OffsetDateTime parseDateTime(String s) {
    return IsoDateTimes.parse(s);
  }

  private static String firstLine(String s) {
    if (s == null) return "unparseable";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
