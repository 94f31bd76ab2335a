package examops.admission;

import examops.event.Event;
import examops.province.ExamWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the schema cannot say about an event from outside: when it may have happened, and what its
 * text may hold.
 *
 * <ul>
 *   <li>{@code at} no later than {@link #AHEAD} after the exam clock's now, and no earlier than
 *       {@link #BEFORE} before the province window opens (or before now, if that is earlier): a check-in
 *       dated 2099 would otherwise sit on the board as the latest one for good;</li>
 *   <li>no invisible formatting characters in any text (bidirectional overrides and isolates,
 *       zero-width spaces and joiners, the byte-order mark): they make a name or note read differently on
 *       the board, in the report and in a notification than what was stored.</li>
 * </ul>
 */
public final class PlausibleInput {

  static final Duration AHEAD = Duration.ofDays(1);
  static final Duration BEFORE = Duration.ofDays(30);

  /** A field at fault and why. */
  public record Problem(String field, String message) {}

  private PlausibleInput() {}

  public static Optional<Problem> check(Event e, Instant now, ExamWindow window) {
    Instant at = e.atInstant();
    if (at.isAfter(now.plus(AHEAD))) {
      return Optional.of(new Problem("at", "is more than " + AHEAD.toHours() + " h ahead of the exam clock (" + now + ")"));
    }
    Instant earliest = (now.isBefore(window.start()) ? now : window.start()).minus(BEFORE);
    if (at.isBefore(earliest)) {
      return Optional.of(new Problem("at", "is more than " + BEFORE.toDays() + " days before the exam window opens (" + earliest + " is the earliest)"));
    }
    return invisible(e.data(), "data");
  }

  /** The first string (value or key) holding an invisible formatting character, named by its path. */
  static Optional<Problem> invisible(Object value, String path) {
    if (value instanceof String s) {
      int at = firstInvisible(s);
      return at < 0 ? Optional.empty() : Optional.of(new Problem(path,
          String.format("holds the invisible formatting character U+%04X (bidirectional or zero-width text is not accepted)", (int) s.charAt(at))));
    }
    if (value instanceof JsonObject o) {
      for (String k : o.fieldNames()) {
        if (firstInvisible(k) >= 0) return Optional.of(new Problem(path, "a key holds an invisible formatting character"));
        Optional<Problem> p = invisible(o.getValue(k), path + "." + k);
        if (p.isPresent()) return p;
      }
    }
    if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        Optional<Problem> p = invisible(a.getValue(i), path + "[" + i + "]");
        if (p.isPresent()) return p;
      }
    }
    return Optional.empty();
  }

  /** Index of the first bidi control, zero-width character or BOM, or -1. */
  public static int firstInvisible(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2060' && c <= '\u2064'
          || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF' || c == '\u061C' || c == '\u180E') {
        return i;
      }
    }
    return -1;
  }
}
