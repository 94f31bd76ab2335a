package examops.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The report's tables as CSV, from the report JSON (so the two can never disagree). Without a table
 * name: every table in one file, each introduced by a line {@code # name} and followed by a blank
 * line. With one: that table alone, header first. UTF-8 with a byte-order mark so Excel reads the
 * Vietnamese names; names in the language asked for. Ratios are decimals with a dot (0.9987),
 * durations whole seconds, times ISO-8601.
 */
public final class ReportCsv {

  public static final String BOM = "\uFEFF";

  /** The table names, in file order. */
  public static final List<String> TABLES = List.of("summary", "key-services", "site-links", "incidents",
      "incident-timeline", "incident-severity", "incident-category", "checkins", "site-checkins", "publishing",
      "publishing-items", "alerts", "days");

  private final JsonObject report;
  private final String lang;

  private ReportCsv(JsonObject report, String lang) {
    this.report = report;
    this.lang = "en".equals(lang) ? "en" : "vi";
  }

  /**
   * @param table one table's name, or null for all of them
   * @throws ReportWindow.BadParameter naming {@code table} when there is no such table
   */
  public static String write(JsonObject report, String table, String lang) {
    ReportCsv csv = new ReportCsv(report, lang);
    StringBuilder out = new StringBuilder(BOM);
    if (table != null && !table.isBlank()) {
      if (!TABLES.contains(table)) {
        throw new ReportWindow.BadParameter("table", "unknown table '" + table + "'; one of " + String.join(", ", TABLES));
      }
      csv.table(table).writeTo(out);
      return out.toString();
    }
    for (String name : TABLES) {
      out.append("# ").append(name).append("\r\n");
      csv.table(name).writeTo(out);
      out.append("\r\n");
    }
    return out.toString();
  }

  private CsvTable table(String name) {
    return switch (name) {
      case "summary" -> summary();
      case "key-services" -> keyServices();
      case "site-links" -> siteLinks();
      case "incidents" -> incidents();
      case "incident-timeline" -> timeline();
      case "incident-severity" -> severity();
      case "incident-category" -> category();
      case "checkins" -> checkins();
      case "site-checkins" -> siteCheckins();
      case "publishing" -> publishing();
      case "publishing-items" -> publishingItems();
      case "alerts" -> alerts();
      case "days" -> days();
      default -> throw new IllegalArgumentException(name);
    };
  }

  private CsvTable summary() {
    JsonObject p = report.getJsonObject("province");
    JsonObject period = report.getJsonObject("period");
    JsonObject inc = report.getJsonObject("incidents");
    return new CsvTable("summary", "key", "value")
        .row("province", name(p.getJsonObject("names"))).row("authority", name(p.getJsonObject("authority")))
        .row("exam", name(p.getJsonObject("exam"))).row("from", period.getString("from"))
        .row("to", period.getString("to")).row("measured_to", period.getString("measuredTo"))
        .row("complete", String.valueOf(period.getBoolean("complete"))).row("generated_at", report.getString("generatedAt"))
        .row("incidents", inc.getInteger("total"))
        .row("mtta_s", inc.getJsonObject("timeToAcknowledge").getLong("meanSec"))
        .row("mttr_s", inc.getJsonObject("timeToResolve").getLong("meanSec"))
        .row("checkin_punctuality", report.getJsonObject("checkins").getJsonObject("total").getDouble("punctuality"))
        .row("publishing_compliance", report.getJsonObject("publishing").getJsonObject("total").getDouble("compliance"))
        .row("alerts", report.getJsonObject("alerts").getInteger("total"));
  }

  private static final String[] AVAILABILITY = {"up_s", "degraded_s", "down_s", "unknown_s", "maintenance_s", "total_s",
      "availability", "availability_known"};

  private static Object[] availability(JsonObject a) {
    return new Object[] {a.getLong("upSec"), a.getLong("degradedSec"), a.getLong("downSec"), a.getLong("unknownSec"),
        a.getLong("maintenanceSec"), a.getLong("totalSec"), a.getDouble("availability"), a.getDouble("availabilityKnown")};
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(b), Stream.of(a)).toArray(String[]::new);
  }

  private static Object[] concat(Object[] a, Object... b) {
    return Stream.concat(Stream.of(b), Stream.of(a)).toArray();
  }

  private CsvTable keyServices() {
    CsvTable t = new CsvTable("key-services", concat(AVAILABILITY, "target", "kind", "district", "name"));
    each(report.getJsonObject("availability").getJsonArray("keyServices"), a -> t.row(concat(availability(a),
        a.getString("id"), a.getString("kind"), a.getString("district"), name(a.getJsonObject("names")))));
    return t;
  }

  private CsvTable siteLinks() {
    CsvTable t = new CsvTable("site-links", concat(AVAILABILITY, "district", "name", "kind", "targets"));
    each(report.getJsonObject("availability").getJsonArray("siteLinks"), d -> {
      String name = name(d.getJsonObject("names"));
      t.row(concat(availability(d), d.getString("district"), name, "all", d.getInteger("targets")));
      JsonObject byKind = d.getJsonObject("byKind");
      for (String kind : byKind.fieldNames()) {
        JsonObject k = byKind.getJsonObject(kind);
        t.row(concat(availability(k), d.getString("district"), name, kind, k.getInteger("targets")));
      }
    });
    return t;
  }

  private CsvTable incidents() {
    CsvTable t = new CsvTable("incidents", "id", "reported_at", "severity", "category", "district", "site", "title",
        "state", "assignee", "acknowledged_at", "resolved_at", "tta_s", "ttr_s", "escalations");
    each(report.getJsonObject("incidents").getJsonArray("list"), i -> t.row(i.getString("id"), i.getString("reportedAt"),
        i.getString("severity"), i.getString("category"), i.getString("district"), i.getString("site"), i.getString("title"),
        i.getString("state"), i.getString("assignee"), i.getString("acknowledgedAt"), i.getString("resolvedAt"),
        i.getLong("timeToAcknowledgeSec"), i.getLong("timeToResolveSec"), i.getInteger("escalations")));
    return t;
  }

  private CsvTable timeline() {
    CsvTable t = new CsvTable("incident-timeline", "incident", "at", "type", "by", "assignee", "severity", "note");
    each(report.getJsonObject("incidents").getJsonArray("list"), i -> each(i.getJsonArray("timeline"), e ->
        t.row(i.getString("id"), e.getString("at"), e.getString("type"), e.getString("by"), e.getString("assignee"),
            e.getString("severity"), e.getString("note"))));
    return t;
  }

  private CsvTable severity() {
    CsvTable t = new CsvTable("incident-severity", "severity", "count", "acknowledged", "resolved", "mtta_s", "max_tta_s",
        "mttr_s", "max_ttr_s");
    JsonObject inc = report.getJsonObject("incidents");
    each(inc.getJsonArray("bySeverityTiming"), s -> timingRow(t, s.getString("severity"), s));
    timingRow(t, "all", inc);
    return t;
  }

  private static void timingRow(CsvTable t, String label, JsonObject s) {
    JsonObject tta = s.getJsonObject("timeToAcknowledge");
    JsonObject ttr = s.getJsonObject("timeToResolve");
    t.row(label, s.getInteger("count"), s.getLong("acknowledged"), s.getLong("resolved"), tta.getLong("meanSec"),
        tta.getLong("maxSec"), ttr.getLong("meanSec"), ttr.getLong("maxSec"));
  }

  private CsvTable category() {
    CsvTable t = new CsvTable("incident-category", "category", "critical", "high", "medium", "low", "total");
    JsonObject inc = report.getJsonObject("incidents");
    JsonObject matrix = inc.getJsonObject("byCategorySeverity");
    for (String c : matrix.fieldNames()) {
      JsonObject r = matrix.getJsonObject(c);
      t.row(c, r.getLong("critical"), r.getLong("high"), r.getLong("medium"), r.getLong("low"), inc.getJsonObject("byCategory").getLong(c));
    }
    return t;
  }

  private CsvTable checkins() {
    CsvTable t = new CsvTable("checkins", "district", "name", "on_time", "late", "missed", "unscheduled", "expected", "punctuality");
    JsonObject c = report.getJsonObject("checkins");
    each(c.getJsonArray("districts"), d -> t.row(d.getString("district"), name(d.getJsonObject("names")), d.getLong("onTime"),
        d.getLong("late"), d.getLong("missed"), d.getLong("unscheduled"), d.getLong("expected"), d.getDouble("punctuality")));
    JsonObject all = c.getJsonObject("total");
    t.row("all", "", all.getLong("onTime"), all.getLong("late"), all.getLong("missed"), all.getLong("unscheduled"),
        all.getLong("expected"), all.getDouble("punctuality"));
    return t;
  }

  /** The sites' own check-ins: one row per site with a duty, then per district (its sites together), then all. */
  private CsvTable siteCheckins() {
    CsvTable t = new CsvTable("site-checkins", "site", "district", "kind", "name", "on_time", "late", "missed", "unscheduled", "expected",
        "punctuality");
    JsonObject s = report.getJsonObject("checkins").getJsonObject("sites");
    if (s == null) return t;
    each(s.getJsonArray("sites"), x -> t.row(x.getString("site"), x.getString("district"), x.getString("kind"), name(x.getJsonObject("names")),
        x.getLong("onTime"), x.getLong("late"), x.getLong("missed"), x.getLong("unscheduled"), x.getLong("expected"), x.getDouble("punctuality")));
    each(s.getJsonArray("districts"), x -> t.row("all", x.getString("district"), "", name(x.getJsonObject("names")),
        x.getLong("onTime"), x.getLong("late"), x.getLong("missed"), x.getLong("unscheduled"), x.getLong("expected"), x.getDouble("punctuality")));
    JsonObject all = s.getJsonObject("total");
    t.row("all", "all", "", "", all.getLong("onTime"), all.getLong("late"), all.getLong("missed"), all.getLong("unscheduled"),
        all.getLong("expected"), all.getDouble("punctuality"));
    return t;
  }

  private CsvTable publishing() {
    CsvTable t = new CsvTable("publishing", "group", "name", "channel", "items", "done_on_time", "done_late", "verified",
        "missing", "pending", "compliance");
    JsonObject p = report.getJsonObject("publishing");
    each(p.getJsonArray("rows"), r -> publishingRow(t, r.getString("group"), name(r.getJsonObject("names")), r.getString("channel"), r));
    each(p.getJsonArray("byChannel"), r -> publishingRow(t, "all", "", r.getString("channel"), r));
    publishingRow(t, "all", "", "all", p.getJsonObject("total"));
    return t;
  }

  private static void publishingRow(CsvTable t, String group, String name, String channel, JsonObject r) {
    t.row(group, name, channel, r.getInteger("items"), r.getInteger("doneOnTime"), r.getInteger("doneLate"),
        r.getInteger("verified"), r.getInteger("missing"), r.getInteger("pending"), r.getDouble("compliance"));
  }

  private CsvTable publishingItems() {
    CsvTable t = new CsvTable("publishing-items", "group", "channel", "item", "name", "due", "state", "outcome",
        "done_at", "verified_at", "evidence");
    each(report.getJsonObject("publishing").getJsonArray("items"), i -> t.row(i.getString("group"), i.getString("channel"),
        i.getString("item"), name(i.getJsonObject("names")), i.getString("due"), i.getString("state"), i.getString("outcome"),
        i.getString("doneAt"), i.getString("verifiedAt"), i.getString("evidence")));
    return t;
  }

  private CsvTable alerts() {
    CsvTable t = new CsvTable("alerts", "rule", "count");
    JsonObject byRule = report.getJsonObject("alerts").getJsonObject("byRule");
    byRule.fieldNames().forEach(r -> t.row(r, byRule.getInteger(r)));
    return t;
  }

  private CsvTable days() {
    CsvTable t = new CsvTable("days", "date", "incidents", "critical", "high", "medium", "low", "mtta_s", "mttr_s",
        "checkins_on_time", "checkins_late", "checkins_missed", "alerts", "key_services_availability",
        "site_links_availability", "publishing_items", "publishing_done_on_time", "publishing_done_late", "publishing_missing");
    each(report.getJsonArray("days"), d -> {
      JsonObject inc = d.getJsonObject("incidents");
      JsonObject sev = inc.getJsonObject("bySeverity");
      JsonObject c = d.getJsonObject("checkins");
      JsonObject p = d.getJsonObject("publishing");
      t.row(d.getString("date"), inc.getInteger("total"), sev.getLong("critical"), sev.getLong("high"), sev.getLong("medium"),
          sev.getLong("low"), inc.getJsonObject("timeToAcknowledge").getLong("meanSec"),
          inc.getJsonObject("timeToResolve").getLong("meanSec"), c.getLong("onTime"), c.getLong("late"), c.getLong("missed"),
          d.getJsonObject("alerts").getInteger("total"), d.getJsonObject("keyServices").getDouble("availability"),
          d.getJsonObject("siteLinks").getDouble("availability"), p.getInteger("items"), p.getInteger("doneOnTime"),
          p.getInteger("doneLate"), p.getInteger("missing"));
    });
    return t;
  }

  private String name(JsonObject names) {
    return names == null ? "" : names.getString(lang, names.getString("vi", ""));
  }

  private static void each(JsonArray array, Consumer<JsonObject> action) {
    if (array == null) return;
    List<JsonObject> items = new ArrayList<>();
    array.forEach(o -> items.add((JsonObject) o));
    items.forEach(action);
  }
}
