package examops.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-pass strict parser: what it builds, what it refuses and why. */
@Tier.Unit
class StrictJsonTest {

  private static Object parse(String json) {
    return StrictJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Object parse(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
    return StrictJson.parse(b);
  }

  @Test
  @DisplayName("builds the same values Vert.x's decoder builds")
  void sameAsVertx() {
    String json = "{\"id\":\"x\",\"n\":7,\"big\":12345678901,\"f\":1.5,\"t\":true,\"no\":false,\"nil\":null,"
        + "\"note\":\"mất mạng 😀\",\"data\":{\"a\":[1,\"b\",{\"c\":[]}],\"e\":{}}}";
    JsonObject strict = (JsonObject) parse(json);
    assertThat(strict).isEqualTo(new JsonObject(json));
    assertThat(strict.getValue("n")).isInstanceOf(Integer.class);
    assertThat(strict.getValue("big")).isInstanceOf(Long.class);
    assertThat(strict.getValue("f")).isInstanceOf(Double.class);
    assertThat(strict.getJsonObject("data").getJsonArray("a").getJsonObject(2).getJsonArray("c")).isEmpty();
    assertThat(strict.fieldNames()).containsExactly("id", "n", "big", "f", "t", "no", "nil", "note", "data");
    assertThat(parse("[1,2]")).isEqualTo(new JsonArray().add(1).add(2));
    assertThat(parse(" \"s\" ")).isEqualTo("s");
    assertThat(parse("3")).isEqualTo(3);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\":1,\"a\":2}|duplicate key",
      "{\"a\":\"\\u0000\"}|control character U+0000",
      "{\"a\":\"\\ud800\"}|unpaired surrogate U+D800",
      "{\"a\":1e309}|number out of range",
      "{\"a\":123456789012345678901234567890}|integer out of range",
      "{\"a\":1} {}|unexpected data after the JSON value",
      "''|empty document",
      "{\"a\":|Unexpected end-of-input",
  })
  @DisplayName("refuses, naming the problem")
  void refuses(String json, String problem) {
    String text = "''".equals(json) ? "" : json;
    assertThatThrownBy(() -> parse(text)).isInstanceOf(DecodeException.class).hasMessageContaining(problem);
  }

  @Test
  @DisplayName("refuses nesting deeper than the limit")
  void depth() {
    String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
    assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nested deeper than " + StrictJson.MAX_DEPTH);
    String fine = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
    assertThat(parse(fine)).isInstanceOf(JsonArray.class);
  }

  @Test
  @DisplayName("refuses what is not UTF-8, even where Jackson would read it: a byte-order mark, UTF-16, overlong forms, encoded surrogates")
  void onlyUtf8() {
    assertThatThrownBy(() -> parse(0xEF, 0xBB, 0xBF, '{', '}')).hasMessageContaining("byte-order mark");
    assertThatThrownBy(() -> parse('{', 0, '}', 0)).hasMessageContaining("NUL byte");
    assertThatThrownBy(() -> parse('{', '"', 'n', 'o', 't', 'e', '"', ':', '"', 'l', 'o', 'n', 'g', ' ', 'w', 'o', 'r', 'd', 0, '"', '}'))
        .hasMessageContaining("NUL byte at offset 18");
    assertThatThrownBy(() -> parse(0xFE, 0xFF, 0, '{', 0, '}')).hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> parse('"', 0xC1, 0xBF, '"')).hasMessageContaining("not UTF-8"); // overlong U+007F
    assertThatThrownBy(() -> parse('"', 0xE0, 0x80, 0xAF, '"')).hasMessageContaining("not UTF-8"); // overlong '/'
    assertThatThrownBy(() -> parse('"', 0xED, 0xA0, 0x80, '"')).hasMessageContaining("not UTF-8"); // U+D800
    assertThatThrownBy(() -> parse('"', 0xF4, 0x90, 0x80, 0x80, '"')).hasMessageContaining("not UTF-8"); // past U+10FFFF
    assertThatThrownBy(() -> parse('"', 0xE1, 0xBA)).hasMessageContaining("not UTF-8"); // cut short
    assertThat(parse('"', 0xE1, 0xBA, 0xA5, '"')).isEqualTo("ấ");
    assertThat(parse('"', 0xF0, 0x9F, 0x98, 0x80, '"')).isEqualTo("😀");
  }

  @Test
  @DisplayName("agrees with the JDK's strict UTF-8 decoder on 200,000 random byte strings")
  void utf8AsTheJdk() {
    Random random = new Random(20200809);
    int disagreements = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] body = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < body.length; i++) {
        int pick = random.nextInt(4);
        body[i] = (byte) (pick == 0 ? 'a' + random.nextInt(26) : pick == 1 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
      }
      // ASCII before and after, of any length, so that the bytes fall anywhere in an eight-byte word.
      int pad = random.nextInt(20);
      byte[] doc = new byte[pad + body.length + 2 + random.nextInt(10)];
      java.util.Arrays.fill(doc, (byte) 'x');
      doc[0] = '"';
      System.arraycopy(body, 0, doc, 1 + pad, body.length);
      doc[doc.length - 1] = '"';
      boolean jdk = jdkAccepts(doc);
      boolean strict;
      try {
        StrictJson.parse(doc);
        strict = true;
      } catch (DecodeException e) {
        strict = !e.getMessage().contains("not UTF-8");
      }
      if (jdk != strict) disagreements++;
    }
    assertThat(disagreements).isZero();
  }

  private static boolean jdkAccepts(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
