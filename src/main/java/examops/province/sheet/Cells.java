package examops.province.sheet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of one row into the province file's JSON values, one problem per bad cell (so a
 * row with two bad cells shows both). {@link #ok()} says whether the row can be used.
 */
final class Cells {

  private static final Pattern SHORT_DURATION = Pattern.compile(
      "(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s)?", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[' ']['T']H:mm[:ss]");
  private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");
  private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;|]+");

  private final String file;
  private final Sheet.Row row;
  private final List<SheetProblem> problems;
  private final ZoneId zone;
  private boolean ok = true;

  Cells(String file, Sheet.Row row, List<SheetProblem> problems, ZoneId zone) {
    this.file = file;
    this.row = row;
    this.problems = problems;
    this.zone = zone;
  }

  int line() {
    return row.line();
  }

  boolean ok() {
    return ok;
  }

  boolean has(String column) {
    return !row.get(column).isEmpty();
  }

  /** The raw cell, "" when empty. */
  String raw(String column) {
    return row.get(column);
  }

  /** A required text. */
  String text(String column) {
    String v = row.get(column);
    if (v.isEmpty()) problem("ô \"" + column + "\" bị trống", "cell \"" + column + "\" is empty");
    return v;
  }

  /** An optional text: null when empty. */
  String optText(String column) {
    String v = row.get(column);
    return v.isEmpty() ? null : v;
  }

  /** {"vi", "en"} from column_vi and column_en (English may be empty: the same as Vietnamese). */
  JsonObject localized(String column, boolean required) {
    String vi = row.get(column + "_vi");
    String en = row.get(column + "_en");
    if (vi.isEmpty()) {
      if (required || !en.isEmpty()) problem("ô \"" + column + "_vi\" bị trống", "cell \"" + column + "_vi\" is empty");
      return null;
    }
    JsonObject text = new JsonObject().put("vi", vi);
    if (!en.isEmpty()) text.put("en", en);
    return text;
  }

  /** One of a closed set of words (case as written in the set). */
  String choice(String column, Collection<String> allowed, boolean required) {
    String v = row.get(column);
    if (v.isEmpty()) {
      if (required) problem("ô \"" + column + "\" bị trống", "cell \"" + column + "\" is empty");
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (allowed.contains(lower)) return lower;
    problem("\"" + column + "\" = \"" + v + "\" không phải một trong: " + String.join(", ", allowed),
        "\"" + column + "\" = \"" + v + "\" is not one of " + String.join(", ", allowed));
    return null;
  }

  /** An instant as the province file writes it (with an offset); a date-time without offset is in the province's zone. */
  String instant(String column, boolean required) {
    String v = row.get(column);
    if (v.isEmpty()) {
      if (required) problem("ô \"" + column + "\" bị trống", "cell \"" + column + "\" is empty");
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toString();
    } catch (DateTimeParseException e) {
      try {
        if (zone != null) return LocalDateTime.parse(v, LOCAL).atZone(zone).toOffsetDateTime().toString();
      } catch (DateTimeParseException ignored) {
        // reported below
      }
    }
    problem("\"" + column + "\" = \"" + v + "\" không phải thời điểm (ví dụ 2020-08-09T07:35:00+07:00 hoặc 2020-08-09 07:35)",
        "\"" + column + "\" = \"" + v + "\" is not a date and time (e.g. 2020-08-09T07:35:00+07:00 or 2020-08-09 07:35)");
    return null;
  }

  /** A duration, ISO-8601 (PT30M) or short (30m, 1h30m, 2d, 45s). */
  String duration(String column, boolean required) {
    String v = row.get(column);
    if (v.isEmpty()) {
      if (required) problem("ô \"" + column + "\" bị trống", "cell \"" + column + "\" is empty");
      return null;
    }
    try {
      return Duration.parse(v).toString();
    } catch (DateTimeParseException e) {
      Matcher m = SHORT_DURATION.matcher(v.strip());
      if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null || m.group(4) != null)) {
        Duration d = Duration.ofDays(num(m.group(1))).plusHours(num(m.group(2))).plusMinutes(num(m.group(3)))
            .plusSeconds(num(m.group(4)));
        return d.toString();
      }
    }
    problem("\"" + column + "\" = \"" + v + "\" không phải khoảng thời gian (ví dụ PT30M, 30m, 1h30m)",
        "\"" + column + "\" = \"" + v + "\" is not a duration (e.g. PT30M, 30m, 1h30m)");
    return null;
  }

  private static long num(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  /** A local clock time, written back as HH:mm (spreadsheets turn "07:00" into "7:00"). */
  String localTime(String column) {
    String v = row.get(column);
    if (v.isEmpty()) return null;
    try {
      return LocalTime.parse(v, CLOCK_TIME).toString();
    } catch (DateTimeParseException e) {
      problem("\"" + column + "\" = \"" + v + "\" không phải giờ trong ngày (ví dụ 07:00)",
          "\"" + column + "\" = \"" + v + "\" is not a time of day (e.g. 07:00)");
      return null;
    }
  }

  /** true/false, also as spreadsheets and people write them; null when empty. */
  Boolean bool(String column) {
    String v = row.get(column).toLowerCase(Locale.ROOT);
    if (v.isEmpty()) return null;
    switch (v) {
      case "true", "yes", "y", "1", "x", "có", "co", "đúng" -> {
        return true;
      }
      case "false", "no", "n", "0", "không", "khong", "sai" -> {
        return false;
      }
      default -> {
        problem("\"" + column + "\" = \"" + row.get(column) + "\" phải là true hoặc false (có/không)",
            "\"" + column + "\" = \"" + row.get(column) + "\" must be true or false (yes/no)");
        return null;
      }
    }
  }

  /** A whole number in [min, max]; null when empty. */
  Long number(String column, long min, long max) {
    String v = row.get(column);
    if (v.isEmpty()) return null;
    try {
      long n = Long.parseLong(v.replace(" ", ""));
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    problem("\"" + column + "\" = \"" + v + "\" phải là số nguyên từ " + min + " đến " + max,
        "\"" + column + "\" = \"" + v + "\" must be a whole number from " + min + " to " + max);
    return null;
  }

  /** Ids separated by spaces, commas, semicolons or '|'. */
  JsonArray list(String column) {
    JsonArray out = new JsonArray();
    String v = row.get(column);
    if (!v.isEmpty()) for (String item : LIST_SEPARATORS.split(v)) if (!item.isEmpty()) out.add(item);
    return out;
  }

  void problem(String vi, String en) {
    ok = false;
    problems.add(new SheetProblem(file, row.line(), vi, en));
  }
}
