package examops.report;

import examops.alert.AlertBook;
import examops.board.BoardState;
import examops.monitoring.Availability;
import examops.monitoring.TimeSpan;
import examops.province.ExamSession;
import examops.province.Province;
import examops.province.Target;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures the exam's Steering Committee asks for, beside the report's own sections:
 * availability over the exam sessions (the papers' start to end, not the whole clock day, so the
 * night before a paper does not dilute an outage during it), outage minutes per target (during the
 * sessions and over the measured period), and alerts counted once per onset (an alert cleared and
 * raised again for the same onset, or re-notified, is one alert).
 */
final class SteeringFigures {

  private SteeringFigures() {}

  /** The exam papers (start to end) inside the measured period, cut to it, in time order. */
  static List<Session> sessions(Province province, ReportWindow window) {
    TimeSpan measured = window.measured();
    List<Session> out = new ArrayList<>();
    for (ExamSession s : province.timetable()) {
      if (!s.isExam()) continue;
      Instant from = later(s.start(), measured.from());
      Instant to = earlier(s.end(), measured.to());
      if (from.isBefore(to)) out.add(new Session(s, new TimeSpan(from, to)));
    }
    out.sort(Comparator.comparing(x -> x.span().from()));
    return out;
  }

  record Session(ExamSession session, TimeSpan span) {}

  static JsonObject build(Province province, ReportLedger ledger, ReportWindow window) {
    BoardState state = ledger.state();
    List<Session> sessions = sessions(province, window);
    JsonArray sessionsJson = new JsonArray();
    sessions.forEach(s -> sessionsJson.add(new JsonObject().put("id", s.session().id())
        .put("names", Texts.json(s.session().name())).put("from", s.span().from().toString()).put("to", s.span().to().toString())));
    JsonArray key = new JsonArray();
    for (Target t : AvailabilitySection.keyServices(province)) {
      Availability inSessions = inSessions(province, state, t, sessions);
      Availability whole = AvailabilitySection.of(province, state, t, window.measured());
      key.add(AvailabilitySection.json(inSessions).put("id", t.id()).put("names", Texts.json(t.name()))
          .put("downSecWindow", whole.down().toSeconds()).put("unknownSecWindow", whole.unknown().toSeconds()));
    }
    Availability links = AvailabilitySection.sum(AvailabilitySection.siteLinks(province).stream()
        .map(t -> inSessions(province, state, t, sessions)).toList());
    return new JsonObject().put("sessions", sessionsJson).put("keyServices", key)
        .put("siteLinks", AvailabilitySection.json(links))
        .put("outages", outages(province, state, window, sessions))
        .put("alerts", onsets(AlertSection.raisedIn(ledger, new TimeSpan(window.fromInstant(), window.toInstant()))))
        .put("places", places(province, IncidentSection.reportedIn(state, new TimeSpan(window.fromInstant(), window.toInstant()))));
  }

  /** Where each incident happened, in words ("TP. Long Xuyên / Điểm thi THPT Long Xuyên"), by incident id. */
  static JsonObject places(Province province, List<examops.incident.Incident> incidents) {
    JsonObject out = new JsonObject();
    for (examops.incident.Incident i : incidents) {
      JsonObject names = new JsonObject();
      for (String lang : List.of("vi", "en")) {
        List<String> parts = new ArrayList<>();
        if (i.district() != null) parts.add(province.district(i.district()).map(d -> d.name().in(lang)).orElse(i.district()));
        if (i.site() != null) parts.add(province.site(i.site()).map(s -> s.name().in(lang)).orElse(i.site()));
        if (!parts.isEmpty()) names.put(lang, String.join(" / ", parts));
      }
      if (!names.isEmpty()) out.put(i.id(), names);
    }
    return out;
  }

  /** A target's time summed over the sessions. */
  static Availability inSessions(Province province, BoardState state, Target t, List<Session> sessions) {
    return AvailabilitySection.sum(sessions.stream().map(s -> AvailabilitySection.of(province, state, t, s.span())).toList());
  }

  /** Every target that was down at some time in the measured period, longest outage during the sessions first. */
  static JsonArray outages(Province province, BoardState state, ReportWindow window, List<Session> sessions) {
    record Row(Target target, Duration inSessions, Duration whole) {}
    List<Row> rows = new ArrayList<>();
    for (Target t : province.targets()) {
      Duration whole = AvailabilitySection.of(province, state, t, window.measured()).down();
      if (whole.isZero()) continue;
      rows.add(new Row(t, inSessions(province, state, t, sessions).down(), whole));
    }
    rows.sort(Comparator.comparing(Row::inSessions).thenComparing(Row::whole).reversed()
        .thenComparing(r -> r.target().id()));
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      Target t = r.target();
      JsonObject row = new JsonObject().put("id", t.id()).put("kind", t.kind().wireName()).put("names", Texts.json(t.name()))
          .put("downSecSessions", r.inSessions().toSeconds()).put("downSecWindow", r.whole().toSeconds())
          .put("downMinSessions", minutes(r.inSessions())).put("downMinWindow", minutes(r.whole()));
      if (t.district() != null) {
        province.district(t.district()).ifPresent(d -> row.put("district", d.id()).put("districtNames", Texts.json(d.name())));
      }
      out.add(row);
    }
    return out;
  }

  /**
   * Alerts counted once per onset: an alert's id is its rule, subject and onset, so raises under one
   * id (cleared and raised again, as after a maintenance window) are one onset.
   */
  static JsonObject onsets(List<AlertBook.Raised> raised) {
    Map<String, AlertBook.Raised> first = new LinkedHashMap<>();
    raised.forEach(a -> first.putIfAbsent(a.alertId(), a));
    Map<String, Integer> byRule = new TreeMap<>();
    Map<String, Integer> bySeverity = new TreeMap<>();
    Set<String> districts = new LinkedHashSet<>();
    for (AlertBook.Raised a : first.values()) {
      byRule.merge(a.rule() == null ? "unknown" : a.rule(), 1, Integer::sum);
      bySeverity.merge(a.severity() == null ? "unknown" : a.severity().wireName(), 1, Integer::sum);
      if (a.district() != null) districts.add(a.district());
    }
    JsonObject rules = new JsonObject();
    byRule.forEach(rules::put);
    JsonObject severities = new JsonObject();
    bySeverity.forEach(severities::put);
    return new JsonObject().put("onsets", first.size()).put("raises", raised.size())
        .put("byRule", rules).put("bySeverity", severities).put("districts", districts.size());
  }

  /** Whole minutes, rounded up: a 20-second outage is not "0 minutes". */
  static long minutes(Duration d) {
    return (d.toSeconds() + 59) / 60;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
