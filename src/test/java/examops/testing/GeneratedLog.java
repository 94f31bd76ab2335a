package examops.testing;

import examops.event.Event;
import examops.event.EventType;
import examops.province.District;
import examops.province.ExamSite;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.province.Target;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded log of valid events over every stream, interleaved as outside producers and ExamOps itself
 * would write them: probe results and site check-ins about the same targets, district and site
 * check-ins of the same district, incident lifecycles (with illegal steps), publishing moves, alerts,
 * notifications, maintenance; some retried (same id, same event) and some ids reused by another
 * entity. Times run forward with stragglers (a late agent result, a check-in sent from a phone that
 * was offline), so readers that depend on order would disagree.
 */
public final class GeneratedLog {

  private static final Instant T0 = Instant.parse("2020-08-09T00:00:00Z");
  private static final ZoneOffset ZONE = ZoneOffset.ofHours(7);

  private final Province province;
  private final Random random;
  private final List<Event> events = new ArrayList<>();
  private final List<String> incidents = new ArrayList<>();
  private final List<String> alerts = new ArrayList<>();
  private long step;

  private GeneratedLog(Province province, long seed) {
    this.province = province;
    this.random = new Random(seed);
  }

  /** {@code count} events (retries included), in the order they are written. */
  public static List<Event> of(Province province, long seed, int count) {
    GeneratedLog log = new GeneratedLog(province, seed);
    while (log.events.size() < count) log.next();
    return log.events;
  }

  /**
   * A reading order other than the written one: any interleaving that keeps each entity's (each
   * record key's) events in their written order, as a reader of several partitions may see them.
   */
  public static List<Event> interleaved(List<Event> written, long seed) {
    Map<String, Deque<Event>> byKey = new LinkedHashMap<>();
    for (Event e : written) byKey.computeIfAbsent(e.topic() + "/" + e.key(), k -> new ArrayDeque<>()).add(e);
    List<Deque<Event>> queues = new ArrayList<>(byKey.values());
    Random r = new Random(seed);
    List<Event> out = new ArrayList<>(written.size());
    while (!queues.isEmpty()) {
      int i = r.nextInt(queues.size());
      Deque<Event> q = queues.get(i);
      // Runs of one key, as a poll hands over a batch of one partition.
      for (int n = 1 + r.nextInt(8); n > 0 && !q.isEmpty(); n--) out.add(q.poll());
      if (q.isEmpty()) queues.remove(i);
    }
    return out;
  }

  private void next() {
    step++;
    int k = random.nextInt(100);
    if (k < 2 && !events.isEmpty()) {
      events.add(events.get(random.nextInt(events.size()))); // a retry: the same event again
    } else if (k < 3 && !events.isEmpty()) {
      Event other = events.get(random.nextInt(events.size()));
      Event e = fresh();
      events.add(new Event(other.id(), e.type(), e.at(), e.receivedAt(), e.source(), e.district(), e.data())); // id reused
    } else {
      events.add(fresh());
    }
  }

  private Event fresh() {
    int k = random.nextInt(100);
    if (k < 50) return probe();
    if (k < 65) return districtCheckin();
    if (k < 78) return siteCheckin();
    if (k < 85) return incident();
    if (k < 90) return publishing();
    if (k < 95) return alert();
    if (k < 99) return notification();
    return maintenance();
  }

  private OffsetDateTime at() {
    long ms = step * 10_000L; // ten seconds apart
    if (random.nextInt(20) == 0) ms -= random.nextInt(3_600_000); // a straggler, up to an hour late
    return OffsetDateTime.ofInstant(T0.plusMillis(Math.max(0, ms)), ZONE);
  }

  private Event event(EventType type, String source, String district, JsonObject data) {
    OffsetDateTime at = at();
    Instant received = T0.plusMillis(step * 10_000L + 500);
    return new Event(UUID.nameUUIDFromBytes((type + ":" + step + ":" + random.nextLong()).getBytes()).toString(), type, at,
        received.isBefore(at.toInstant()) ? at.toInstant() : received, source, district, data);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Event probe() {
    Target t = pick(province.targets());
    String[] st = {"up", "up", "up", "degraded", "down", "down"};
    return event(EventType.PROBE_RESULT, "agent:gen", t.district(), new JsonObject().put("target", t.id())
        .put("status", st[random.nextInt(st.length)]).put("latencyMs", 20 + random.nextInt(900)).put("detail", "gen"));
  }

  private JsonObject links(JsonObject d) {
    String[] on = {"ok", "ok", "ok", "down"};
    String[] net = {"ok", "ok", "slow", "down"};
    String[] st = {"ok", "ok", "ok", "issue", "critical"};
    return d.put("status", st[random.nextInt(st.length)]).put("phone", on[random.nextInt(on.length)])
        .put("fax", on[random.nextInt(on.length)]).put("internet", net[random.nextInt(net.length)]).put("note", "n" + step);
  }

  private Event districtCheckin() {
    District d = pick(province.districts());
    return event(EventType.CHECKIN_SUBMITTED, "district:" + d.id(), d.id(), links(new JsonObject()));
  }

  private Event siteCheckin() {
    District d = pick(province.districts().stream().filter(x -> !x.sites().isEmpty()).toList());
    ExamSite s = pick(d.sites());
    return event(EventType.CHECKIN_SUBMITTED, "district:" + d.id(), d.id(), links(new JsonObject().put("site", s.id())));
  }

  private Event incident() {
    if (incidents.isEmpty() || random.nextInt(4) == 0) {
      String id = "INC-" + step;
      incidents.add(id);
      String[] sev = {"critical", "high", "medium", "low"};
      String[] cat = {"security", "outage", "network", "exam-data", "other"};
      District d = pick(province.districts());
      return event(EventType.INCIDENT_REPORTED, "district:" + d.id(), d.id(), new JsonObject().put("incidentId", id)
          .put("title", "Sự cố " + step).put("severity", sev[random.nextInt(4)]).put("category", cat[random.nextInt(5)])
          .put("description", "mô tả " + step));
    }
    String id = pick(incidents);
    EventType[] actions = {EventType.INCIDENT_ACKNOWLEDGED, EventType.INCIDENT_ASSIGNED, EventType.INCIDENT_UPDATED,
        EventType.INCIDENT_ESCALATED, EventType.INCIDENT_RESOLVED, EventType.INCIDENT_REOPENED};
    EventType type = actions[random.nextInt(actions.length)];
    JsonObject d = new JsonObject().put("incidentId", id).put("by", "trực ban").put("note", "bước " + step);
    if (type == EventType.INCIDENT_ASSIGNED) d.put("assignee", "kỹ thuật " + random.nextInt(3));
    return event(type, "command:gen", null, d);
  }

  private Event publishing() {
    PublishingItem item = pick(province.publishing());
    String district = item.perDistrict() ? pick(province.districts()).id() : null;
    String[] st = {"in-progress", "done", "done", "verified", "not-started"};
    JsonObject d = new JsonObject().put("channel", item.channel().wireName()).put("item", item.item())
        .put("state", st[random.nextInt(st.length)]);
    if (random.nextInt(3) > 0) d.put("evidence", "https://example.org/" + step);
    return event(EventType.PUBLISHING_UPDATED, district == null ? "command:gen" : "district:" + district, district, d);
  }

  private Event alert() {
    if (alerts.isEmpty() || random.nextInt(3) == 0) {
      String id = "rule-" + random.nextInt(5) + ":subject-" + random.nextInt(40);
      if (!alerts.contains(id)) alerts.add(id);
      return event(EventType.ALERT_RAISED, "rules:gen", pick(province.districts()).id(), new JsonObject().put("alertId", id)
          .put("rule", id.substring(0, 6)).put("subject", id.substring(7)).put("severity", "high").put("message", "cảnh báo " + step));
    }
    String id = pick(alerts);
    EventType type = random.nextBoolean() ? EventType.ALERT_ACKNOWLEDGED : EventType.ALERT_CLEARED;
    return event(type, "command:gen", null, new JsonObject().put("alertId", id).put("by", "trực ban"));
  }

  private Event notification() {
    String alert = alerts.isEmpty() ? "rule-0:subject-0" : pick(alerts);
    String id = alert + ":contact-" + random.nextInt(3) + ":email";
    boolean failed = random.nextBoolean();
    JsonObject d = new JsonObject().put("notificationId", id).put("alertId", alert).put("rule", "rule-0").put("subject", "s")
        .put("severity", "high").put("channel", "email").put("recipient", "contact").put("reminder", 0)
        .put("attempt", 1 + random.nextInt(3)).put("alertRaisedAt", OffsetDateTime.ofInstant(T0, ZONE).toString()).put("text", "t");
    if (failed) d.put("final", random.nextBoolean()).put("error", "421");
    return event(failed ? EventType.NOTIFICATION_FAILED : EventType.NOTIFICATION_SENT, "notifier:gen", null, d);
  }

  private Event maintenance() {
    Target t = pick(province.targets());
    OffsetDateTime from = OffsetDateTime.ofInstant(T0.plusMillis(step * 10_000L), ZONE);
    return event(EventType.MAINTENANCE_DECLARED, "command:gen", null, new JsonObject().put("windowId", "mw-" + step)
        .put("targets", new JsonArray().add(t.id())).put("from", from.toString()).put("to", from.plusHours(1).toString())
        .put("reason", "bảo trì"));
  }
}
