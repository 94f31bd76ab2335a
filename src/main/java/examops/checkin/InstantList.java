package examops.checkin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A sorted list of instants, saved compactly: when every one is a whole millisecond (as event times
 * are), the gaps between them in milliseconds as variable-length numbers, base64'd — a byte or two
 * per check-in instead of a 30-character date — else the instants written out.
 */
final class InstantList {

  private InstantList() {}

  static JsonObject save(List<Instant> sorted) {
    boolean millis = sorted.stream().allMatch(t -> t.getNano() % 1_000_000 == 0);
    if (!millis) {
      JsonArray all = new JsonArray();
      sorted.forEach(t -> all.add(t.toString()));
      return new JsonObject().put("iso", all);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(sorted.size() * 2 + 8);
    long previous = 0;
    for (Instant t : sorted) {
      long ms = t.toEpochMilli();
      writeVarLong(out, zigZag(ms - previous));
      previous = ms;
    }
    return new JsonObject().put("n", sorted.size()).put("ms", Base64.getEncoder().encodeToString(out.toByteArray()));
  }

  static List<Instant> restore(JsonObject saved) {
    JsonArray iso = saved.getJsonArray("iso");
    if (iso != null) {
      List<Instant> out = new ArrayList<>(iso.size());
      iso.forEach(o -> out.add(Instant.parse((String) o)));
      return out;
    }
    int n = saved.getInteger("n");
    byte[] bytes = Base64.getDecoder().decode(saved.getString("ms"));
    List<Instant> out = new ArrayList<>(n);
    int[] at = {0};
    long previous = 0;
    for (int i = 0; i < n; i++) {
      previous += unZigZag(readVarLong(bytes, at));
      out.add(Instant.ofEpochMilli(previous));
    }
    if (at[0] != bytes.length) throw new IllegalArgumentException("check-in times: " + (bytes.length - at[0]) + " bytes left over");
    return out;
  }

  private static long zigZag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unZigZag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static void writeVarLong(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarLong(byte[] bytes, int[] at) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new IllegalArgumentException("check-in times: a number longer than 64 bits");
  }
}
