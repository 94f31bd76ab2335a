package examops.board;

import examops.checkin.CheckIn;
import examops.checkin.CheckinDelay;
import examops.checkin.CheckinState;
import examops.checkin.CheckinStatus;
import examops.checkin.SiteDuties;
import examops.event.EventCodec;
import examops.vocabulary.HealthStatus;
import examops.province.District;
import examops.province.ExamSite;
import examops.province.Province;
import examops.vocabulary.LinkState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A district's sites as the board shows them beside the district ({@code districts[].siteDuties} and
 * {@code districts[].siteCounts}): each site's check-in duty (on time, late, missed, due soon, not
 * expected now), its latest check-in and its phone, fax and internet, worst first. Time-dependent,
 * so computed from the state and "now" like the district's own check-in.
 */
final class SiteDutyView {

  /** An on-time site whose check-in falls due within this is "due soon" (shown before the quiet ones). */
  static final Duration DUE_SOON = Duration.ofMinutes(10);
  private static final List<String> LINKS = List.of("phone", "fax", "internet");

  private final Province province;
  private final SiteDuties duties;

  SiteDutyView(Province province) {
    this.province = province;
    this.duties = SiteDuties.of(province);
  }

  /** The wire state of a site: on-time, late, missed, due-soon, not-expected, or none (no duty now and never reported). */
  private record Row(ExamSite site, String state, int rank, JsonObject json) {}

  /** The district's sites, worst first (missed, late, due soon, on time, then the ones with nothing due). */
  JsonArray sites(BoardState s, District d, Instant now) {
    List<Row> rows = new ArrayList<>();
    for (ExamSite site : d.sites()) rows.add(row(s, site, now));
    rows.sort(Comparator.comparingInt(Row::rank).thenComparing(r -> r.site().name().vi()));
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(r.json()));
    return out;
  }

  /** How many of the district's sites stand where: {@code missed, late, dueSoon, onTime, notExpected, withDuty}. */
  static JsonObject counts(JsonArray sites) {
    int missed = 0;
    int late = 0;
    int dueSoon = 0;
    int onTime = 0;
    int quiet = 0;
    int withDuty = 0;
    for (Object o : sites) {
      JsonObject j = (JsonObject) o;
      if (j.getBoolean("duty")) withDuty++;
      switch (j.getString("state")) {
        case "missed" -> missed++;
        case "late" -> late++;
        case "due-soon" -> dueSoon++;
        case "on-time" -> onTime++;
        default -> quiet++;
      }
    }
    return new JsonObject().put("missed", missed).put("late", late).put("dueSoon", dueSoon).put("onTime", onTime)
        .put("notExpected", quiet).put("withDuty", withDuty);
  }

  private Row row(BoardState s, ExamSite site, Instant now) {
    CheckIn last = s.siteCheckins().latest(site.id()).orElse(null);
    CheckinStatus cs = duties.evaluate(site.id(), last == null ? null : last.countsAt(), now);
    boolean dueSoon = cs.state() == CheckinState.ON_TIME && cs.due() != null && !now.plus(DUE_SOON).isBefore(cs.due());
    String state = switch (cs.state()) {
      case MISSED -> "missed";
      case LATE -> "late";
      case ON_TIME -> dueSoon ? "due-soon" : "on-time";
      case NOT_EXPECTED -> last == null ? "none" : "not-expected";
    };
    int rank = switch (state) {
      case "missed" -> 0;
      case "late" -> 1;
      case "due-soon" -> 2;
      case "on-time" -> 3;
      default -> 4;
    };
    JsonObject json = new JsonObject()
        .put("id", site.id()).put("kind", site.kind().wireName())
        .put("name", site.name().vi()).put("names", BoardView.text(site.name()))
        .put("address", site.address()).put("sample", site.sample())
        .put("duty", duties.hasDuty(site.id()))
        .put("state", state)
        .put("lastAt", last == null ? null : EventCodec.iso(last.at()))
        .put("nextDue", cs.due() == null ? null : cs.due().toString())
        .put("graceEnds", cs.graceEnds() == null ? null : cs.graceEnds().toString())
        .put("minutesLate", cs.minutesLate())
        .put("neverReported", last == null)
        .put("lastCheckin", last == null ? null : lastCheckin(last))
        .put("links", links(s, site));
    return new Row(site, state, rank, json);
  }

  private JsonObject lastCheckin(CheckIn c) {
    CheckinDelay delay = CheckinDelay.of(c.at().toInstant(), c.receivedAt(), province.checkins().delayedAfter());
    return new JsonObject().put("at", EventCodec.iso(c.at())).put("status", c.status().wireName())
        .put("phone", CheckIn.wire(c.phone())).put("fax", CheckIn.wire(c.fax())).put("internet", CheckIn.wire(c.internet()))
        .put("note", c.note())
        .put("source", c.source()).put("delayed", delay.delayed()).put("delayMinutes", delay.delay().toMinutes());
  }

  /**
   * The site's phone, fax and internet as the board's targets have them (a probe's result or the
   * site's own check-in, the worse of the two): ok, slow, down or unknown (no target, or no news).
   */
  private static JsonObject links(BoardState s, ExamSite site) {
    JsonObject out = new JsonObject();
    for (String link : LINKS) {
      String id = site.id() + "/" + link;
      HealthStatus h = s.targets().health(id).status();
      out.put(link, LinkState.of(h).map(LinkState::wireName).orElse("unknown"));
    }
    return out;
  }
}
