package examops.board;

import examops.alert.AlertBook;
import examops.checkin.CheckIn;
import examops.checkin.CheckInBook;
import examops.event.Event;
import examops.event.EventType;
import examops.event.Payload;
import examops.incident.Incident;
import examops.incident.IncidentBook;
import examops.monitoring.MaintenanceBook;
import examops.monitoring.TargetBook;
import examops.notification.NotificationBook;
import examops.province.ExamSite;
import examops.province.Province;
import examops.province.Target;
import examops.publishing.PublishingBook;
import examops.unitreport.UnitReportBook;
import examops.vocabulary.LinkState;
import examops.vocabulary.Refusal;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The board, derived from the log: a pure reducer ({@code apply}) with no I/O and no clock of its
 * own. Owned by one thread; applying the same log in the same order always gives the same state.
 */
public final class BoardState implements BoardReading {

  /** The version of {@link #save()}'s format; a checkpoint of another version is not read. */
  public static final int FORMAT = 4;

  private final EventIds ids;
  private final CheckInBook checkins;
  /** The sites' own check-ins, by site id: their duties are judged on these (format 4). */
  private final CheckInBook siteCheckins;
  private final TargetBook targets;
  private final MaintenanceBook maintenance;
  /** The sites that report on their own ({@code "checkins": true}): their check-ins count for them, not their district. */
  private final Set<String> sitesReporting = new HashSet<>();
  /** For each target, the targets that depend on it: their "caused by" changes with it. */
  private final Map<String, List<String>> dependents = new HashMap<>();
  private final IncidentBook incidents;
  private final PublishingBook publishing;
  private final AlertBook alerts;
  private final NotificationBook notifications;
  private UnitReportBook unitReports = new UnitReportBook();
  private long version;
  private long duplicates;
  private long refused;
  private long deadLettered;
  /** The latest {@code at} of the events applied, or null: a report ending after it leaves nothing out. */
  private Instant latestAt;
  /** This state as planners may read it: the books by their reading interfaces, and no way back to the state. */
  private final BoardReading reading = new ReadOnly();

  public BoardState(Province province) {
    this(province, new EventIds(), new CheckInBook(), new CheckInBook(), new TargetBook(province), new MaintenanceBook(province),
        new IncidentBook(), new PublishingBook(), new AlertBook(), new NotificationBook());
  }

  private BoardState(Province province, EventIds ids, CheckInBook checkins, CheckInBook siteCheckins, TargetBook targets,
      MaintenanceBook maintenance, IncidentBook incidents, PublishingBook publishing, AlertBook alerts,
      NotificationBook notifications) {
    this.ids = ids;
    this.checkins = checkins;
    this.siteCheckins = siteCheckins;
    this.targets = targets;
    this.maintenance = maintenance;
    this.incidents = incidents;
    this.publishing = publishing;
    this.alerts = alerts;
    this.notifications = notifications;
    province.sites().stream().filter(ExamSite::checkins).forEach(site -> sitesReporting.add(site.id()));
    for (Target t : province.targets()) {
      for (String parent : t.dependsOn()) dependents.computeIfAbsent(parent, k -> new ArrayList<>()).add(t.id());
    }
  }

  /**
   * Applies one event. Returns false, changing nothing but the counters, for an id its entity
   * already applied or an action its entity's lifecycle does not allow.
   *
   * <p>Every book keeps each entity's state from that entity's own events (one partition of the log),
   * and what spans entities is a function of the set of events, not of their order: so applying the
   * same log read in any interleaving of its partitions gives the same state.
   *
   * @param changes collects what changed, for the next delta
   */
  public boolean apply(Event e, Set<Change> changes) {
    if (!ids.add(e)) {
      duplicates++;
      return false;
    }
    if (latestAt == null || e.atInstant().isAfter(latestAt)) latestAt = e.atInstant();
    boolean applied = switch (e.type().stream()) {
      case MONITORING -> applyMonitoring(e, changes);
      case INCIDENTS -> applyIncident(e, changes);
      case PUBLISHING -> applyPublishing(e, changes);
      case CHECKINS -> applyCheckIn(e, changes);
      case ALERTS -> applyAlert(e, changes);
      case NOTIFICATIONS -> applyNotification(e, changes);
    };
    if (!applied) {
      refused++;
      return false;
    }
    version++;
    changes.add(new Change(Section.STATS, null));
    return true;
  }

  private boolean applyMonitoring(Event e, Set<Change> changes) {
    if (e.type() != EventType.PROBE_RESULT) {
      if (!maintenance.apply(e)) return false;
      changes.add(new Change(Section.MAINTENANCE, e.as(Payload.OfMaintenance.class).windowId()));
      return true;
    }
    // A result changes the target's streak counters even when its status holds, so it is applied
    // (and counted) even if nothing visible changed.
    if (targets.apply(e)) targetChanged(e.as(Payload.ProbeResult.class).target(), changes);
    return true;
  }

  private void targetChanged(String id, Set<Change> changes) {
    changes.add(new Change(Section.TARGETS, id));
    for (String child : dependents.getOrDefault(id, List.of())) changes.add(new Change(Section.TARGETS, child));
  }

  private boolean applyIncident(Event e, Set<Change> changes) {
    if (!incidents.apply(e)) return false;
    String id = e.as(Payload.OfIncident.class).incidentId();
    changes.add(new Change(Section.INCIDENTS, id));
    incidents.get(id).map(Incident::district).filter(d -> d != null).ifPresent(d -> changes.add(new Change(Section.DISTRICTS, d)));
    return true;
  }

  private boolean applyPublishing(Event e, Set<Change> changes) {
    if (!publishing.apply(e)) return false;
    String district = e.district() == null ? PublishingBook.PROVINCE : e.district();
    changes.add(new Change(Section.PUBLISHING, district));
    if (e.district() != null) changes.add(new Change(Section.DISTRICTS, district));
    return true;
  }

  private boolean applyCheckIn(Event e, Set<Change> changes) {
    if (e.type() == EventType.UNIT_REPORT_SUBMITTED) {
      unitReports.apply(e);
      changes.add(new Change(Section.UNIT_REPORTS, e.as(Payload.UnitReportSubmitted.class).unit()));
      return true;
    }
    CheckIn c = CheckIn.from(e);
    // A site with a duty of its own meets it with its check-ins; the district unit meets its own with
    // its own. A site without one (checkins: false) reports through its district, as before sites had duties.
    if (c.site() == null || !sitesReporting.contains(c.site())) checkins.record(c);
    if (c.site() != null) siteCheckins.record(c.site(), c);
    changes.add(new Change(Section.DISTRICTS, e.district()));
    if (c.site() != null) reportSiteLinks(c, e, changes);
    return true;
  }

  /** A site's check-in also reports on its phone, fax and internet links. */
  private void reportSiteLinks(CheckIn c, Event e, Set<Change> changes) {
    link(c.site() + "/phone", c.phone(), e, changes);
    link(c.site() + "/fax", c.fax(), e, changes);
    link(c.site() + "/internet", c.internet(), e, changes);
  }

  private void link(String targetId, LinkState state, Event e, Set<Change> changes) {
    if (state == null) return;
    if (targets.observe(TargetBook.Source.CHECKIN, targetId, state.health(), null, e.atInstant(), "check-in: " + state.wireName(),
        e.source())) {
      targetChanged(targetId, changes);
    }
  }

  private boolean applyAlert(Event e, Set<Change> changes) {
    if (!alerts.apply(e)) return false;
    changes.add(new Change(Section.ALERTS, e.as(Payload.OfAlert.class).alertId()));
    return true;
  }

  private boolean applyNotification(Event e, Set<Change> changes) {
    List<String> changed = notifications.apply(e);
    changed.forEach(id -> changes.add(new Change(Section.NOTIFICATIONS, id)));
    return !changed.isEmpty();
  }

  /** Why this event's entity refuses it now (incident lifecycle, publishing rules), or empty. */
  public Optional<Refusal> refusal(Event e) {
    return switch (e.type().stream()) {
      case MONITORING -> e.type() == EventType.PROBE_RESULT ? Optional.empty() : maintenance.refusal(e);
      case INCIDENTS -> incidents.refusal(e);
      case PUBLISHING -> publishing.refusal(e);
      case ALERTS -> alerts.refusal(e);
      default -> Optional.empty();
    };
  }

  /**
   * When this event's entity has applied (or refused) an event with the same id recently: whether
   * that one carried the same content (a retry, not news) or not (the id was used for something
   * else). Empty when the id is new to the entity.
   */
  public Optional<Boolean> sameAsSeen(Event e) {
    return ids.fingerprintOf(e).map(print -> print == EventIds.fingerprint(e));
  }

  /** The latest {@code at} of the events applied, or null before any. */
  public Instant latestAt() {
    return latestAt;
  }

  public long version() {
    return version;
  }

  public long duplicates() {
    return duplicates;
  }

  public long refused() {
    return refused;
  }

  /**
   * Counts records of the log that could not be applied (they went to the dead-letter topic): they
   * are part of what the log holds, so a replay counts them again, the same on every node.
   */
  public void deadLettered(int records) {
    deadLettered += records;
  }

  public long deadLettered() {
    return deadLettered;
  }

  public CheckInBook checkins() {
    return checkins;
  }

  /** The sites' own check-ins, by site id. */
  public CheckInBook siteCheckins() {
    return siteCheckins;
  }

  public MaintenanceBook maintenance() {
    return maintenance;
  }

  public TargetBook targets() {
    return targets;
  }

  public IncidentBook incidents() {
    return incidents;
  }

  public PublishingBook publishing() {
    return publishing;
  }

  public AlertBook alerts() {
    return alerts;
  }

  public NotificationBook notifications() {
    return notifications;
  }

  public UnitReportBook unitReports() {
    return unitReports;
  }

  /** This state for a planner: the same books, typed by what may be read of them; it cannot be cast back to the state. */
  public BoardReading reading() {
    return reading;
  }

  private final class ReadOnly implements BoardReading {
    @Override
    public examops.checkin.CheckIns checkins() {
      return checkins;
    }

    @Override
    public examops.checkin.CheckIns siteCheckins() {
      return siteCheckins;
    }

    @Override
    public examops.monitoring.Targets targets() {
      return targets;
    }

    @Override
    public examops.monitoring.MaintenanceWindows maintenance() {
      return maintenance;
    }

    @Override
    public examops.incident.Incidents incidents() {
      return incidents;
    }

    @Override
    public examops.publishing.PublishingProgress publishing() {
      return publishing;
    }

    @Override
    public examops.unitreport.UnitReports unitReports() {
      return unitReports;
    }

    @Override
    public examops.alert.Alerts alerts() {
      return alerts;
    }

    @Override
    public examops.notification.Notifications notifications() {
      return notifications;
    }
  }

  /**
   * The whole state as a checkpoint keeps it (format {@link #FORMAT}): every book and counter, so
   * that {@link #restore} followed by the rest of the log gives what reading the whole log gives.
   */
  public JsonObject save() {
    return new JsonObject().put("format", FORMAT)
        .put("version", version).put("duplicates", duplicates).put("refused", refused).put("deadLettered", deadLettered)
        .put("latestAt", latestAt == null ? null : latestAt.toString())
        .put("ids", ids.save()).put("checkins", checkins.save()).put("siteCheckins", siteCheckins.save()).put("targets", targets.save())
        .put("maintenance", maintenance.save()).put("incidents", incidents.save()).put("publishing", publishing.save())
        .put("alerts", alerts.save()).put("notifications", notifications.save()).put("unitReports", unitReports.save());
  }

  /**
   * A state as {@link #save()} wrote it.
   *
   * @throws IllegalArgumentException when it was written in another format or cannot be read
   */
  public static BoardState restore(Province province, JsonObject saved) {
    Integer format = saved.getInteger("format");
    if (format == null || format != FORMAT) {
      throw new IllegalArgumentException("state format " + format + ", this version reads " + FORMAT);
    }
    try {
      BoardState s = new BoardState(province, EventIds.restore(saved.getJsonObject("ids")),
          CheckInBook.restore(saved.getJsonObject("checkins")), CheckInBook.restore(saved.getJsonObject("siteCheckins")),
          TargetBook.restore(province, saved.getJsonObject("targets")),
          MaintenanceBook.restore(province, saved.getJsonArray("maintenance")), IncidentBook.restore(saved.getJsonObject("incidents")),
          PublishingBook.restore(saved.getJsonObject("publishing")), AlertBook.restore(saved.getJsonObject("alerts")),
          NotificationBook.restore(saved.getJsonObject("notifications")));
      s.unitReports = UnitReportBook.restore(saved.getJsonObject("unitReports"));
      s.version = saved.getLong("version");
      s.duplicates = saved.getLong("duplicates");
      s.refused = saved.getLong("refused");
      s.deadLettered = saved.getLong("deadLettered");
      String latest = saved.getString("latestAt");
      s.latestAt = latest == null ? null : Instant.parse(latest);
      return s;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the saved state cannot be read: " + e, e);
    }
  }
}
