package examops.province;

import examops.province.JsonFields.BadEntry;
import examops.vocabulary.Channel;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Phase;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Maps the province file's JSON to records: types and formats only. A malformed entry is reported
 * and skipped, so one run lists every malformed entry; cross-entry rules are {@link ProvinceValidator}'s.
 */
final class ProvinceParser {

  private final List<String> problems = new ArrayList<>();
  private Damping probedDamping = new Damping(3, 2);
  private Damping reportedDamping = new Damping(1, 1);
  private Duration downAlertAfter = Duration.ofMinutes(5);
  private Duration probeInterval = Duration.ofSeconds(30);
  private Duration probeTimeout = Duration.ofSeconds(5);
  private long latencyThresholdMs = 0;

  /** The parsed province, or null when there were problems (then see {@link #problems()}). */
  Province parse(JsonObject root) {
    try {
      JsonFields f = JsonFields.of(root, "");
      readDefaults(f.optObject("defaults"));
      String id = f.string("id");
      LocalizedText name = f.text("name");
      LocalizedText authority = f.optText("authority");
      LocalizedText exam = f.text("exam");
      ZoneId zone = zone(f);
      JsonFields w = f.object("window");
      ExamWindow window = new ExamWindow(w.instant("start"), w.instant("end"));
      w.noOtherKeys();
      List<District> districts = each(f.array("districts"), "districts", this::district);
      List<Target> targets = each(f.array("targets"), "targets", this::target);
      List<PublishingItem> publishing = each(f.array("publishing"), "publishing", this::publishingItem);
      List<ExamSession> timetable = each(f.array("timetable"), "timetable", this::session);
      CheckinPolicy checkins = checkins(f.optObject("checkins"));
      List<Contact> contacts = each(f.array("contacts"), "contacts", this::contact);
      List<MaintenanceWindow> maintenance = each(f.array("maintenance"), "maintenance", this::maintenance);
      GradingPeriod grading = grading(f.optObject("grading"));
      AfterExam afterExam = AfterExamParser.afterExam(f.optObject("afterExam"), problems);
      List<Department> departments = f.has("departments")
          ? each(f.array("departments"), "departments", (d, where) -> new Department(d.string("id"), d.text("name")))
          : List.of();
      f.noOtherKeys();
      return problems.isEmpty()
          ? new Province(id, name, authority, exam, zone, window, districts, targets, publishing,
              timetable, checkins, contacts, maintenance, grading, afterExam, departments)
          : null;
    } catch (BadEntry e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  List<String> problems() {
    return problems;
  }

  private static ZoneId zone(JsonFields f) {
    String z = f.string("zone");
    try {
      return ZoneId.of(z);
    } catch (java.time.DateTimeException e) {
      throw f.bad("zone \"" + z + "\" is not a time-zone id (e.g. Asia/Ho_Chi_Minh)");
    }
  }

  private void readDefaults(JsonFields d) {
    if (d == null) return;
    JsonFields damping = d.optObject("damping");
    if (damping != null) probedDamping = damping(damping, probedDamping);
    JsonFields reported = d.optObject("reportedDamping");
    if (reported != null) reportedDamping = damping(reported, reportedDamping);
    downAlertAfter = d.duration("downAlertAfter", downAlertAfter);
    JsonFields probe = d.optObject("probe");
    if (probe != null) {
      probeInterval = probe.duration("interval", probeInterval);
      probeTimeout = probe.duration("timeout", probeTimeout);
      latencyThresholdMs = probe.number("latencyThresholdMs", latencyThresholdMs);
      probe.noOtherKeys();
    }
    d.noOtherKeys();
  }

  private <T> List<T> each(JsonArray array, String where, BiFunction<JsonFields, String, T> read) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      try {
        JsonFields f = JsonFields.of(array.getValue(i), where + "[" + i + "]");
        T value = read.apply(f, where + "[" + i + "]");
        f.noOtherKeys();
        out.add(value);
      } catch (BadEntry e) {
        problems.add(e.getMessage());
      }
    }
    return out;
  }

  private District district(JsonFields f, String where) {
    String id = f.string("id");
    List<ExamSite> sites = each(f.array("sites"), where + ".sites", (s, w) -> new ExamSite(
        s.string("id"), id, s.text("name"), s.optString("address"), s.bool("sample", false),
        s.bool("checkins", false),
        s.has("kind") ? s.choice("kind", SiteKind::fromWireName, SiteKind.values(), SiteKind::wireName) : SiteKind.EXAM));
    return new District(id, f.text("name"), sites);
  }

  private Target target(JsonFields f, String where) {
    JsonFields p = f.optObject("probe");
    Probe probe = p == null ? null : probe(p);
    JsonFields d = f.optObject("damping");
    Damping fallback = probe != null && probe.enabled() ? probedDamping : reportedDamping;
    return new Target(
        f.string("id"),
        f.text("name"),
        f.choice("kind", TargetKind::fromWireName, TargetKind.values(), TargetKind::wireName),
        f.optString("district"),
        f.optString("site"),
        f.strings("dependsOn"),
        probe,
        d == null ? fallback : damping(d, fallback),
        f.duration("downAlertAfter", downAlertAfter));
  }

  private Probe probe(JsonFields p) {
    ProbeType type = p.choice("type", ProbeType::fromWireName, ProbeType.values(), ProbeType::wireName);
    Probe probe = new Probe(
        type,
        type == ProbeType.HTTP ? p.string("url") : null,
        type == ProbeType.HTTP ? (int) p.number("expectStatus", 200) : 0,
        type == ProbeType.TCP ? p.string("host") : null,
        type == ProbeType.TCP ? (int) p.number("port", 0) : 0,
        p.number("latencyThresholdMs", latencyThresholdMs),
        p.duration("interval", probeInterval),
        p.duration("timeout", probeTimeout),
        p.bool("enabled", true),
        AfterExamParser.probePhases(p.optObject("phases")));
    p.noOtherKeys();
    return probe;
  }

  private static Damping damping(JsonFields d, Damping fallback) {
    Damping damping = new Damping(
        (int) d.number("failuresToDown", fallback.failuresToDown()),
        (int) d.number("successesToUp", fallback.successesToUp()));
    d.noOtherKeys();
    return damping;
  }

  private PublishingItem publishingItem(JsonFields f, String where) {
    return new PublishingItem(
        f.choice("channel", Channel::fromWireName, Channel.values(), Channel::wireName),
        f.string("item"),
        f.text("name"),
        f.instant("due"),
        f.bool("perDistrict", false));
  }

  private ExamSession session(JsonFields f, String where) {
    return new ExamSession(
        f.string("id"),
        f.choice("kind", SessionKind::fromWireName, SessionKind.values(), SessionKind::wireName),
        f.text("name"),
        f.instant("open"),
        f.instant("start"),
        f.instant("end"));
  }

  private CheckinPolicy checkins(JsonFields f) {
    if (f == null) return new CheckinPolicy(Map.of(), Map.of(), Duration.ofMinutes(10));
    try {
      JsonFields g = f.optObject("grading");
      CheckinPolicy policy = new CheckinPolicy(
          cadences(f.optObject("district")), cadences(f.optObject("site")),
          f.duration("delayedAfter", Duration.ofMinutes(10)), g == null ? null : cadence(g));
      f.noOtherKeys();
      return policy;
    } catch (BadEntry e) {
      problems.add(e.getMessage());
      return new CheckinPolicy(Map.of(), Map.of(), Duration.ofMinutes(10));
    }
  }

  private Map<Phase, Cadence> cadences(JsonFields f) {
    Map<Phase, Cadence> out = new EnumMap<>(Phase.class);
    if (f == null) return out;
    for (Phase phase : Phase.values()) {
      JsonFields c = f.optObject(phase.wireName());
      if (c == null) continue;
      out.put(phase, cadence(c));
    }
    f.noOtherKeys();
    return out;
  }

  private static Cadence cadence(JsonFields c) {
    Duration every = c.duration("every", null);
    // The report counts check-ins sent within one minute of each other as one burst (see CheckInBook).
    if (every != null && every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw c.bad("every must be at least one minute (PT1M); got " + every);
    }
    Cadence cadence = new Cadence(
        every, c.duration("grace", Duration.ZERO),
        c.optLocalTime("activeFrom"), c.optLocalTime("activeTo"));
    c.noOtherKeys();
    return cadence;
  }

  private GradingPeriod grading(JsonFields g) {
    if (g == null) return null;
    try {
      GradingPeriod period = new GradingPeriod(g.instant("start"), g.instant("end"), g.bool("estimated", false),
          g.optText("note"));
      g.noOtherKeys();
      return period;
    } catch (BadEntry e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private Contact contact(JsonFields f, String where) {
    List<IncidentCategory> categories = new ArrayList<>();
    for (String c : f.strings("categories")) {
      categories.add(IncidentCategory.fromWireName(c).orElseThrow(() -> f.bad(
          "category \"" + c + "\" is not one of security, outage, network, exam-data, other")));
    }
    String minSeverity = f.optString("minSeverity");
    Severity least = minSeverity == null ? null : Severity.fromWireName(minSeverity).orElseThrow(() -> f.bad(
        "minSeverity \"" + minSeverity + "\" is not one of critical, high, medium, low"));
    String language = f.optString("language");
    if (language != null && !language.equals("vi") && !language.equals("en")) {
      throw f.bad("language \"" + language + "\" is not one of vi, en");
    }
    return new Contact(
        f.string("id"), f.text("name"), f.optText("role"), f.optString("district"), categories,
        f.optString("phone"), f.optString("email"), f.bool("feedback", false), f.bool("sample", false),
        f.bool("leadership", false), f.strings("rules"), least, language);
  }

  private MaintenanceWindow maintenance(JsonFields f, String where) {
    return new MaintenanceWindow(
        f.string("id"), f.strings("targets"), f.instant("from"), f.instant("to"), f.text("reason"));
  }
}
