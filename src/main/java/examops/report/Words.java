package examops.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The screens' message files ({@code webroot/i18n/vi.json}, {@code en.json}) read on the server, so
 * the exported report says what the report page says, in the same words. {@code {name}}
 * placeholders are filled from the parameters; an unknown key reads as itself (as on the page).
 */
final class Words {

  private static final Map<String, JsonObject> LOADED = new ConcurrentHashMap<>();

  private final String language;
  private final JsonObject messages;

  private Words(String language, JsonObject messages) {
    this.language = language;
    this.messages = messages;
  }

  /** @param language {@code vi} or {@code en} */
  static Words of(String language) {
    String lang = "en".equals(language) ? "en" : "vi";
    return new Words(lang, LOADED.computeIfAbsent(lang, Words::load));
  }

  String language() {
    return language;
  }

  boolean english() {
    return "en".equals(language);
  }

  String get(String key, Object... params) {
    String text = messages.getString(key, key);
    for (int i = 0; i + 1 < params.length; i += 2) {
      text = text.replace("{" + params[i] + "}", String.valueOf(params[i + 1]));
    }
    return text;
  }

  /** The text of a {@code {"vi", "en"}} object in this language (Vietnamese when English is missing). */
  String pick(JsonObject names) {
    if (names == null) return "";
    String s = names.getString(language);
    return s == null || s.isBlank() ? names.getString("vi", "") : s;
  }

  private static JsonObject load(String lang) {
    String path = "webroot/i18n/" + lang + ".json";
    try (InputStream in = Words.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing message file " + path + " on the class path");
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
