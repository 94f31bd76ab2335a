package examops.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One of our JSON Schemas compiled into plain checks that can only answer "certainly valid" — the
 * fast path in front of the full validator. vertx-json-schema's validating method is larger than
 * HotSpot's huge-method limit (8,000 bytes of bytecode), so it is never JIT-compiled and runs
 * interpreted, and it compiles each {@code pattern} on every call: it was most of the CPU of both
 * ingest and replay. When this says valid, the schema holds; in every other case the full validator
 * decides and names the field. It is built from the same schema files, and a schema with a keyword
 * it does not know is never fast-pathed, so the published contract still decides.
 */
final class CompiledSchema {

  interface Check {
    boolean ok(Object value);
  }

  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description", "_comment", "examples");

  private final Check check;

  private CompiledSchema(Check check) {
    this.check = check;
  }

  /** The compiled schema, or empty when it uses a keyword this class does not handle. */
  static Optional<CompiledSchema> compile(JsonObject schema) {
    try {
      return Optional.of(new CompiledSchema(compileNode(schema)));
    } catch (UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** True only when the instance certainly satisfies the schema; false means "ask the full validator". */
  boolean certainlyValid(Object instance) {
    return check.ok(instance);
  }

  private static Check compileNode(JsonObject s) {
    List<Check> checks = new ArrayList<>();
    for (String key : s.fieldNames()) {
      if (ANNOTATIONS.contains(key)) continue;
      Object v = s.getValue(key);
      checks.add(switch (key) {
        case "type" -> type(v);
        case "enum" -> enumOf((JsonArray) v);
        case "pattern" -> pattern((String) v);
        case "minLength" -> str(x -> length(x) >= ((Number) v).intValue());
        case "maxLength" -> str(x -> length(x) <= ((Number) v).intValue() && x.length() <= ((Number) v).intValue());
        case "minimum" -> num(x -> x.doubleValue() >= ((Number) v).doubleValue());
        case "maximum" -> num(x -> x.doubleValue() <= ((Number) v).doubleValue());
        case "required" -> required((JsonArray) v);
        case "properties" -> properties((JsonObject) v, s.getValue("additionalProperties"));
        case "additionalProperties" -> additional(v, s.getJsonObject("properties"));
        case "items" -> items(compileNode((JsonObject) v));
        case "minItems" -> arr(a -> a.size() >= ((Number) v).intValue());
        case "maxItems" -> arr(a -> a.size() <= ((Number) v).intValue());
        case "uniqueItems" -> Boolean.TRUE.equals(v) ? arr(CompiledSchema::distinctStrings) : x -> true;
        default -> throw new UnsupportedOperationException(key);
      });
    }
    Check[] all = checks.toArray(new Check[0]);
    return value -> {
      for (Check c : all) if (!c.ok(value)) return false;
      return true;
    };
  }

  private static Check type(Object v) {
    if (!(v instanceof String t)) throw new UnsupportedOperationException("type " + v);
    return switch (t) {
      case "string" -> x -> x instanceof String;
      case "object" -> x -> x instanceof JsonObject || x instanceof Map;
      case "array" -> x -> x instanceof JsonArray || x instanceof List;
      case "boolean" -> x -> x instanceof Boolean;
      // Only plain integers are certain; 1.0 and big numbers are left to the full validator.
      case "integer" -> x -> x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte;
      case "number" -> x -> x instanceof Integer || x instanceof Long || x instanceof Double || x instanceof Float
          || x instanceof Short || x instanceof Byte;
      default -> throw new UnsupportedOperationException("type " + t);
    };
  }

  private static Check enumOf(JsonArray values) {
    Set<String> allowed = new HashSet<>();
    for (Object o : values) {
      if (!(o instanceof String s)) throw new UnsupportedOperationException("enum of non-strings");
      allowed.add(s);
    }
    return x -> x instanceof String s && allowed.contains(s);
  }

  private static Check pattern(String regex) {
    Check simple = SimplePatterns.compile(regex);
    if (simple != null) return simple;
    Pattern p = Pattern.compile(regex);
    // A line break is where Java's "$" and ECMAScript's differ: leave such strings to the full validator.
    // Anchored at the start, find() is lookingAt() but tries every start position first.
    if (regex.startsWith("^")) return str(s -> p.matcher(s).lookingAt() && !hasLineBreak(s));
    return str(s -> p.matcher(s).find() && !hasLineBreak(s));
  }

  private static boolean hasLineBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
    }
    return false;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  private static Check str(java.util.function.Predicate<String> p) {
    return x -> !(x instanceof String s) || p.test(s);
  }

  private static Check num(java.util.function.Predicate<Number> p) {
    return x -> !(x instanceof Number n) || (!(x instanceof Double d) || Double.isFinite(d)) && p.test(n);
  }

  /**
   * Objects and arrays are checked as the parser built them, plain maps and lists inside a
   * JsonObject: reading them through JsonObject wraps every nested value in a new JsonObject.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object x) {
    if (x instanceof JsonObject o) return o.getMap();
    return x instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object x) {
    if (x instanceof JsonArray a) return a.getList();
    return x instanceof List<?> l ? (List<Object>) l : null;
  }

  private static Check arr(java.util.function.Predicate<List<Object>> p) {
    return x -> {
      List<Object> a = asList(x);
      return a == null || p.test(a);
    };
  }

  private static boolean distinctStrings(List<Object> a) {
    Set<Object> seen = new HashSet<>();
    for (Object o : a) {
      if (!(o instanceof String s) || !seen.add(s)) return false;
    }
    return true;
  }

  private static Check required(JsonArray names) {
    String[] all = names.stream().map(String.class::cast).toArray(String[]::new);
    return x -> {
      Map<String, Object> o = asMap(x);
      if (o == null) return true;
      for (String name : all) if (!o.containsKey(name)) return false;
      return true;
    };
  }

  private static Check properties(JsonObject props, Object additional) {
    Map<String, Check> byName = new java.util.HashMap<>();
    for (String name : props.fieldNames()) byName.put(name, compileNode(props.getJsonObject(name)));
    return x -> {
      Map<String, Object> o = asMap(x);
      if (o == null) return true;
      for (Map.Entry<String, Object> e : o.entrySet()) {
        Check c = byName.get(e.getKey());
        if (c != null && !c.ok(e.getValue())) return false;
      }
      return true;
    };
  }

  private static Check additional(Object v, JsonObject props) {
    if (Boolean.TRUE.equals(v)) return x -> true;
    if (!Boolean.FALSE.equals(v)) throw new UnsupportedOperationException("additionalProperties schema");
    Set<String> known = props == null ? Set.of() : Set.copyOf(props.fieldNames());
    return x -> {
      Map<String, Object> o = asMap(x);
      if (o == null) return true;
      for (String name : o.keySet()) if (!known.contains(name)) return false;
      return true;
    };
  }

  private static Check items(Check each) {
    return arr(a -> {
      for (Object o : a) if (!each.ok(o)) return false;
      return true;
    });
  }
}
