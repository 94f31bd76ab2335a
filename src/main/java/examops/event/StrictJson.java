package examops.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON parser for input from outside (HTTP bodies, records on the topics). Stricter than the
 * default so that what is accepted is what every later reader sees: the bytes must be UTF-8, keys may
 * not repeat (which value would count?), numbers must fit a double or a long, strings may not carry
 * control characters other than tab and line breaks or unpaired surrogates (which no encoder can write back), and nesting stays shallow.
 */
public final class StrictJson {

  /** Events nest three levels deep; anything far deeper is not an event. */
  public static final int MAX_DEPTH = 32;

  /** Duplicate keys are found as the tree is built (Jackson's own detection allocated a set per object). */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private StrictJson() {}

  /**
   * Parses one JSON value.
   *
   * @throws DecodeException with a message that names the problem
   */
  public static Object parse(Buffer raw) {
    return parse(raw.getBytes());
  }

  /**
   * Parses one JSON value from its UTF-8 bytes, checking as it builds the tree (one pass: parsing
   * twice, once to check and once to build, was half the cost of reading a record from the log).
   * Objects and arrays come back as {@link JsonObject} and {@link JsonArray} around plain maps and
   * lists, as Vert.x's own decoder builds them.
   *
   * @throws DecodeException with a message that names the problem
   */
  public static Object parse(byte[] utf8) {
    checkEncoding(utf8);
    try (JsonParser p = FACTORY.createParser(utf8)) {
      if (p.nextToken() == null) throw new DecodeException("empty document");
      Object value = value(p);
      if (p.nextToken() != null) throw new DecodeException("unexpected data after the JSON value");
      if (value instanceof Map<?, ?> map) return new JsonObject(cast(map));
      if (value instanceof List<?> list) return new JsonArray(list);
      return value;
    } catch (DecodeException e) {
      throw e;
    } catch (IOException e) {
      throw new DecodeException(describe(e));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /**
   * The bytes must be UTF-8 and nothing else: Jackson would read a byte-order mark or UTF-16/32 as
   * JSON too (it guesses the encoding from the first bytes), and is lenient about overlong forms
   * and encoded surrogates. A NUL byte can be neither JSON nor UTF-8 text in a string (it must be
   * escaped), and every UTF-16/32 document of ASCII text has one.
   */
  private static void checkEncoding(byte[] b) {
    int n = b.length;
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      throw new DecodeException("byte-order mark before the JSON value; send UTF-8 without one");
    }
    int i = 0;
    while (i < n) {
      // Eight ASCII bytes at a time, none of them NUL: nearly every byte of an event.
      while (i + 8 <= n) {
        long w = (long) LONGS.get(b, i);
        if ((w & 0x8080808080808080L) != 0 || ((w - 0x0101010101010101L) & ~w & 0x8080808080808080L) != 0) break;
        i += 8;
      }
      if (i >= n) break;
      int c = b[i];
      if (c > 0) {
        i++;
        continue;
      }
      if (c == 0) throw new DecodeException("NUL byte at offset " + i + " (UTF-16 or UTF-32 is not accepted; send UTF-8)");
      c &= 0xFF;
      int need;
      int min = 0x80;
      int max = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) min = 0xA0; // overlong
        if (c == 0xED) max = 0x9F; // UTF-16 surrogates
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) min = 0x90; // overlong
        if (c == 0xF4) max = 0x8F; // past U+10FFFF
      } else {
        throw notUtf8();
      }
      if (i + need >= n) throw notUtf8();
      int second = b[i + 1] & 0xFF;
      if (second < min || second > max) throw notUtf8();
      for (int k = 2; k <= need; k++) {
        if ((b[i + k] & 0xC0) != 0x80) throw notUtf8();
      }
      i += need + 1;
    }
  }

  private static DecodeException notUtf8() {
    return new DecodeException("not UTF-8: invalid byte sequence");
  }

  /** The value the parser stands on, checked: what the default parser lets through is refused here. */
  private static Object value(JsonParser p) throws IOException {
    switch (p.currentTokenId()) {
      case JsonTokenId.ID_START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
          checkText(key, p);
          p.nextToken();
          int size = map.size();
          map.put(key, value(p));
          if (map.size() == size) throw new DecodeException("duplicate key '" + key + "'");
        }
        return map;
      }
      case JsonTokenId.ID_START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
        return list;
      }
      case JsonTokenId.ID_STRING -> {
        String text = p.getText();
        checkText(text, p);
        return text;
      }
      case JsonTokenId.ID_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw new DecodeException("integer out of range at " + where(p));
        return p.getNumberValue();
      }
      case JsonTokenId.ID_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) throw new DecodeException("number out of range at " + where(p));
        return d;
      }
      case JsonTokenId.ID_TRUE -> {
        return Boolean.TRUE;
      }
      case JsonTokenId.ID_FALSE -> {
        return Boolean.FALSE;
      }
      case JsonTokenId.ID_NULL -> {
        return null;
      }
      default -> throw new DecodeException("unexpected " + p.currentToken() + " at " + where(p));
    }
  }

  private static void checkText(String s, JsonParser p) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        throw new DecodeException(String.format("control character U+%04X in a string at %s", (int) c, where(p)));
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (!paired) throw new DecodeException(String.format("unpaired surrogate U+%04X in a string at %s", (int) c, where(p)));
        i++;
      }
    }
  }

  private static String where(JsonParser p) {
    String path = p.getParsingContext().pathAsPointer().toString();
    return path.isEmpty() ? "the top level" : path;
  }

  private static String describe(IOException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int cut = m.indexOf('\n');
    m = cut < 0 ? m : m.substring(0, cut);
    if (m.contains("nesting depth")) return "nested deeper than " + MAX_DEPTH + " levels";
    return m.length() > 200 ? m.substring(0, 200) : m;
  }
}
