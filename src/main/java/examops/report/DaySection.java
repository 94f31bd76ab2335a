package examops.report;

import examops.board.BoardState;
import examops.incident.Incident;
import examops.monitoring.TimeSpan;
import examops.province.District;
import examops.province.ExamSession;
import examops.province.Province;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The same figures for each exam day in the period (local days of the exam sessions, cut to the
 * period): incidents and their timings, check-in punctuality, alerts, availability of the key
 * services and of the site links taken together, and the publishing items due that day.
 */
final class DaySection {

  private DaySection() {}

  static List<LocalDate> examDays(Province province) {
    return province.timetable().stream().filter(ExamSession::isExam)
        .map(s -> s.open().atZone(province.zone()).toLocalDate()).distinct().sorted().toList();
  }

  static JsonArray build(Province province, ReportLedger ledger, ReportWindow window,
      Map<District, List<Punctuality.Mark>> marks, List<PublishingSection.Judged> judged) {
    BoardState state = ledger.state();
    JsonArray days = new JsonArray();
    for (LocalDate day : examDays(province)) {
      Instant start = later(day.atStartOfDay(province.zone()).toInstant(), window.fromInstant());
      Instant end = earlier(day.plusDays(1).atStartOfDay(province.zone()).toInstant(), window.toInstant());
      if (!start.isBefore(end)) continue;
      TimeSpan whole = new TimeSpan(start, end);
      TimeSpan measured = new TimeSpan(start, later(start, earlier(end, window.measuredTo())));
      List<Incident> incidents = IncidentSection.reportedIn(state, whole);
      JsonObject bySeverity = new JsonObject();
      for (Severity s : Severity.values()) bySeverity.put(s.wireName(), incidents.stream().filter(i -> i.severity() == s).count());
      Punctuality.Tally checkins = new Punctuality.Tally(0, 0, 0, 0);
      for (List<Punctuality.Mark> m : marks.values()) {
        checkins = checkins.plus(Punctuality.Tally.of(m.stream().filter(x -> whole.contains(x.at())).toList()));
      }
      PublishingSection.Tally publishing = new PublishingSection.Tally();
      judged.stream().filter(j -> whole.contains(j.item().due())).forEach(publishing::add);
      days.add(new JsonObject()
          .put("date", day.toString()).put("from", start.toString()).put("to", end.toString())
          .put("measuredTo", measured.to().toString())
          .put("incidents", IncidentSection.timing(incidents).put("total", incidents.size()).put("bySeverity", bySeverity))
          .put("checkins", CheckinSection.json(checkins))
          .put("alerts", AlertSection.build(AlertSection.raisedIn(ledger, whole)))
          .put("keyServices", AvailabilitySection.json(AvailabilitySection.sum(AvailabilitySection.keyServices(province)
              .stream().map(t -> AvailabilitySection.of(province, state, t, measured)).toList())))
          .put("siteLinks", AvailabilitySection.json(AvailabilitySection.sum(AvailabilitySection.siteLinks(province)
              .stream().map(t -> AvailabilitySection.of(province, state, t, measured)).toList())))
          .put("publishing", publishing.json()));
    }
    return days;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
