package examops.province.sheet;

import examops.province.sheet.SheetImport.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the province loader's problems (which name entries of the built file, e.g.
 * {@code targets[12] "x": dependsOn "y" is not a target}) into problems at the CSV file and line
 * the entry came from, in the spreadsheets' words (their column names), in Vietnamese and English.
 * The rules stay the loader's; only the wording is the sheets'. A problem this catalog does not know
 * is still reported, at its file and line, in the loader's English.
 */
final class LoaderProblems {

  private static final Pattern SITE = Pattern.compile("^districts\\[(\\d+)](?: \"[^\"]*\")?\\.sites\\[(\\d+)](?: \"[^\"]*\")?(?:\\.\\w+)*: (.*)$", Pattern.DOTALL);
  private static final Pattern ENTRY = Pattern.compile("^(\\w+)\\[(\\d+)](?: \"[^\"]*\")?(?:\\.\\w+)*: (.*)$", Pattern.DOTALL);
  private static final Pattern CADENCE = Pattern.compile("^(checkins\\.(?:district|site)\\.[\\w-]+|checkins\\.grading): (.*)$", Pattern.DOTALL);
  private static final Pattern TOP = Pattern.compile("^(id|window|grading|checkins|timetable|targets)(?:\\.\\w+)?: (.*)$", Pattern.DOTALL);

  /** One wording: the loader's problem (its entry reduced to a kind, e.g. "targets[]") to the sheets' vi and en. */
  private record Wording(Pattern pattern, String vi, String en, String reference) {}

  private static final List<Wording> CATALOG = new ArrayList<>();
  private static final String SLUG_VI = "phải gồm chữ thường không dấu và số, nối bằng '-' (ví dụ long-xuyen)";
  private static final String SLUG_EN = "must be lower-case letters and digits joined by '-' (e.g. long-xuyen)";

  static {
    say("id: \"(.*)\" must be lower-case words joined by '-'", "id \"$1\" " + SLUG_VI, "id \"$1\" " + SLUG_EN);
    before("window: start", "end", "window_start", "window_end");
    say("\\w+\\[]: (id|item) must be lower-case words joined by '-'", "$1 " + SLUG_VI, "$1 " + SLUG_EN);
    duplicate("districts", "district", "huyện");
    say("sites\\[]: id must be \"(.*)\"", "id điểm phải có dạng \"$1\" (id huyện, dấu '/', rồi tên ngắn)",
        "the site id must read \"$1\" (the district id, '/', then a slug)");
    duplicate("sites", "site", "điểm");
    duplicate("targets", "target", "mục giám sát");
    ref("(?:targets|contacts)\\[]: district \"(.*)\" is not a district", "huyện \"$1\" không có trong districts.csv",
        "district \"$1\" is not in districts.csv", "districts");
    ref("targets\\[]: site \"(.*)\" is not an exam site", "điểm \"$1\" không có trong sites.csv",
        "site \"$1\" is not in sites.csv", "sites");
    say("targets\\[]: site \"(.*)\" is in district \"(.*)\", not \"(.*)\"", "điểm \"$1\" thuộc huyện \"$2\", không phải \"$3\"",
        "site \"$1\" is in district \"$2\", not \"$3\"");
    say("targets\\[]: a (.*) target needs a site", "mục loại $1 phải ghi điểm ở cột site", "a $1 target needs its site in column site");
    say("targets\\[]: dependsOn itself", "depends_on ghi chính mục này", "depends_on names the target itself");
    ref("targets\\[]: dependsOn \"(.*)\" is not a target", "depends_on: \"$1\" không có trong targets.csv",
        "depends_on: \"$1\" is not in targets.csv", "targets");
    say("targets\\[]: probe url \"(.*)\" must start with http:// or https://", "probe_url \"$1\" phải bắt đầu bằng http:// hoặc https://",
        "probe_url \"$1\" must start with http:// or https://");
    positive("targets\\[]: probe interval", "probe_interval");
    positive("targets\\[]: probe timeout", "probe_timeout");
    say("targets\\[]: probe timeout (.*) is longer than its interval (.*)", "probe_timeout $1 dài hơn probe_interval $2",
        "probe_timeout $1 is longer than probe_interval $2");
    notNegative("targets\\[]: downAlertAfter", "down_alert_after");
    say("targets: dependsOn cycle (.*)", "depends_on tạo thành vòng: $1", "depends_on goes round in a circle: $1");
    say("publishing\\[]: duplicate item for channel (.*)", "mục này của kênh $1 bị trùng (đã có ở dòng trước)",
        "duplicate item for channel $1");
    say("timetable: has no exam session", "lịch thi không có buổi thi nào (kind = exam)", "the timetable has no exam session (kind = exam)");
    say("timetable: has more than one site-check-in day", "lịch thi có hơn một ngày làm thủ tục (kind = site-check-in)",
        "the timetable has more than one site-check-in day");
    duplicate("timetable", "session", "buổi");
    say("timetable\\[]: open is after start", "open sau start", "open is after start");
    say("timetable\\[]: start is not before end", "start không trước end", "start is not before end");
    say("timetable\\[]: is outside the window", "buổi nằm ngoài window_start – window_end của province.csv",
        "the session is outside province.csv's window_start – window_end");
    say("timetable\\[]: opens before \"(.*)\" ends \\(.*\\)", "mở trước khi buổi \"$1\" kết thúc (các buổi phải theo thứ tự thời gian, không chồng nhau)",
        "opens before \"$1\" ends (sessions must be in time order, without overlap)");
    say("cadence: every must be at least one minute \\(PT1M\\); got (.*)", "every phải ít nhất một phút (PT1M), đang là $1",
        "every must be at least one minute (PT1M), not $1");
    positive("cadence: every", "every");
    notNegative("cadence: grace", "grace");
    say("cadence: give both activeFrom and activeTo, or neither", "cho cả active_from và active_to, hoặc để trống cả hai",
        "give both active_from and active_to, or neither");
    before("cadence: activeFrom", "activeTo", "active_from", "active_to");
    notNegative("checkins: delayedAfter", "checkin_delayed_after");
    duplicate("contacts", "contact", "người liên hệ");
    say("contacts\\[]: needs a phone or an email", "cần số điện thoại (phone) hoặc email", "needs a phone or an email");
    say("contacts\\[]: rules: \"(.*)\" is not one of (.*)", "rules: \"$1\" không phải một trong: $2", "rules: \"$1\" is not one of $2");
    duplicate("maintenance", "maintenance", "đợt bảo trì");
    before("maintenance\\[]: from", "to", "from", "to");
    say("maintenance\\[]: covers no targets", "không ghi mục giám sát nào (cột targets)", "names no targets (column targets)");
    ref("maintenance\\[]: target \"(.*)\" is not a target", "targets: \"$1\" không có trong targets.csv",
        "targets: \"$1\" is not in targets.csv", "targets");
    before("grading: start", "end", "grading_start", "grading_end");
    say("grading: is outside the window", "khoảng chấm thi nằm ngoài window_start – window_end",
        "the grading period is outside window_start – window_end");
    say("grading: the file has grading sites but no grading period.*",
        "có điểm chấm thi (kind = grading) trong sites.csv nhưng province.csv không có grading_start và grading_end",
        "sites.csv has grading sites (kind = grading) but province.csv gives no grading_start and grading_end");
  }

  private LoaderProblems() {}

  private static void say(String regex, String vi, String en) {
    ref(regex, vi, en, null);
  }

  /** "LIST[]: duplicate WHAT id": a row whose id an earlier row of the same file has. */
  private static void duplicate(String list, String what, String whatVi) {
    say(list + "\\[]: duplicate " + what + " id", "id " + whatVi + " bị trùng (đã có ở dòng trước)", "duplicate " + what + " id");
  }

  /** "FIELD must be positive", in the sheet's column name. */
  private static void positive(String field, String column) {
    say(field + " must be positive", column + " phải lớn hơn 0", column + " must be more than 0");
  }

  private static void notNegative(String field, String column) {
    say(field + " must not be negative", column + " không được âm", column + " must not be negative");
  }

  /** "FIRST must be before SECOND" ({@code first} carries the loader's prefix), in the sheet's column names. */
  private static void before(String first, String second, String firstColumn, String secondColumn) {
    say(first + " must be before " + second, firstColumn + " phải trước " + secondColumn, firstColumn + " must be before " + secondColumn);
  }

  /** A wording about a reference: not reported when the row it names was left out for its own problems. */
  private static void ref(String regex, String vi, String en, String list) {
    CATALOG.add(new Wording(Pattern.compile(regex, Pattern.DOTALL), vi, en, list));
  }

  static List<SheetProblem> map(List<String> loaderProblems, Map<String, Origin> origins, Set<String> broken,
      Set<String> listsWithBrokenRows) {
    List<SheetProblem> out = new ArrayList<>();
    Origin fallback = origins.getOrDefault("province", new Origin(SheetFiles.PROVINCE, 1));
    for (String problem : loaderProblems) {
      Origin origin;
      String kind;
      String message;
      Matcher m;
      if ((m = SITE.matcher(problem)).matches()) {
        origin = origins.get("districts[" + m.group(1) + "].sites[" + m.group(2) + "]");
        kind = "sites[]";
        message = m.group(3);
      } else if ((m = ENTRY.matcher(problem)).matches()) {
        origin = origins.get(m.group(1) + "[" + m.group(2) + "]");
        kind = m.group(1) + "[]";
        message = m.group(3);
      } else if ((m = CADENCE.matcher(problem)).matches()) {
        origin = origins.get(m.group(1));
        kind = "cadence";
        message = m.group(2);
      } else if ((m = TOP.matcher(problem)).matches()) {
        kind = m.group(1);
        message = m.group(2);
        origin = kind.equals("timetable") ? new Origin(SheetFiles.TIMETABLE, 1)
            : kind.equals("targets") ? new Origin(SheetFiles.TARGETS, 1) : fallback;
        if ((kind.equals("timetable") || kind.equals("targets")) && listsWithBrokenRows.contains(kind)) continue;
      } else {
        origin = fallback;
        kind = "";
        message = problem;
      }
      if (origin == null) origin = fallback;
      String normalized = kind.isEmpty() ? message : kind + ": " + message;
      SheetProblem sheetProblem = null;
      boolean suppressed = false;
      for (Wording w : CATALOG) {
        Matcher wm = w.pattern.matcher(normalized);
        if (!wm.matches()) continue;
        if (w.reference != null && broken.contains(w.reference + ":" + wm.group(1))) suppressed = true;
        sheetProblem = new SheetProblem(origin.file(), origin.line(), wm.replaceFirst(w.vi), wm.replaceFirst(w.en));
        break;
      }
      if (suppressed) continue;
      out.add(sheetProblem != null ? sheetProblem
          : new SheetProblem(origin.file(), origin.line(), "(kiểm tra của tệp tỉnh) " + message, message));
    }
    return out;
  }
}
