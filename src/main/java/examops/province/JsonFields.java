package examops.province;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one JSON object of the province file, turning every type or format problem into a
 * {@link BadEntry} whose message names the entry (e.g. {@code targets[12] "x": kind ...}).
 * Keys starting with "_" are comments; any other key nobody read is reported, so a typo such as
 * "dependOn" is an error instead of a silently missing dependency.
 */
final class JsonFields {

  private final JsonObject json;
  private final String label;
  private final Set<String> read = new HashSet<>();

  private JsonFields(JsonObject json, String where) {
    this.json = json;
    Object id = json.getValue("id");
    // The root's label stays empty so its problems read "zone ..." rather than naming the province.
    this.label = id instanceof String s && !where.isEmpty() ? where + " \"" + s + "\"" : where;
  }

  static JsonFields of(Object value, String where) {
    if (!(value instanceof JsonObject obj)) {
      throw new BadEntry((where.isEmpty() ? "the file" : where) + ": expected an object, got " + describe(value));
    }
    return new JsonFields(obj, where);
  }

  String label() {
    return label;
  }

  BadEntry bad(String problem) {
    return new BadEntry(label.isEmpty() ? problem : label + ": " + problem);
  }

  boolean has(String key) {
    return json.getValue(key) != null;
  }

  String string(String key) {
    String s = optString(key);
    if (s == null || s.isBlank()) throw bad("\"" + key + "\" is missing");
    return s;
  }

  String optString(String key) {
    Object v = value(key);
    if (v == null) return null;
    if (!(v instanceof String s)) throw bad("\"" + key + "\" must be a string, got " + describe(v));
    return s;
  }

  boolean bool(String key, boolean otherwise) {
    Object v = value(key);
    if (v == null) return otherwise;
    if (!(v instanceof Boolean b)) throw bad("\"" + key + "\" must be true or false, got " + describe(v));
    return b;
  }

  long number(String key, long otherwise) {
    Object v = value(key);
    if (v == null) return otherwise;
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw bad("\"" + key + "\" must be a whole number, got " + describe(v));
    }
    return n.longValue();
  }

  Instant instant(String key) {
    String s = string(key);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw bad(key + " \"" + s + "\" is not an ISO-8601 date-time with offset (e.g. 2020-08-09T07:35:00+07:00)");
    }
  }

  Duration duration(String key, Duration otherwise) {
    String s = optString(key);
    if (s == null) {
      if (otherwise == null) throw bad("\"" + key + "\" is missing");
      return otherwise;
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(key + " \"" + s + "\" is not an ISO-8601 duration (e.g. PT30M)");
    }
  }

  LocalTime optLocalTime(String key) {
    String s = optString(key);
    if (s == null) return null;
    try {
      return LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(key + " \"" + s + "\" is not a local time (e.g. 07:00)");
    }
  }

  /** A text given either as {"vi": ..., "en": ...} or as one string for both languages. */
  LocalizedText text(String key) {
    Object v = value(key);
    if (v instanceof String s && !s.isBlank()) return LocalizedText.of(s);
    if (v instanceof JsonObject o && o.getValue("vi") instanceof String vi && !vi.isBlank()) {
      Object en = o.getValue("en");
      return new LocalizedText(vi, en instanceof String e ? e : null);
    }
    if (v == null) throw bad("\"" + key + "\" is missing");
    throw bad("\"" + key + "\" must be a string or {\"vi\": ..., \"en\": ...}");
  }

  LocalizedText optText(String key) {
    return has(key) ? text(key) : null;
  }

  List<String> strings(String key) {
    Object v = value(key);
    if (v == null) return List.of();
    if (!(v instanceof JsonArray a)) throw bad("\"" + key + "\" must be a list");
    List<String> out = new ArrayList<>();
    for (Object item : a) {
      if (!(item instanceof String s)) throw bad("\"" + key + "\" must list strings, got " + describe(item));
      out.add(s);
    }
    return out;
  }

  JsonArray array(String key) {
    Object v = value(key);
    if (v == null) return new JsonArray();
    if (!(v instanceof JsonArray a)) throw bad("\"" + key + "\" must be a list");
    return a;
  }

  JsonFields object(String key) {
    JsonFields nested = optObject(key);
    if (nested == null) throw bad("\"" + key + "\" is missing");
    return nested;
  }

  /** A nested object, or null when absent or explicitly null. */
  JsonFields optObject(String key) {
    Object v = value(key);
    return v == null ? null : JsonFields.of(v, label.isEmpty() ? key : label + "." + key);
  }

  <E extends Enum<E>> E choice(String key, Function<String, Optional<E>> parse, E[] values,
      Function<E, String> wireName) {
    String s = string(key);
    return parse.apply(s).orElseThrow(() -> bad(key + " \"" + s + "\" is not one of "
        + Arrays.stream(values).map(wireName).collect(Collectors.joining(", "))));
  }

  /** Fails on any key that was never read, except "_" comments. */
  void noOtherKeys() {
    List<String> unknown = json.fieldNames().stream()
        .filter(k -> !k.startsWith("_") && !read.contains(k)).sorted().toList();
    if (!unknown.isEmpty()) throw bad("unknown field(s) " + unknown);
  }

  private Object value(String key) {
    read.add(key);
    return json.getValue(key);
  }

  private static String describe(Object v) {
    return v == null ? "null" : v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  /** One entry of the file is malformed; the message names it. */
  static final class BadEntry extends RuntimeException {
    BadEntry(String message) {
      super(message, null, false, false);
    }
  }
}
