package examops.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON parser for input from outside (HTTP bodies, records on the topics). Stricter than the
 * default so that what is accepted is what every later reader sees: the bytes must be UTF-8, keys may
 * not repeat (which value would count?), numbers must fit a double or a long, strings may not carry
 * control characters other than tab and line breaks or unpaired surrogates (which no encoder can write back), and nesting stays shallow.
 */
public final class StrictJson {

  /** Events nest three levels deep; anything far deeper is not an event. */
  public static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private StrictJson() {}

  /**
   * Parses one JSON value.
   *
   * @throws DecodeException with a message that names the problem
   */
  public static Object parse(Buffer raw) {
    String text = utf8(raw.getBytes());
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) throw new DecodeException("empty document");
      scan(p);
      if (p.nextToken() != null) throw new DecodeException("unexpected data after the JSON value");
    } catch (DecodeException e) {
      throw e;
    } catch (IOException e) {
      throw new DecodeException(describe(e));
    }
    return Json.decodeValue(text);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException("not UTF-8: invalid byte sequence");
    }
  }

  /** Walks the value the parser stands on, checking what the default parser lets through. */
  private static void scan(JsonParser p) throws IOException {
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case FIELD_NAME -> checkText(p.currentName(), p);
        case VALUE_STRING -> checkText(p.getText(), p);
        case VALUE_NUMBER_FLOAT -> {
          double d = p.getDoubleValue();
          if (Double.isInfinite(d) || Double.isNaN(d)) throw new DecodeException("number out of range at " + where(p));
        }
        case VALUE_NUMBER_INT -> {
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new DecodeException("integer out of range at " + where(p));
          }
        }
        default -> { }
      }
      if (depth == 0) return;
      t = p.nextToken();
      if (t == null) throw new DecodeException("unexpected end of the document");
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
    if (m.startsWith("Duplicate field")) return "duplicate key " + m.substring("Duplicate field ".length());
    if (m.contains("nesting depth")) return "nested deeper than " + MAX_DEPTH + " levels";
    return m.length() > 200 ? m.substring(0, 200) : m;
  }
}
