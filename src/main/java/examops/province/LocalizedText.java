package examops.province;

import java.util.Objects;

/**
 * A text in Vietnamese (the UI default) and English. Where the file gives only one string, both
 * languages carry it: a proper name such as "Châu Đốc" needs no translation.
 */
public record LocalizedText(String vi, String en) {

  public LocalizedText {
    Objects.requireNonNull(vi, "vi");
    en = en == null || en.isBlank() ? vi : en;
  }

  public static LocalizedText of(String both) {
    return new LocalizedText(both, both);
  }

  /** The text for a language tag ("vi", "en"); anything else gets Vietnamese. */
  public String in(String language) {
    return "en".equals(language) ? en : vi;
  }
}
