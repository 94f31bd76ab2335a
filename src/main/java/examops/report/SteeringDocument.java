package examops.report;

import examops.province.Province;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report for the exam's Steering Committee and the Provincial People's Committee, as an
 * administrative document in Vietnamese (or English): built from the report's own JSON (its
 * sections and {@link SteeringFigures}), with names instead of ids. Pure.
 */
final class SteeringDocument {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

  private final Province province;
  private final JsonObject report;
  private final Words w;

  private SteeringDocument(Province province, JsonObject report, Words words) {
    this.province = province;
    this.report = report;
    this.w = words;
  }

  static OfficialDocument build(Province province, JsonObject report, String language) {
    return new SteeringDocument(province, report, Words.of(language)).document();
  }

  private OfficialDocument document() {
    List<OfficialDocument.Block> body = new ArrayList<>();
    para(body, w.get("doc.intro", "authority", w.pick(report.getJsonObject("province").getJsonObject("authority")),
        "exam", w.pick(report.getJsonObject("province").getJsonObject("exam"))), false);
    results(body);
    sessions(body);
    outages(body);
    incidents(body);
    checkins(body);
    publishing(body);
    alerts(body);
    unitReports(body);
    para(body, w.get("doc.provenance", "generated", when(report.getString("generatedAt")),
        "records", report.getJsonObject("log").getValue("records")), true);
    return new OfficialDocument(letterhead(), body, new OfficialDocument.Signature(w.get("doc.recipientsLabel"),
        lines(w.get("doc.recipientsList")), w.get("doc.onBehalf"), w.get("doc.position"), w.get("doc.signHint"), ""));
  }

  private OfficialDocument.Letterhead letterhead() {
    JsonObject p = report.getJsonObject("province");
    String name = w.pick(p.getJsonObject("names"));
    ZonedDateTime at = Instant.parse(report.getString("generatedAt")).atZone(province.zone());
    String dateline = w.get("doc.dateline", "province", name, "d", at.getDayOfMonth(),
        "month", w.english() ? at.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) : at.getMonthValue(), "y", at.getYear());
    JsonObject period = report.getJsonObject("period");
    String periodLine = w.get("doc.period", "from", when(period.getString("from")), "to", when(period.getString("to")),
        "measured", when(period.getString("measuredTo")))
        + (period.getBoolean("complete", true) ? "" : " " + w.get("doc.notComplete"));
    return new OfficialDocument.Letterhead(w.get("doc.parent", "province", name.toUpperCase(locale())),
        w.pick(p.getJsonObject("authority")).toUpperCase(locale()), w.get("doc.number"), w.get("report.nation"),
        w.get("report.motto"), dateline, w.get("doc.title"),
        w.get("doc.subject", "exam", w.pick(p.getJsonObject("exam")), "province", name),
        w.get("doc.to"), w.get("doc.recipients"), periodLine);
  }

  private void results(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.results");
    JsonObject s = report.getJsonObject("steering");
    if (s.getJsonArray("sessions").isEmpty()) {
      para(body, w.get("doc.results.noSessions"), false);
    } else {
      para(body, "- " + w.get("doc.results.keyServices", "value", percent(keyAvailability(s.getJsonArray("keyServices")))), false);
      para(body, "- " + w.get("doc.results.siteLinks", "value", percent(s.getJsonObject("siteLinks").getDouble("availability"))), false);
    }
    JsonObject inc = report.getJsonObject("incidents");
    para(body, "- " + w.get("doc.results.incidents", "n", inc.getValue("total"),
        "critical", inc.getJsonObject("bySeverity").getValue("critical", 0), "open", inc.getValue("open"),
        "tta", duration(inc.getJsonObject("timeToAcknowledge").getLong("meanSec")),
        "ttr", duration(inc.getJsonObject("timeToResolve").getLong("meanSec"))), false);
    JsonObject c = report.getJsonObject("checkins").getJsonObject("total");
    para(body, "- " + w.get("doc.results.checkins", "value", percent(c.getDouble("punctuality")), "onTime", c.getValue("onTime"),
        "late", c.getValue("late"), "missed", c.getValue("missed")), false);
    JsonObject sites = report.getJsonObject("checkins").getJsonObject("sites");
    if (sites != null && !sites.getJsonArray("sites").isEmpty()) {
      JsonObject st = sites.getJsonObject("total");
      para(body, "- " + w.get("doc.results.siteCheckins", "value", percent(st.getDouble("punctuality")), "onTime", st.getValue("onTime"),
          "late", st.getValue("late"), "missed", st.getValue("missed"), "sites", sites.getJsonArray("sites").size()), false);
    }
    JsonObject pub = report.getJsonObject("publishing").getJsonObject("total");
    para(body, "- " + w.get("doc.results.publishing", "value", percent(pub.getDouble("compliance")), "onTime", pub.getValue("doneOnTime"),
        "late", pub.getValue("doneLate"), "missing", pub.getValue("missing")), false);
    para(body, "- " + w.get("doc.results.alerts", "onsets", s.getJsonObject("alerts").getValue("onsets")), false);
  }

  private void sessions(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.sessions");
    JsonObject s = report.getJsonObject("steering");
    JsonArray sessions = s.getJsonArray("sessions");
    if (sessions.isEmpty()) {
      para(body, w.get("doc.results.noSessions"), false);
      return;
    }
    List<String> names = new ArrayList<>();
    for (JsonObject x : objects(sessions)) {
      ZonedDateTime from = Instant.parse(x.getString("from")).atZone(province.zone());
      ZonedDateTime to = Instant.parse(x.getString("to")).atZone(province.zone());
      names.add(w.pick(x.getJsonObject("names")) + " " + HOUR.format(from) + "–" + HOUR.format(to) + " " + DAY.format(from));
    }
    para(body, w.get("doc.sessions.list", "list", String.join("; ", names)), false);
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (JsonObject k : objects(s.getJsonArray("keyServices"))) {
      rows.add(List.of(String.valueOf(++n), w.pick(k.getJsonObject("names")), percent(k.getDouble("availability")),
          minutes(k.getLong("downSec")), minutes(k.getLong("unknownSec")), minutes(k.getLong("downSecWindow"))));
    }
    JsonObject links = s.getJsonObject("siteLinks");
    rows.add(List.of(String.valueOf(++n), w.get("doc.siteLinksRow"), percent(links.getDouble("availability")),
        minutes(links.getLong("downSec")), minutes(links.getLong("unknownSec")), ""));
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("doc.col.service"), w.get("doc.col.availability"),
        w.get("doc.col.downSessions"), w.get("doc.col.unknownSessions"), w.get("doc.col.downWindow")), rows,
        new float[] {0.6f, 5f, 1.6f, 1.8f, 1.8f, 1.8f}, false));
    para(body, w.get("doc.sessions.note"), true);
  }

  private void outages(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.outages");
    JsonArray outages = report.getJsonObject("steering").getJsonArray("outages");
    if (outages.isEmpty()) {
      para(body, w.get("doc.outages.none"), false);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (JsonObject o : objects(outages)) {
      rows.add(List.of(String.valueOf(++n), w.pick(o.getJsonObject("names")),
          o.containsKey("districtNames") ? w.pick(o.getJsonObject("districtNames")) : w.get("doc.province"),
          String.valueOf(o.getLong("downMinSessions")), String.valueOf(o.getLong("downMinWindow"))));
    }
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("doc.col.target"), w.get("doc.col.unit"),
        w.get("doc.col.downSessions"), w.get("doc.col.downWindow")), rows, new float[] {0.6f, 5f, 2.2f, 1.8f, 1.8f}, false));
  }

  private void incidents(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.incidents");
    JsonArray list = report.getJsonObject("incidents").getJsonArray("list");
    if (list.isEmpty()) {
      para(body, w.get("report.incidents.none"), false);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (JsonObject i : objects(list)) {
      rows.add(List.of(String.valueOf(++n), i.getString("title", ""), w.get("severity." + i.getString("severity")), place(i),
          when(i.getString("reportedAt")), duration(i.getLong("timeToAcknowledgeSec")), duration(i.getLong("timeToResolveSec")),
          w.get("istate." + i.getString("state"))));
    }
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("doc.col.incident"), w.get("report.severity"),
        w.get("doc.col.place"), w.get("doc.col.reported"), w.get("doc.col.tta"), w.get("doc.col.ttr"), w.get("doc.col.state")),
        rows, new float[] {0.8f, 3.6f, 1.5f, 2.4f, 2.2f, 1.4f, 1.4f, 1.6f}, false));
  }

  /** "Long Xuyên / THPT Long Xuyên", from the province file's names; ids only for what the file does not know. */
  String place(JsonObject incident) {
    JsonObject names = report.getJsonObject("steering").getJsonObject("places").getJsonObject(incident.getString("id"));
    return names == null ? w.get("doc.province") : w.pick(names);
  }

  private void checkins(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.checkins");
    JsonObject c = report.getJsonObject("checkins");
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (JsonObject d : objects(c.getJsonArray("districts"))) rows.add(checkinRow(String.valueOf(++n), w.pick(d.getJsonObject("names")), d));
    rows.add(checkinRow("", w.get("report.total"), c.getJsonObject("total")));
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("report.district"), w.get("report.onTime"), w.get("report.late"),
        w.get("report.missed"), w.get("report.punctuality")), rows, new float[] {0.6f, 4f, 1.4f, 1.4f, 1.4f, 1.8f}, true));
    JsonObject sites = c.getJsonObject("sites");
    if (sites == null || sites.getJsonArray("districts").isEmpty()) return;
    para(body, w.get("doc.siteCheckins.lead"), false);
    List<List<String>> siteRows = new ArrayList<>();
    int m = 0;
    for (JsonObject d : objects(sites.getJsonArray("districts"))) {
      siteRows.add(checkinRow(String.valueOf(++m), w.pick(d.getJsonObject("names")) + " (" + d.getValue("sites") + ")", d));
    }
    siteRows.add(checkinRow("", w.get("report.total"), sites.getJsonObject("total")));
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("report.siteDistrict"), w.get("report.onTime"), w.get("report.late"),
        w.get("report.missed"), w.get("report.punctuality")), siteRows, new float[] {0.6f, 4f, 1.4f, 1.4f, 1.4f, 1.8f}, true));
  }

  private List<String> checkinRow(String no, String name, JsonObject x) {
    return List.of(no, name, String.valueOf(x.getValue("onTime")), String.valueOf(x.getValue("late")),
        String.valueOf(x.getValue("missed")), percent(x.getDouble("punctuality")));
  }

  private void publishing(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.publishing");
    JsonObject pub = report.getJsonObject("publishing");
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (JsonObject g : objects(pub.getJsonArray("byGroup"))) rows.add(publishingRow(String.valueOf(++n), w.pick(g.getJsonObject("names")), g));
    rows.add(publishingRow("", w.get("report.total"), pub.getJsonObject("total")));
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("report.unit"), w.get("report.items"), w.get("report.doneOnTime"),
        w.get("report.doneLate"), w.get("report.missing"), w.get("report.compliance")), rows,
        new float[] {0.6f, 4f, 1.3f, 1.3f, 1.3f, 1.3f, 1.6f}, true));
  }

  private List<String> publishingRow(String no, String name, JsonObject x) {
    return List.of(no, name, String.valueOf(x.getValue("items")), String.valueOf(x.getValue("doneOnTime")),
        String.valueOf(x.getValue("doneLate")), String.valueOf(x.getValue("missing")), percent(x.getDouble("compliance")));
  }

  private void alerts(List<OfficialDocument.Block> body) {
    heading(body, "doc.sec.alerts");
    JsonObject a = report.getJsonObject("steering").getJsonObject("alerts");
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (String rule : a.getJsonObject("byRule").fieldNames()) {
      rows.add(List.of(String.valueOf(++n), w.get("rule." + rule), String.valueOf(a.getJsonObject("byRule").getValue(rule))));
    }
    rows.add(List.of("", w.get("report.total"), String.valueOf(a.getValue("onsets"))));
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("report.rule"), w.get("doc.col.onsets")), rows,
        new float[] {0.6f, 6f, 2f}, true));
    para(body, w.get("doc.alerts.note"), true);
  }

  /** VIII: who has reported, then each report as it stands (what the unit did, incidents, figures, links). */
  private void unitReports(List<OfficialDocument.Block> body) {
    JsonObject section = report.getJsonObject("unitReports");
    if (section == null) return;
    heading(body, "doc.sec.unitReports");
    JsonObject t = section.getJsonObject("total");
    para(body, w.get("doc.unitReports.summary", "units", t.getValue("units"), "submitted", t.getValue("submitted"),
        "late", t.getValue("late"), "missing", t.getValue("missing"), "pending", t.getValue("pending"),
        "due", when(section.getString("due") == null ? null : OffsetDateTime.ofInstant(Instant.parse(section.getString("due")), province.zone()).toString())), false);
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (JsonObject u : objects(section.getJsonArray("units"))) {
      String first = u.getString("firstSubmittedAt");
      rows.add(List.of(String.valueOf(++n), w.pick(u.getJsonObject("names")), w.get("ureport.state." + u.getString("state")),
          first == null ? "—" : when(OffsetDateTime.ofInstant(Instant.parse(first), province.zone()).toString()),
          String.valueOf(u.getValue("versions"))));
    }
    body.add(new OfficialDocument.Table(List.of(w.get("doc.col.no"), w.get("report.unit"), w.get("doc.col.reportState"),
        w.get("doc.col.submitted"), w.get("doc.col.versions")), rows, new float[] {0.6f, 4.4f, 1.8f, 2.4f, 1.2f}, false));
    for (JsonObject u : objects(section.getJsonArray("units"))) {
      JsonObject r = u.getJsonObject("report");
      if (r == null) continue;
      body.add(new OfficialDocument.Heading(w.pick(u.getJsonObject("names")), true));
      para(body, w.get("doc.unitReports.did") + " " + r.getString("summary"), false);
      if (r.getString("incidents") != null && !r.getString("incidents").isBlank()) {
        para(body, w.get("doc.unitReports.incidents") + " " + r.getString("incidents"), false);
      }
      for (JsonObject f : objects(r.getJsonArray("figures"))) para(body, "- " + f.getString("label") + ": " + f.getString("value"), false);
      for (JsonObject a : objects(r.getJsonArray("attachments"))) {
        String title = a.getString("title");
        para(body, "- " + w.get("doc.unitReports.link") + " " + (title == null || title.isBlank() ? "" : title + ": ") + a.getString("url"), true);
      }
    }
  }

  /** Up time over the key services' session time less maintenance, all services together. */
  private static Double keyAvailability(JsonArray services) {
    long up = 0;
    long base = 0;
    for (JsonObject s : objects(services)) {
      up += s.getLong("upSec") + s.getLong("degradedSec");
      base += s.getLong("totalSec") - s.getLong("maintenanceSec");
    }
    return base > 0 ? (double) up / base : null;
  }

  private void heading(List<OfficialDocument.Block> body, String key) {
    body.add(new OfficialDocument.Heading(w.get(key), false));
  }

  private static void para(List<OfficialDocument.Block> body, String text, boolean note) {
    body.add(new OfficialDocument.Paragraph(text, note));
  }

  /** "99,87 %" (vi) or "99.87%" (en), two decimals so a 45-minute outage is not rounded away; "—" when undefined. */
  String percent(Double ratio) {
    if (ratio == null || ratio.isNaN()) return "—";
    String n = String.format(Locale.ROOT, "%.2f", ratio * 100);
    return w.english() ? n + "%" : n.replace('.', ',') + " %";
  }

  /** Whole minutes, rounded up ("0" only when nothing at all). */
  private static String minutes(Long seconds) {
    return seconds == null ? "—" : String.valueOf((seconds + 59) / 60);
  }

  private String duration(Long seconds) {
    if (seconds == null) return "—";
    long m = Math.round(seconds / 60.0);
    if (m < 60) return w.english() ? m + " min" : m + " phút";
    return w.english() ? (m / 60) + " h " + (m % 60) + " min" : (m / 60) + " giờ " + (m % 60) + " phút";
  }

  private String when(String iso) {
    if (iso == null) return "—";
    return WHEN.format(OffsetDateTime.parse(iso).atZoneSameInstant(province.zone()));
  }

  private Locale locale() {
    return w.english() ? Locale.ENGLISH : Locale.forLanguageTag("vi");
  }

  private static List<String> lines(String s) {
    return Arrays.asList(s.split("\n"));
  }

  private static List<JsonObject> objects(JsonArray a) {
    List<JsonObject> out = new ArrayList<>();
    a.forEach(o -> out.add((JsonObject) o));
    return out;
  }
}
