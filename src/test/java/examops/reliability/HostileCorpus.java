package examops.reliability;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hostile requests for every ingest endpoint, generated from one valid body per endpoint: broken
 * JSON, wrong types, huge and deeply nested values, bad bytes, out-of-range numbers and dates,
 * duplicate keys, unknown fields, path tricks, oversized bodies and wrong content types. None of
 * them may be answered 5xx or written.
 */
final class HostileCorpus {

  /** One request: what it tries, where, the raw body and its content type (null: none sent). */
  record Case(String name, String path, byte[] body, String contentType) {
    @Override
    public String toString() {
      return path + " ← " + name;
    }
  }

  /** An endpoint and a body it would accept (or, for actions on missing entities, answer 404). */
  record Endpoint(String path, JsonObject valid, String textField) {}

  static final String AT = "2020-07-20T07:00:00+07:00";

  static List<Endpoint> endpoints() {
    return List.of(
        new Endpoint("/api/v1/monitoring", new JsonObject().put("id", "h-probe").put("at", AT).put("source", "agent:nms")
            .put("data", new JsonObject().put("target", "province/portal").put("status", "up").put("latencyMs", 12).put("detail", "ok")), "detail"),
        new Endpoint("/api/v1/checkins", new JsonObject().put("id", "h-checkin").put("at", AT).put("district", "chau-doc")
            .put("data", new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok").put("note", "ổn")), "note"),
        new Endpoint("/api/v1/publishing", new JsonObject().put("id", "h-pub").put("at", AT).put("district", "cho-moi")
            .put("data", new JsonObject().put("channel", "radio").put("item", "timetable").put("state", "in-progress").put("evidence", "x")), "evidence"),
        new Endpoint("/api/v1/incidents", new JsonObject().put("id", "h-inc").put("at", AT).put("district", "cho-moi")
            .put("data", new JsonObject().put("incidentId", "INC-H").put("title", "t").put("severity", "low").put("category", "other")), "title"),
        new Endpoint("/api/v1/incidents/INC-NONE/acknowledge", new JsonObject().put("id", "h-ack").put("at", AT)
            .put("data", new JsonObject().put("by", "trực ban")), "by"),
        new Endpoint("/api/v1/alerts/ALERT-NONE/acknowledge", new JsonObject().put("id", "h-alert").put("at", AT)
            .put("data", new JsonObject().put("by", "trực ban")), "by"),
        new Endpoint("/api/v1/maintenance", new JsonObject().put("id", "h-mnt").put("at", AT)
            .put("data", new JsonObject().put("windowId", "W-H").put("targets", new JsonArray().add("province/portal"))
                .put("to", "2020-07-20T09:00:00+07:00").put("reason", "thay thiết bị")), "reason"),
        new Endpoint("/api/v1/maintenance/W-NONE/end", new JsonObject().put("id", "h-end").put("at", AT)
            .put("data", new JsonObject().put("note", "xong")), "note"));
  }

  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (Endpoint e : endpoints()) out.addAll(against(e));
    return out;
  }

  private static List<Case> against(Endpoint e) {
    List<Case> c = new ArrayList<>();
    String valid = e.valid().encode();
    String json = "application/json";
    // Broken JSON
    for (String s : List.of("{", "{\"at\":}", "nul", "{'at': 1}", "{\"at\": \"x\",}", valid + "}", valid + " {}", "\"just a string\"", "42", "null")) {
      c.add(raw(e, "malformed " + abbreviate(s), s));
    }
    // Arrays instead of objects
    c.add(raw(e, "an array", "[]"));
    c.add(raw(e, "the event in an array", "[" + valid + "]"));
    c.add(json(e, "data an array", j -> j.put("data", new JsonArray().add(1))));
    c.add(json(e, "data a string", j -> j.put("data", "status=ok")));
    // Wrong types
    c.add(json(e, "id a number", j -> j.put("id", 12)));
    c.add(json(e, "id an object", j -> j.put("id", new JsonObject().put("$gt", ""))));
    c.add(json(e, "at a number", j -> j.put("at", 1_596_931_200)));
    c.add(json(e, "type an array", j -> j.put("type", new JsonArray().add("checkin.submitted"))));
    c.add(json(e, "district a boolean", j -> j.put("district", true)));
    c.add(json(e, e.textField() + " a number", j -> j.getJsonObject("data").put(e.textField(), 1)));
    c.add(json(e, e.textField() + " an object", j -> j.getJsonObject("data").put(e.textField(), new JsonObject())));
    // Another type's event
    c.add(json(e, "the wrong type", j -> j.put("type", e.path().contains("checkins") ? "probe.result" : "checkin.submitted")));
    c.add(json(e, "an unknown type", j -> j.put("type", "exam.leaked")));
    // Unknown fields
    c.add(json(e, "an unknown envelope field", j -> j.put("admin", true)));
    c.add(json(e, "an unknown data field", j -> j.getJsonObject("data").put("__proto__", new JsonObject().put("x", 1))));
    c.add(json(e, "a newer schema version", j -> j.put("schemaVersion", 2)));
    // Huge strings (under the body limit, over the field's)
    c.add(json(e, "a 20k " + e.textField(), j -> j.getJsonObject("data").put(e.textField(), "x".repeat(20_000))));
    c.add(json(e, "a 20k source", j -> j.put("source", "s".repeat(20_000))));
    c.add(json(e, "a 60k key", j -> j.put("k".repeat(60_000), 1)));
    // Deep nesting
    c.add(raw(e, "10k nested arrays", "[".repeat(10_000) + "]".repeat(10_000)));
    c.add(raw(e, "10k nested objects in data", valid.replace("\"data\":{", "\"data\":{" + "\"a\":{".repeat(10_000) + "}".repeat(10_000) + ",")));
    c.add(raw(e, "100 nested arrays in a field", valid.replace("\"at\":", "\"deep\":" + "[".repeat(100) + "]".repeat(100) + ",\"at\":")));
    // Bad bytes
    c.add(bytes(e, "invalid UTF-8 in a string", withBadByte(valid)));
    c.add(bytes(e, "a raw NUL byte", valid.replace("\"at\"", "\u0000\"at\"").getBytes(StandardCharsets.UTF_8)));
    c.add(json(e, "an escaped NUL in " + e.textField(), j -> j.getJsonObject("data").put(e.textField(), "a\u0000b")));
    c.add(json(e, "an escaped NUL in source", j -> j.put("source", "agent\u0000")));
    c.add(bytes(e, "a UTF-16 body", valid.getBytes(StandardCharsets.UTF_16)));
    c.add(raw(e, "an escaped lone surrogate", valid.replace("\"at\":", "\"source\":\"agent\\ud800\",\"at\":")));
    // Numbers
    for (String n : List.of("1e309", "-1e309", "123456789012345678901234567890", "NaN", "Infinity", "0x10", "01")) {
      c.add(raw(e, "the number " + n, valid.replace("\"at\":", "\"n\":" + n + ",\"at\":")));
      if (e.path().endsWith("monitoring")) c.add(raw(e, "latencyMs " + n, valid.replace("\"latencyMs\":12", "\"latencyMs\":" + n)));
    }
    // Duplicate keys
    c.add(raw(e, "a duplicate id", valid.replace("\"at\":", "\"id\":\"other\",\"at\":")));
    c.add(raw(e, "a duplicate data", valid.replace("\"at\":", "\"data\":{},\"at\":")));
    // Ids with path characters and such
    for (String id : List.of("../../etc/passwd", "/abs", "a b", "a\\b", "%2e%2e%2f", "<script>", "a".repeat(101), "")) {
      c.add(json(e, "the id " + abbreviate(id), j -> j.put("id", id)));
    }
    c.add(json(e, "the district ../x", j -> j.put("district", "../x")));
    // Dates
    for (String at : List.of("9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2020-13-45T25:61:00+07:00",
        "2020-08-09T07:05:00+25:00", "2020-08-09T07:05:00", "2020-02-30T07:05:00+07:00", "+12020-08-09T07:05:00Z", "yesterday")) {
      c.add(json(e, "at " + at, j -> j.put("at", at)));
    }
    // Date-times in data that the schemas' patterns let through but that are no dates: refused when the
    // payload is decoded, as the envelope's are
    if (e.valid().getJsonObject("data").containsKey("to")) {
      for (String t : List.of("2020-02-30T09:00:00+07:00", "2020-07-20T24:30+07:00")) {
        c.add(json(e, "data.to " + t, j -> j.getJsonObject("data").put("to", t)));
        c.add(json(e, "data.from " + t, j -> j.getJsonObject("data").put("from", t)));
      }
    }
    // Oversized bodies
    c.add(json(e, "a 70 KB body", j -> j.put("padding", "p".repeat(70_000))));
    c.add(raw(e, "a 2 MB body", "[" + "0,".repeat(1_000_000) + "0]"));
    // Content types
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x")) {
      c.add(new Case("content-type " + type, e.path(), valid.getBytes(StandardCharsets.UTF_8), type));
    }
    // Path tricks on the endpoints that take an id in the path
    if (e.path().split("/").length > 5) {
      String[] parts = e.path().split("/");
      for (String id : List.of("..%2F..%2Fetc", "%00", "a%20b", "%E2%80%AE", "x".repeat(300), "%FF%FE")) {
        parts[4] = id;
        c.add(new Case("path id " + abbreviate(id), String.join("/", parts), valid.getBytes(StandardCharsets.UTF_8), json));
      }
    }
    if (e.path().startsWith("/api/v1/maintenance") && !e.path().endsWith("/end")) {
      c.add(json(e, "to before from", j -> j.getJsonObject("data").put("from", "2020-07-20T10:00:00+07:00")));
      c.add(json(e, "to not a date", j -> j.getJsonObject("data").put("to", "2020-13-45T25:61+07:00")));
      c.add(json(e, "to in year 9999", j -> j.getJsonObject("data").put("to", "9999-12-31T23:59:59Z")));
      c.add(json(e, "an unknown target", j -> j.getJsonObject("data").put("targets", new JsonArray().add("../../etc"))));
      c.add(json(e, "10k targets", j -> {
        JsonArray t = new JsonArray();
        for (int i = 0; i < 10_000; i++) t.add("t" + i);
        j.getJsonObject("data").put("targets", t);
        return j;
      }));
    }
    return c;
  }

  private static Case raw(Endpoint e, String name, String body) {
    return bytes(e, name, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Case bytes(Endpoint e, String name, byte[] body) {
    return new Case(name, e.path(), body, "application/json");
  }

  private static Case json(Endpoint e, String name, UnaryOperator<JsonObject> change) {
    return raw(e, name, change.apply(e.valid().copy()).encode());
  }

  private static byte[] withBadByte(String valid) {
    byte[] b = valid.replace("\"at\":", "\"x\":\"AB\",\"at\":").getBytes(StandardCharsets.UTF_8);
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int i = s.indexOf("\"AB\"");
    b[i + 1] = (byte) 0xC3; // a lead byte followed by an ASCII byte
    b[i + 2] = (byte) 0x28;
    return b;
  }

  private static String abbreviate(String s) {
    return s.length() > 24 ? s.substring(0, 24) + "…(" + s.length() + ")" : s;
  }

  private HostileCorpus() {}
}
