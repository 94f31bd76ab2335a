package examops.report;

import examops.province.LocalizedText;
import io.vertx.core.json.JsonObject;

/** Small JSON conventions shared by the report's sections. */
final class Texts {

  private Texts() {}

  static JsonObject json(LocalizedText t) {
    return new JsonObject().put("vi", t.vi()).put("en", t.en());
  }

  /** A ratio rounded to four places (0.9987), or null when it is undefined (NaN). */
  static Double ratio(double r) {
    return Double.isNaN(r) ? null : Math.round(r * 10_000) / 10_000.0;
  }
}
