package examops.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one payload's fields for {@link Payload#decode}. The schemas have checked them, so nothing
 * here validates beyond what typing needs: a value that cannot be typed (an event built in code
 * without the schemas) is refused by name.
 */
final class PayloadFields {

  private final JsonObject data;

  PayloadFields(JsonObject data) {
    this.data = data;
  }

  String text(String name) {
    return data.getString(name);
  }

  Double number(String name) {
    return data.getDouble(name);
  }

  int whole(String name) {
    Integer n = data.getInteger(name);
    return n == null ? 0 : n;
  }

  boolean flag(String name) {
    return data.getBoolean(name, false);
  }

  /** A date-time with its offset, or null when absent. */
  OffsetDateTime time(String name) {
    String s = data.getString(name);
    if (s == null) return null;
    OffsetDateTime t = IsoDateTimes.parse(s);
    if (t == null) throw new UndecodablePayload("data." + name, "'" + s + "' is not a date-time with an offset");
    return t;
  }

  /** The strings of an array, or null when absent. */
  List<String> texts(String name) {
    JsonArray a = data.getJsonArray(name);
    if (a == null) return null;
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) out.add(a.getString(i));
    return List.copyOf(out);
  }

  /** The objects of an array, each read by {@code read}; empty when absent. */
  <T> List<T> objects(String name, Function<PayloadFields, T> read) {
    JsonArray a = data.getJsonArray(name);
    if (a == null) return List.of();
    List<T> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) out.add(read.apply(new PayloadFields(a.getJsonObject(i))));
    return List.copyOf(out);
  }

  /** A value of a closed set the schema requires. */
  <E> E required(String name, Optional<E> value) {
    if (value.isEmpty()) throw new UndecodablePayload("data." + name, "'" + data.getValue(name) + "' is not one of its values");
    return value.get();
  }

  /** A value of a closed set, or null when absent. */
  <E> E optional(String name, Optional<E> value) {
    if (value.isEmpty() && data.getValue(name) != null) return required(name, value);
    return value.orElse(null);
  }
}
