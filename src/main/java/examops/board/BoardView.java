package examops.board;

import examops.alert.Alert;
import examops.checkin.CheckIn;
import examops.checkin.CheckinDelay;
import examops.checkin.CheckinSchedule;
import examops.checkin.CheckinState;
import examops.checkin.CheckinStatus;
import examops.clock.ClockReading;
import examops.clock.ExamClock;
import examops.event.EventCodec;
import examops.incident.Incident;
import examops.monitoring.DependencyFolding;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.HealthStatus;
import examops.monitoring.MaintenanceBook;
import examops.monitoring.TargetBook;
import examops.province.District;
import examops.province.ExamSession;
import examops.province.LocalizedText;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.province.Target;
import examops.publishing.PublishingBook;
import examops.publishing.PublishingStanding;
import examops.publishing.PublishingStatus;
import examops.vocabulary.Audience;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.PublishingState;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Renders the board state as the snapshot JSON of ARCHITECTURE.md, whole or one entity at a time.
 * Time-dependent views (ages, late, overdue) are computed here from the exam clock's "now", never
 * stored in the state.
 */
public final class BoardView {

  private final Province province;
  private final ExamClock examClock;
  private final CheckinSchedule districtCheckins;
  private final DependencyFolding folding;
  private final SiteDutyView sites;
  private final UnitReportsView unitReports;

  public BoardView(Province province) {
    this.province = province;
    this.examClock = ExamClock.of(province);
    this.districtCheckins = CheckinSchedule.forDistricts(province.checkins(), examClock);
    this.folding = DependencyFolding.of(province.targets());
    this.sites = new SiteDutyView(province);
    this.unitReports = new UnitReportsView(province);
  }

  /** The ids of the unitReports section: every district unit, then every provincial department. */
  public List<String> reportingUnits() {
    return unitReports.ids();
  }

  /** Where a district stands against its check-in cadence at {@code now}. */
  public CheckinStatus checkinStatus(BoardState s, String district, Instant now) {
    Instant last = s.checkins().latest(district).map(CheckIn::countsAt).orElse(null);
    return districtCheckins.evaluate(last, now);
  }

  public Province province() {
    return province;
  }

  public JsonObject snapshot(BoardState s, Instant now) {
    return snapshot(s, now, Audience.FULL);
  }

  /** The snapshot for one audience: the restricted one has no need-to-know incidents, nor alerts about them. */
  public JsonObject snapshot(BoardState s, Instant now, Audience audience) {
    boolean all = audience == Audience.FULL;
    JsonObject districts = new JsonObject();
    province.districts().forEach(d -> districts.put(d.id(), district(s, d, now)));
    JsonObject targets = new JsonObject();
    province.targets().forEach(t -> targets.put(t.id(), target(s, t)));
    JsonObject incidents = new JsonObject();
    s.incidents().all().stream().filter(i -> all || !needToKnow(i)).sorted(Comparator.comparing(Incident::reportedAt))
        .forEach(i -> incidents.put(i.id(), s.incidents().toJson(i.id())));
    JsonObject publishing = new JsonObject();
    publishingGroups().forEach(g -> publishing.put(g, publishing(s, g, now)));
    JsonObject maintenance = new JsonObject();
    s.maintenance().all().forEach(w -> maintenance.put(w.window().id(), MaintenanceBook.toJson(w)));
    JsonObject alerts = new JsonObject();
    s.alerts().active().stream().filter(a -> all || !needToKnow(s, a)).sorted(Comparator.comparing(Alert::raisedAt))
        .forEach(a -> alerts.put(a.id(), a.toJson()));
    JsonObject notifications = new JsonObject();
    s.notifications().recent().stream().filter(id -> all || !needToKnowNotification(s, id))
        .forEach(id -> notifications.put(id, s.notifications().toJson(id)));
    return new JsonObject()
        .put("version", s.version())
        .put("now", now.toString())
        .put("province", new JsonObject().put("id", province.id()).put("name", province.name().vi())
            .put("names", text(province.name())).put("authority", text(province.authority()))
            .put("exam", text(province.exam())).put("contacts", contacts()))
        .put("clock", clock(now))
        .put("districts", districts)
        .put("targets", targets)
        .put("incidents", incidents)
        .put("publishing", publishing)
        .put("alerts", alerts)
        .put("maintenance", maintenance)
        .put("notifications", notifications)
        .put("unitReports", unitReports.all(s.unitReports(), now))
        .put("stats", stats(s));
  }

  /**
   * Whom the command center can assign an incident to: the province's contacts (not the public
   * feedback desks), by name and role only; phones and emails stay with the notifications.
   */
  private io.vertx.core.json.JsonArray contacts() {
    io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
    province.contacts().stream().filter(c -> !c.feedback()).forEach(c -> out.add(new JsonObject().put("id", c.id())
        .put("name", text(c.name())).put("role", c.role() == null ? null : text(c.role())).put("district", c.district())));
    return out;
  }

  /** Whether this entity is need-to-know: an exam-data incident, or an alert about one. */
  public boolean needToKnow(BoardState s, Change c) {
    return switch (c.section()) {
      case INCIDENTS -> s.incidents().get(c.id()).map(BoardView::needToKnow).orElse(false);
      case ALERTS -> s.alerts().get(c.id()).map(a -> needToKnow(s, a)).orElse(false);
      case NOTIFICATIONS -> needToKnowNotification(s, c.id());
      default -> false;
    };
  }

  private static boolean needToKnow(Incident i) {
    return i.category() == IncidentCategory.EXAM_DATA;
  }

  /** A notification about a need-to-know incident (its subject) carries the incident's title. */
  private static boolean needToKnowNotification(BoardState s, String id) {
    JsonObject n = s.notifications().toJson(id);
    String subject = n == null ? null : n.getString("subject");
    return subject != null && s.incidents().get(subject).map(BoardView::needToKnow).orElse(false);
  }

  private static boolean needToKnow(BoardState s, Alert a) {
    return a.subject() != null && s.incidents().get(a.subject()).map(BoardView::needToKnow).orElse(false);
  }

  /** The current value of one entity, or null when it no longer exists. */
  public Object render(BoardState s, Change c, Instant now) {
    return switch (c.section()) {
      case CLOCK -> clock(now);
      case STATS -> stats(s);
      case DISTRICTS -> province.district(c.id()).map(d -> (Object) district(s, d, now)).orElse(null);
      case TARGETS -> province.target(c.id()).map(t -> (Object) target(s, t)).orElse(null);
      case INCIDENTS -> s.incidents().toJson(c.id());
      case PUBLISHING -> publishing(s, c.id(), now);
      case ALERTS -> s.alerts().get(c.id()).map(Alert::toJson).orElse(null);
      case MAINTENANCE -> s.maintenance().get(c.id()).map(MaintenanceBook::toJson).orElse(null);
      case NOTIFICATIONS -> s.notifications().toJson(c.id());
      case UNIT_REPORTS -> unitReports.unit(s.unitReports(), c.id(), now);
    };
  }

  /** The ids of the publishing section: every district, and the province for province-wide items. */
  public List<String> publishingGroups() {
    return java.util.stream.Stream.concat(
        java.util.stream.Stream.of(PublishingBook.PROVINCE),
        province.districts().stream().map(District::id)).toList();
  }

  JsonObject clock(Instant now) {
    ClockReading r = examClock.at(now);
    JsonObject clock = new JsonObject().put("now", now.toString()).put("phase", r.phase().wireName())
        .put("inWindow", r.inWindow())
        .put("session", r.current().map(BoardView::session).orElse(null))
        .put("next", r.next().map(BoardView::session).orElse(null));
    r.countdown().ifPresent(c -> clock.put("countdown", new JsonObject()
        .put("milestone", c.milestone().wireName())
        .put("session", c.session() == null ? null : c.session().id()).put("at", c.at().toString())
        .put("stage", c.stage() == null ? null : c.stage().wireName())));
    AfterExamView.put(clock, province, examClock, now);
    province.grading().ifPresent(g -> clock.put("grading", new JsonObject().put("phase", g.phaseAt(now).wireName())
        .put("start", g.start().toString()).put("end", g.end().toString()).put("estimated", g.estimated())));
    return clock;
  }

  private static JsonObject session(ExamSession s) {
    return new JsonObject().put("id", s.id()).put("kind", s.kind().name().toLowerCase()).put("subject", text(s.name()))
        .put("open", s.open().toString()).put("start", s.start().toString()).put("end", s.end().toString());
  }

  static JsonObject text(LocalizedText t) {
    return new JsonObject().put("vi", t.vi()).put("en", t.en());
  }

  JsonObject stats(BoardState s) {
    return new JsonObject().put("events", s.version()).put("version", s.version()).put("duplicates", s.duplicates())
        .put("refused", s.refused())
        .put("dlq", s.deadLettered());
  }

  JsonObject district(BoardState s, District d, Instant now) {
    CheckIn last = s.checkins().latest(d.id()).orElse(null);
    List<Incident> open = s.incidents().all().stream().filter(i -> i.open() && d.id().equals(i.district())).toList();
    long openIncidents = open.size();
    JsonObject publishing = publishing(s, d.id(), now);
    int done = 0;
    int verified = 0;
    int late = 0;
    for (String k : publishing.fieldNames()) {
      JsonObject item = publishing.getJsonObject(k);
      PublishingState state = PublishingState.fromWireName(item.getString("state")).orElse(PublishingState.NOT_STARTED);
      if (state == PublishingState.DONE || state == PublishingState.VERIFIED) done++;
      if (state == PublishingState.VERIFIED) verified++;
      if (item.getBoolean("missing", false)) late++;
    }
    CheckinStatus cs = checkinStatus(s, d.id(), now);
    JsonObject checkin = new JsonObject().put("state", last == null && cs.state() == CheckinState.NOT_EXPECTED ? "none" : cs.state().wireName())
        .put("lastAt", last == null ? null : EventCodec.iso(last.at()))
        .put("nextDue", cs.due() == null ? null : cs.due().toString())
        .put("graceEnds", cs.graceEnds() == null ? null : cs.graceEnds().toString())
        .put("minutesLate", cs.minutesLate())
        // Nothing ever received: its overdue time runs from the window's first due time, which says
        // "missed 7 days" on screens; they say "never reported" and when the first was due instead.
        .put("neverReported", last == null);
    io.vertx.core.json.JsonArray siteDuties = sites.sites(s, d, now);
    return new JsonObject()
        .put("id", d.id()).put("name", d.name().vi()).put("names", text(d.name())).put("sites", (int) d.sites().stream().filter(x -> !x.grading()).count())
        .put("gradingSites", (int) d.sites().stream().filter(examops.province.ExamSite::grading).count())
        .put("status", last == null ? "unknown" : last.status().wireName())
        .put("worst", level(s, d, cs.state(), last, open, siteDuties, late, now))
        .put("checkin", checkin)
        .put("overdue", cs.overdue())
        .put("lastCheckin", last == null ? null : lastCheckin(last))
        .put("openIncidents", openIncidents)
        .put("publishing", new JsonObject().put("done", done).put("verified", verified).put("total", publishing.size()).put("late", late))
        .put("siteDuties", siteDuties)
        .put("siteCounts", SiteDutyView.counts(siteDuties));
  }

  private String level(BoardState s, District d, CheckinState checkinState, CheckIn last, List<Incident> open,
      io.vertx.core.json.JsonArray siteDuties, int latePublishing, Instant now) {
    List<HealthStatus> siteLinks = province.targets().stream()
        .filter(t -> d.id().equals(t.district()) && t.site() != null && DistrictLevel.LINK_KINDS.contains(t.kind()))
        .map(t -> s.targets().health(t.id()).status()).toList();
    List<String> dutyStates = siteDuties.stream().map(x -> ((JsonObject) x).getString("state")).toList();
    long critical = open.stream().filter(i -> i.severity() == examops.vocabulary.Severity.CRITICAL && !needToKnow(i)).count();
    return new DistrictLevel(checkinState, last, critical, open.size(), siteLinks, dutyStates, latePublishing,
        examClock.at(now).inWindow()).level();
  }

  private JsonObject lastCheckin(CheckIn c) {
    CheckinDelay delay = CheckinDelay.of(c.at().toInstant(), c.receivedAt(), province.checkins().delayedAfter());
    return c.toJson().put("delayed", delay.delayed()).put("delayMinutes", delay.delay().toMinutes());
  }

  JsonObject target(BoardState s, Target t) {
    var entry = s.targets().entry(t.id());
    var h = s.targets().health(t.id());
    return new JsonObject()
        .put("id", t.id()).put("name", t.name().vi()).put("names", text(t.name())).put("kind", t.kind().wireName())
        .put("district", t.district()).put("site", t.site())
        .put("status", h.status().wireName()).put("since", h.since() == null ? null : h.since().toString())
        .put("lastAt", h.lastResultAt() == null ? null : h.lastResultAt().toString())
        .put("latencyMs", h.latencyMs()).put("failures", h.failures())
        .put("causedBy", h.status() == HealthStatus.DOWN ? folding.rootCause(t.id(), s.targets().statuses()) : null)
        .put("detail", entry.map(TargetBook.Entry::detail).orElse(null))
        .put("source", entry.map(TargetBook.Entry::source).orElse(null))
        .put("reported", reported(s, t.id()));
  }

  /**
   * What each source says of the target, apart (probe results; a site's own check-in), when both
   * have: the status shown is the worse of the two.
   */
  private static JsonObject reported(BoardState s, String id) {
    var probe = s.targets().entry(TargetBook.Source.PROBE, id);
    var checkin = s.targets().entry(TargetBook.Source.CHECKIN, id);
    if (probe.isEmpty() || checkin.isEmpty()) return null;
    return new JsonObject().put("probe", source(probe.get())).put("checkin", source(checkin.get()));
  }

  private static JsonObject source(TargetBook.Entry e) {
    return new JsonObject().put("status", e.health().status().wireName())
        .put("lastAt", e.health().lastResultAt() == null ? null : e.health().lastResultAt().toString()).put("by", e.source());
  }

  /** One district's (or the province's) checklist, each item with its state, due time and lateness. */
  public JsonObject publishing(BoardState s, String group, Instant now) {
    JsonObject out = new JsonObject();
    boolean province = PublishingBook.PROVINCE.equals(group);
    for (PublishingItem item : this.province.publishing()) {
      if (item.perDistrict() == province) continue;
      PublishingStatus st = s.publishing().state(PublishingBook.key(group, item.channel().wireName(), item.item()));
      PublishingStanding standing = PublishingStanding.evaluate(st, item.due(), now);
      out.put(item.key(), new JsonObject()
          .put("channel", item.channel().wireName()).put("item", item.item())
          .put("name", text(item.name()))
          .put("state", st.state().wireName()).put("due", item.due().toString())
          .put("late", standing.late()).put("lateMinutes", standing.lateBy().toMinutes())
          .put("missing", standing.missing()).put("complete", standing.complete()).put("awaitingVerification", standing.awaitingVerification())
          .put("evidence", st.evidence()).put("by", st.by()).put("verifiedBy", st.verifiedBy())
          .put("doneAt", st.doneAt() == null ? null : st.doneAt().toString())
          .put("updatedAt", st.updatedAt() == null ? null : st.updatedAt().toString()));
    }
    return out;
  }
}
