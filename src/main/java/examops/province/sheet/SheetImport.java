package examops.province.sheet;

import examops.vocabulary.Phase;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import examops.province.ProbeType;
import examops.province.Province;
import examops.province.ProvinceException;
import examops.province.ProvinceLoader;
import examops.province.SessionKind;
import examops.province.SiteKind;
import examops.province.TargetKind;
import examops.vocabulary.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a province file from its CSV files and validates it with the province loader's own rules,
 * reporting every problem at {@code file:line}. A row with a bad cell is left out of the build, but
 * its id is remembered, so what refers to it is not reported a second time.
 */
public final class SheetImport {

  /** The outcome: the province file and its province, or the problems (sorted by file and line). */
  public record Result(JsonObject json, Province province, List<SheetProblem> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Map<String, byte[]> files;
  private final List<SheetProblem> problems = new ArrayList<>();
  /** Where each entry of the built file came from: "targets[3]" → targets.csv line 5. */
  private final Map<String, Origin> origins = new HashMap<>();
  /** Ids of rows left out for bad cells, per list, so references to them are not reported again. */
  private final Set<String> broken = new HashSet<>();
  private final Set<String> listsWithBrokenRows = new HashSet<>();
  private boolean complete = true;
  /** Files that could not be read at all: what refers into them is not checked. */
  private final Set<String> unreadable = new HashSet<>();
  private ZoneId zone;

  record Origin(String file, int line) {}

  private SheetImport(Map<String, byte[]> files) {
    this.files = files;
  }

  /**
   * @param files the CSV files by name (as in {@link SheetFiles}); a missing required file is a problem
   */
  public static Result read(Map<String, byte[]> files) {
    return new SheetImport(files).build();
  }

  /** The CSV file names this importer reads. */
  public static List<String> fileNames() {
    return SheetFiles.files();
  }

  private Result build() {
    Map<String, Sheet> sheets = new LinkedHashMap<>();
    for (String name : SheetFiles.files()) {
      byte[] bytes = files.get(name);
      if (bytes == null) {
        if (!SheetFiles.OPTIONAL.contains(name)) {
          problems.add(new SheetProblem(name, 0, "thiếu tệp (các tệp cần có: " + required() + ")",
              "the file is missing (the files needed: " + required() + ")"));
          complete = false;
        }
        continue;
      }
      int before = problems.size();
      Sheet sheet = SheetReader.read(name, bytes, problems);
      if (sheet == null || (sheet.rows().isEmpty() && problems.size() > before)) {
        complete = false;
        unreadable.add(name);
      }
      if (sheet != null) sheets.put(name, sheet);
    }
    JsonObject root = province(sheets.get(SheetFiles.PROVINCE));
    JsonArray districts = districts(sheets.get(SheetFiles.DISTRICTS));
    sites(sheets.get(SheetFiles.SITES), districts);
    root.put("districts", districts);
    root.put("targets", each(sheets.get(SheetFiles.TARGETS), "targets", this::target));
    root.put("publishing", each(sheets.get(SheetFiles.PUBLISHING), "publishing", this::publishingItem));
    root.put("timetable", each(sheets.get(SheetFiles.TIMETABLE), "timetable", this::session));
    cadences(sheets.get(SheetFiles.CADENCES), root.getJsonObject("checkins"));
    root.put("contacts", each(sheets.get(SheetFiles.CONTACTS), "contacts", this::contact));
    root.put("maintenance", each(sheets.get(SheetFiles.MAINTENANCE), "maintenance", this::maintenance));
    AfterExamSheets after = new AfterExamSheets(problems, zone, id -> broken.contains("targets:" + id));
    after.probePhases(sheets.get(SheetFiles.PROBE_PHASES), root.getJsonArray("targets"));
    JsonObject afterExam = after.afterExam(sheets.get(SheetFiles.AFTER_EXAM));
    if (afterExam != null) root.put("afterExam", afterExam);
    JsonArray departments = each(sheets.get(SheetFiles.DEPARTMENTS), "departments",
        c -> new JsonObject().put("id", c.text("id")).put("name", c.localized("name", true)));
    if (sheets.containsKey(SheetFiles.DEPARTMENTS)) root.put("departments", departments);
    Province province = null;
    if (complete) {
      try {
        province = ProvinceLoader.parse(root.encode(), "sheets");
      } catch (ProvinceException e) {
        LoaderProblems.map(e.problems(), origins, broken, listsWithBrokenRows).forEach(problems::add);
      }
    }
    List<SheetProblem> sorted = new ArrayList<>(problems);
    Collections.sort(sorted);
    return sorted.isEmpty() ? new Result(inFileOrder(root), province, List.of()) : new Result(null, null, sorted);
  }

  /** The keys in the order a hand-written province file has them. */
  private static JsonObject inFileOrder(JsonObject root) {
    JsonObject out = new JsonObject();
    for (String key : List.of("id", "name", "authority", "exam", "zone", "window", "districts", "targets", "publishing",
        "timetable", "checkins", "contacts", "maintenance", "grading", "afterExam", "departments")) {
      if (root.containsKey(key)) out.put(key, root.getValue(key));
    }
    return out;
  }

  private static String required() {
    return String.join(", ", SheetFiles.files().stream().filter(f -> !SheetFiles.OPTIONAL.contains(f)).toList());
  }

  private JsonObject province(Sheet sheet) {
    JsonObject root = new JsonObject();
    JsonObject checkins = new JsonObject();
    root.put("checkins", checkins);
    if (sheet == null) return root;
    if (sheet.rows().size() != 1) {
      problems.add(new SheetProblem(sheet.file(), sheet.rows().isEmpty() ? 1 : sheet.rows().get(1).line(),
          "cần đúng một dòng dữ liệu (có " + sheet.rows().size() + ")",
          "needs exactly one data row (it has " + sheet.rows().size() + ")"));
      complete = false;
      if (sheet.rows().isEmpty()) return root;
    }
    Sheet.Row row = sheet.rows().get(0);
    String zoneId = row.get("zone");
    try {
      if (!zoneId.isEmpty()) zone = ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      zone = null;
    }
    Cells c = new Cells(sheet.file(), row, problems, zone);
    if (!c.text("zone").isEmpty() && zone == null) {
      c.problem("\"zone\" = \"" + zoneId + "\" không phải múi giờ (ví dụ Asia/Ho_Chi_Minh)",
          "\"zone\" = \"" + zoneId + "\" is not a time-zone id (e.g. Asia/Ho_Chi_Minh)");
    }
    root.put("id", c.text("id")).put("name", c.localized("name", true)).put("exam", c.localized("exam", true))
        .put("zone", zoneId)
        .put("window", new JsonObject().put("start", c.instant("window_start", true)).put("end", c.instant("window_end", true)));
    JsonObject authority = c.localized("authority", false);
    if (authority != null) root.put("authority", authority);
    String delayed = c.duration("checkin_delayed_after", false);
    if (delayed != null) checkins.put("delayedAfter", delayed);
    String start = c.instant("grading_start", false);
    String end = c.instant("grading_end", false);
    Boolean estimated = c.bool("grading_estimated");
    JsonObject note = c.localized("grading_note", false);
    if (c.has("grading_start") != c.has("grading_end")) {
      c.problem("cho cả grading_start và grading_end, hoặc để trống cả hai", "give both grading_start and grading_end, or neither");
    } else if (!c.has("grading_start") && (estimated != null || note != null)) {
      c.problem("grading_estimated và grading_note cần grading_start và grading_end", "grading_estimated and grading_note need grading_start and grading_end");
    } else if (start != null && end != null) {
      JsonObject grading = new JsonObject().put("start", start).put("end", end);
      if (estimated != null) grading.put("estimated", estimated);
      if (note != null) grading.put("note", note);
      root.put("grading", grading);
    }
    origins.put("province", new Origin(sheet.file(), row.line()));
    if (!c.ok()) complete = false;
    return root;
  }

  private JsonArray districts(Sheet sheet) {
    return each(sheet, "districts", c -> new JsonObject().put("id", c.text("id"))
        .put("name", c.localized("name", true)).put("sites", new JsonArray()));
  }

  private void sites(Sheet sheet, JsonArray districts) {
    if (sheet == null) return;
    Map<String, Integer> districtIndex = new HashMap<>();
    for (int i = 0; i < districts.size(); i++) districtIndex.putIfAbsent(districts.getJsonObject(i).getString("id"), i);
    for (Sheet.Row row : sheet.rows()) {
      Cells c = new Cells(sheet.file(), row, problems, zone);
      String id = c.text("id");
      String district = c.text("district");
      JsonObject site = new JsonObject().put("id", id).put("name", c.localized("name", true));
      String kind = c.choice("kind", wireNames(SiteKind.values(), SiteKind::wireName), false);
      if (kind != null) site.put("kind", kind);
      putIfPresent(site, "address", c.optText("address"));
      putIfPresent(site, "checkins", c.bool("checkins"));
      putIfPresent(site, "sample", c.bool("sample"));
      Integer index = districtIndex.get(district);
      if (index == null && !district.isEmpty() && !broken.contains("districts:" + district)
          && !unreadable.contains(SheetFiles.DISTRICTS)) {
        c.problem("huyện \"" + district + "\" không có trong " + SheetFiles.DISTRICTS,
            "district \"" + district + "\" is not in " + SheetFiles.DISTRICTS);
      }
      if (!c.ok() || index == null) {
        leftOut("sites", id);
        continue;
      }
      JsonArray list = districts.getJsonObject(index).getJsonArray("sites");
      origins.put("districts[" + index + "].sites[" + list.size() + "]", new Origin(sheet.file(), row.line()));
      list.add(site);
    }
  }

  private JsonObject target(Cells c) {
    JsonObject t = new JsonObject().put("id", c.text("id"))
        .put("kind", c.choice("kind", wireNames(TargetKind.values(), TargetKind::wireName), true))
        .put("name", c.localized("name", true));
    putIfPresent(t, "district", c.optText("district"));
    putIfPresent(t, "site", c.optText("site"));
    JsonArray depends = c.list("depends_on");
    if (!depends.isEmpty()) t.put("dependsOn", depends);
    String type = c.choice("probe_type", wireNames(ProbeType.values(), ProbeType::wireName), false);
    List<String> probeColumns = List.of("probe_url", "probe_expect_status", "probe_host", "probe_port", "probe_interval",
        "probe_timeout", "probe_latency_threshold_ms", "probe_enabled");
    if (type == null) {
      if (!c.has("probe_type")) {
        probeColumns.stream().filter(c::has).findFirst().ifPresent(col -> c.problem(
            "\"" + col + "\" cần \"probe_type\" (http hoặc tcp)", "\"" + col + "\" needs \"probe_type\" (http or tcp)"));
      }
    } else {
      JsonObject probe = new JsonObject().put("type", type);
      boolean http = type.equals(ProbeType.HTTP.wireName());
      for (String col : http ? List.of("probe_host", "probe_port") : List.of("probe_url", "probe_expect_status")) {
        if (c.has(col)) c.problem("\"" + col + "\" không dùng cho probe " + type, "\"" + col + "\" is not used by a " + type + " probe");
      }
      if (http) {
        probe.put("url", c.text("probe_url"));
        putIfPresent(probe, "expectStatus", c.number("probe_expect_status", 100, 599));
      } else {
        probe.put("host", c.text("probe_host"));
        putIfPresent(probe, "port", c.number("probe_port", 1, 65535));
        if (!c.has("probe_port")) c.problem("ô \"probe_port\" bị trống", "cell \"probe_port\" is empty");
      }
      putIfPresent(probe, "latencyThresholdMs", c.number("probe_latency_threshold_ms", 0, Integer.MAX_VALUE));
      putIfPresent(probe, "interval", c.duration("probe_interval", false));
      putIfPresent(probe, "timeout", c.duration("probe_timeout", false));
      putIfPresent(probe, "enabled", c.bool("probe_enabled"));
      t.put("probe", probe);
    }
    Long failures = c.number("failures_to_down", 1, 1000);
    Long successes = c.number("successes_to_up", 1, 1000);
    if (failures != null || successes != null) {
      JsonObject damping = new JsonObject();
      putIfPresent(damping, "failuresToDown", failures);
      putIfPresent(damping, "successesToUp", successes);
      t.put("damping", damping);
    }
    putIfPresent(t, "downAlertAfter", c.duration("down_alert_after", false));
    return t;
  }

  private JsonObject publishingItem(Cells c) {
    JsonObject item = new JsonObject()
        .put("channel", c.choice("channel", wireNames(Channel.values(), Channel::wireName), true))
        .put("item", c.text("item")).put("name", c.localized("name", true)).put("due", c.instant("due", true));
    putIfPresent(item, "perDistrict", c.bool("per_district"));
    // The validator names an item by channel:item; keep that as its id for references.
    item.put("_key", item.getString("channel") + ":" + item.getString("item"));
    return item;
  }

  private JsonObject session(Cells c) {
    return new JsonObject().put("id", c.text("id"))
        .put("kind", c.choice("kind", wireNames(SessionKind.values(), SessionKind::wireName), true))
        .put("name", c.localized("name", true))
        .put("open", c.instant("open", true)).put("start", c.instant("start", true)).put("end", c.instant("end", true));
  }

  private void cadences(Sheet sheet, JsonObject checkins) {
    if (sheet == null) return;
    List<String> phases = wireNames(Phase.values(), Phase::wireName);
    Set<String> seen = new HashSet<>();
    for (Sheet.Row row : sheet.rows()) {
      Cells c = new Cells(sheet.file(), row, problems, zone);
      String unit = c.choice("unit", List.of("district", "site", "grading"), true);
      String phase = "grading".equals(unit) ? c.choice("phase", List.of("grading"), true) : c.choice("phase", phases, true);
      String every = c.duration("every", true);
      // The loader's own floor, checked here so it is said at its cell and the rules across rows still run.
      if (every != null && java.time.Duration.parse(every).compareTo(java.time.Duration.ofMinutes(1)) < 0) {
        c.problem("every phải ít nhất một phút (PT1M), đang là " + every, "every must be at least one minute (PT1M), not " + every);
      }
      JsonObject cadence = new JsonObject().put("every", every);
      putIfPresent(cadence, "grace", c.duration("grace", false));
      putIfPresent(cadence, "activeFrom", c.localTime("active_from"));
      putIfPresent(cadence, "activeTo", c.localTime("active_to"));
      if (unit != null && phase != null && !seen.add(unit + "/" + phase)) {
        c.problem("nhịp báo cáo của " + unit + " / " + phase + " có hai dòng", "two rows for the " + unit + " / " + phase + " cadence");
      }
      if (!c.ok() || unit == null || phase == null) {
        listsWithBrokenRows.add("checkins");
        continue;
      }
      if (unit.equals("grading")) {
        checkins.put("grading", cadence);
        origins.put("checkins.grading", new Origin(sheet.file(), row.line()));
      } else {
        JsonObject byPhase = checkins.getJsonObject(unit);
        if (byPhase == null) checkins.put(unit, byPhase = new JsonObject());
        byPhase.put(phase, cadence);
        origins.put("checkins." + unit + "." + phase, new Origin(sheet.file(), row.line()));
      }
    }
  }

  private JsonObject contact(Cells c) {
    JsonObject contact = new JsonObject().put("id", c.text("id")).put("name", c.localized("name", true));
    putIfPresent(contact, "role", c.localized("role", false));
    putIfPresent(contact, "district", c.optText("district"));
    putIfPresent(contact, "phone", c.optText("phone"));
    putIfPresent(contact, "email", c.optText("email"));
    JsonArray categories = c.list("categories");
    List<String> allowed = wireNames(IncidentCategory.values(), IncidentCategory::wireName);
    for (Object cat : categories) {
      if (!allowed.contains(cat)) c.problem("\"categories\": \"" + cat + "\" không phải một trong: " + String.join(", ", allowed),
          "\"categories\": \"" + cat + "\" is not one of " + String.join(", ", allowed));
    }
    if (!categories.isEmpty()) contact.put("categories", categories);
    JsonArray rules = c.list("rules");
    if (!rules.isEmpty()) contact.put("rules", rules);
    putIfPresent(contact, "minSeverity", c.choice("min_severity", wireNames(Severity.values(), Severity::wireName), false));
    putIfPresent(contact, "language", c.choice("language", List.of("vi", "en"), false));
    putIfPresent(contact, "leadership", c.bool("leadership"));
    putIfPresent(contact, "feedback", c.bool("feedback"));
    putIfPresent(contact, "sample", c.bool("sample"));
    return contact;
  }

  private JsonObject maintenance(Cells c) {
    return new JsonObject().put("id", c.text("id")).put("targets", c.list("targets"))
        .put("from", c.instant("from", true)).put("to", c.instant("to", true)).put("reason", c.localized("reason", true));
  }

  /** Reads each row; good rows go into the list (their origin remembered), bad ones are left out by id. */
  private JsonArray each(Sheet sheet, String list, Function<Cells, JsonObject> read) {
    JsonArray out = new JsonArray();
    if (sheet == null) return out;
    for (Sheet.Row row : sheet.rows()) {
      Cells c = new Cells(sheet.file(), row, problems, zone);
      JsonObject entry = read.apply(c);
      Object key = entry.remove("_key");
      String id = key != null ? (String) key : entry.getString("id");
      if (!c.ok()) {
        leftOut(list, id);
        continue;
      }
      origins.put(list + "[" + out.size() + "]", new Origin(sheet.file(), row.line()));
      out.add(entry);
    }
    return out;
  }

  private void leftOut(String list, String id) {
    listsWithBrokenRows.add(list);
    if (id != null && !id.isEmpty()) broken.add(list + ":" + id);
  }

  private static void putIfPresent(JsonObject o, String key, Object value) {
    if (value != null) o.put(key, value);
  }

  private static <E extends Enum<E>> List<String> wireNames(E[] values, Function<E, String> name) {
    return Arrays.stream(values).map(name).toList();
  }
}
