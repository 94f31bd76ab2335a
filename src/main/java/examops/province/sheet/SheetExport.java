package examops.province.sheet;

import examops.vocabulary.Phase;
import examops.vocabulary.IncidentCategory;
import examops.province.Cadence;
import examops.province.Contact;
import examops.province.District;
import examops.province.ExamSession;
import examops.province.ExamSite;
import examops.province.GradingPeriod;
import examops.province.LocalizedText;
import examops.province.MaintenanceWindow;
import examops.province.Probe;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.province.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A province as the set of CSV files in {@link SheetFiles}: every value written out (defaults the
 * file left implicit included), times in the province's own zone, so that importing the files
 * gives the same province.
 */
public final class SheetExport {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final Province p;
  private final ZoneId zone;

  private SheetExport(Province p) {
    this.p = p;
    this.zone = p.zone();
  }

  /** Each file's name and bytes, in {@link SheetFiles#files()} order. */
  public static Map<String, byte[]> export(Province province) {
    SheetExport e = new SheetExport(province);
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(SheetFiles.PROVINCE, e.sheet(SheetFiles.PROVINCE, List.of(e.province())));
    out.put(SheetFiles.DISTRICTS, e.sheet(SheetFiles.DISTRICTS, province.districts().stream().map(SheetExport::district).toList()));
    out.put(SheetFiles.SITES, e.sheet(SheetFiles.SITES, province.districts().stream()
        .flatMap(d -> d.sites().stream()).map(SheetExport::site).toList()));
    out.put(SheetFiles.TARGETS, e.sheet(SheetFiles.TARGETS, province.targets().stream().map(SheetExport::target).toList()));
    out.put(SheetFiles.PUBLISHING, e.sheet(SheetFiles.PUBLISHING, province.publishing().stream().map(e::item).toList()));
    out.put(SheetFiles.TIMETABLE, e.sheet(SheetFiles.TIMETABLE, province.timetable().stream().map(e::session).toList()));
    out.put(SheetFiles.CADENCES, e.sheet(SheetFiles.CADENCES, e.cadences()));
    out.put(SheetFiles.CONTACTS, e.sheet(SheetFiles.CONTACTS, province.contacts().stream().map(SheetExport::contact).toList()));
    out.put(SheetFiles.MAINTENANCE, e.sheet(SheetFiles.MAINTENANCE, province.maintenance().stream().map(e::maintenance).toList()));
    out.put(SheetFiles.PROBE_PHASES, e.sheet(SheetFiles.PROBE_PHASES, e.probePhases()));
    out.put(SheetFiles.AFTER_EXAM, e.sheet(SheetFiles.AFTER_EXAM, e.afterExam()));
    out.put(SheetFiles.DEPARTMENTS, e.sheet(SheetFiles.DEPARTMENTS, province.departments().stream()
        .map(d -> row(d.id(), vi(d.name()), en(d.name()))).toList()));
    return out;
  }

  private byte[] sheet(String file, List<List<String>> rows) {
    List<String> columns = SheetFiles.columns(file);
    rows.forEach(r -> {
      if (r.size() != columns.size()) throw new IllegalStateException(file + ": row of " + r.size() + " cells for " + columns.size() + " columns");
    });
    return SheetWriter.write(columns, rows);
  }

  private List<String> province() {
    Optional<GradingPeriod> g = p.grading();
    return row(p.id(), vi(p.name()), en(p.name()), vi(p.authority()), en(p.authority()), vi(p.exam()), en(p.exam()),
        zone.getId(), time(p.window().start()), time(p.window().end()), duration(p.checkins().delayedAfter()),
        g.map(x -> time(x.start())).orElse(""), g.map(x -> time(x.end())).orElse(""),
        g.map(x -> bool(x.estimated())).orElse(""), g.map(x -> vi(x.note())).orElse(""), g.map(x -> en(x.note())).orElse(""));
  }

  private static List<String> district(District d) {
    return row(d.id(), vi(d.name()), en(d.name()));
  }

  private static List<String> site(ExamSite s) {
    return row(s.id(), s.district(), s.kind().wireName(), vi(s.name()), en(s.name()), s.address(), bool(s.checkins()),
        bool(s.sample()));
  }

  private static List<String> target(Target t) {
    Probe probe = t.probe();
    boolean http = probe != null && probe.url() != null;
    boolean tcp = probe != null && probe.host() != null;
    return row(t.id(), t.kind().wireName(), t.district(), t.site(), vi(t.name()), en(t.name()), list(t.dependsOn()),
        probe == null ? "" : probe.type().wireName(),
        http ? probe.url() : "", http ? String.valueOf(probe.expectStatus()) : "",
        tcp ? probe.host() : "", tcp ? String.valueOf(probe.port()) : "",
        probe == null ? "" : duration(probe.interval()), probe == null ? "" : duration(probe.timeout()),
        probe == null ? "" : String.valueOf(probe.latencyThresholdMs()), probe == null ? "" : bool(probe.enabled()),
        String.valueOf(t.damping().failuresToDown()), String.valueOf(t.damping().successesToUp()),
        duration(t.downAlertAfter()));
  }

  private List<String> item(PublishingItem i) {
    return row(i.channel().wireName(), i.item(), vi(i.name()), en(i.name()), time(i.due()), bool(i.perDistrict()));
  }

  private List<String> session(ExamSession s) {
    return row(s.id(), s.kind().wireName(), vi(s.name()), en(s.name()), time(s.open()), time(s.start()), time(s.end()));
  }

  private List<List<String>> cadences() {
    List<List<String>> rows = new ArrayList<>();
    for (Phase phase : Phase.values()) p.checkins().districtCadence(phase).ifPresent(c -> rows.add(cadence("district", phase.wireName(), c)));
    for (Phase phase : Phase.values()) p.checkins().siteCadence(phase).ifPresent(c -> rows.add(cadence("site", phase.wireName(), c)));
    p.checkins().gradingCadence().ifPresent(c -> rows.add(cadence("grading", "grading", c)));
    return rows;
  }

  private static List<String> cadence(String unit, String phase, Cadence c) {
    return row(unit, phase, duration(c.every()), duration(c.grace()), localTime(c.activeFrom()), localTime(c.activeTo()));
  }

  private static List<String> contact(Contact c) {
    return row(c.id(), vi(c.name()), en(c.name()), vi(c.role()), en(c.role()), c.district(), c.phone(), c.email(),
        list(c.categories().stream().map(IncidentCategory::wireName).toList()), list(c.rules()),
        c.minSeverity() == null ? "" : c.minSeverity().wireName(), c.language(), bool(c.leadership()),
        bool(c.feedback()), bool(c.sample()));
  }

  private List<String> maintenance(MaintenanceWindow m) {
    return row(m.id(), list(m.targets()), time(m.from()), time(m.to()), vi(m.reason()), en(m.reason()));
  }

  private List<List<String>> probePhases() {
    List<List<String>> rows = new ArrayList<>();
    for (Target t : p.targets()) {
      if (t.probe() == null) continue;
      for (Phase phase : Phase.values()) {
        var tuning = t.probe().phases().get(phase);
        if (tuning == null) continue;
        rows.add(row(t.id(), phase.wireName(), tuning.interval() == null ? "" : duration(tuning.interval()),
            tuning.latencyThresholdMs() <= 0 ? "" : String.valueOf(tuning.latencyThresholdMs())));
      }
    }
    return rows;
  }

  private List<List<String>> afterExam() {
    List<List<String>> rows = new ArrayList<>();
    p.afterExam().periods().forEach(x -> rows.add(row(x.stage().wireName(), time(x.start()), time(x.end()), "",
        bool(x.estimated()), vi(x.note()), en(x.note()))));
    p.afterExam().reportsDue().ifPresent(due -> rows.add(row("unit-reports", "", "", time(due), "",
        vi(p.afterExam().unitReportsNote()), en(p.afterExam().unitReportsNote()))));
    return rows;
  }

  private static List<String> row(String... cells) {
    return Arrays.stream(cells).map(c -> c == null ? "" : c).toList();
  }

  private String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }

  private static String duration(Duration d) {
    return d.toString();
  }

  private static String localTime(LocalTime t) {
    return t == null ? "" : t.toString();
  }

  private static String bool(boolean b) {
    return b ? "true" : "false";
  }

  private static String list(List<String> items) {
    return String.join(" ", items);
  }

  private static String vi(LocalizedText t) {
    return t == null ? "" : t.vi();
  }

  /** Empty when the English is the Vietnamese (a proper name): the reader gives it back that way. */
  private static String en(LocalizedText t) {
    return t == null || t.en().equals(t.vi()) ? "" : t.en();
  }
}
