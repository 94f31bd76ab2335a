package examops.monitoring;

import examops.event.Event;
import io.vertx.core.json.JsonObject;
import examops.province.Province;
import examops.province.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every monitored target's damped health and status history. Part of the pure reducer.
 *
 * <p>A target hears from two sources, kept apart: <b>probe results</b> (ExamOps' probes and outside
 * agents, on the monitoring topic, keyed by target) and the <b>link states a site reports</b> in its
 * check-ins (phone, fax, internet, on the check-ins topic, keyed by site). Each source's history
 * depends on one partition of the log only, so the board does not depend on how a reader
 * interleaves the two topics. What the board shows is the worse of the two (a site that says its
 * phone is down is believed over an agent that reaches the exchange), computed when asked.
 */
public final class TargetBook {

  /** How long a result of a target without an active probe vouches for its status. */
  static final Duration REPORTED_STALE_AFTER = Duration.ofHours(3);

  /** Which source a result came from. */
  public enum Source { PROBE, CHECKIN }

  /** One source's view of a target: its health plus what the board shows beside it. */
  public record Entry(TargetHealth health, String detail, String source, StatusTimeline timeline) {}

  private final Province province;
  private final Map<String, Entry> probed = new HashMap<>();
  private final Map<String, Entry> reported = new HashMap<>();

  public TargetBook(Province province) {
    this.province = province;
  }

  /** Applies a probe.result; false when the target is not in the province data or nothing changed. */
  public boolean apply(Event e) {
    Optional<HealthStatus> status = HealthStatus.fromWireName(e.data().getString("status"));
    Double latency = e.data().getDouble("latencyMs");
    return status.isPresent() && observe(Source.PROBE, e.data().getString("target"), status.get(),
        latency == null ? null : Math.round(latency), e.atInstant(), e.data().getString("detail"), e.source());
  }

  /** Records one observation of a target from one source; false when the target is unknown or nothing changed. */
  public boolean observe(Source from, String targetId, HealthStatus seen, Long latencyMs, Instant at, String detail, String source) {
    Optional<Target> target = province.target(targetId);
    if (target.isEmpty()) return false;
    Map<String, Entry> book = from == Source.PROBE ? probed : reported;
    Entry before = book.get(targetId);
    TargetHealth previous = before == null ? TargetHealth.unknown() : before.health();
    TargetHealth next = HealthTracker.apply(previous, new Observation(at, seen, latencyMs),
        target.get().damping(), target.get().latencyThresholdMs());
    if (next == previous) return false;
    StatusTimeline timeline = before == null ? new StatusTimeline(staleAfter(target.get())) : before.timeline();
    timeline.record(at, next.status());
    book.put(targetId, new Entry(next, detail, source, timeline));
    return true;
  }

  static Duration staleAfter(Target t) {
    return t.activeProbe().map(p -> p.interval().multipliedBy(3)).orElse(REPORTED_STALE_AFTER);
  }

  /** The health the board shows: the worse of the two sources (see the class comment). */
  public TargetHealth health(String id) {
    return entry(id).map(Entry::health).orElse(TargetHealth.unknown());
  }

  /** One source's own view of a target. */
  public Optional<Entry> entry(Source from, String id) {
    return Optional.ofNullable((from == Source.PROBE ? probed : reported).get(id));
  }

  /**
   * The entry behind what the board shows: the source with the worse status; on a tie the one heard
   * from last, then the probe. A function of the two entries only, so it is the same in any reading order.
   */
  public Optional<Entry> entry(String id) {
    Entry p = probed.get(id);
    Entry r = reported.get(id);
    if (p == null || r == null) return Optional.ofNullable(p == null ? r : p);
    int byStatus = Integer.compare(rank(p.health().status()), rank(r.health().status()));
    if (byStatus != 0) return Optional.of(byStatus > 0 ? p : r);
    return Optional.of(r.health().lastResultAt().isAfter(p.health().lastResultAt()) ? r : p);
  }

  /** Worse is higher; unknown is below every status some source reported. */
  static int rank(HealthStatus s) {
    return switch (s) {
      case UNKNOWN -> 0;
      case UP -> 1;
      case DEGRADED -> 2;
      case DOWN -> 3;
    };
  }

  /** Current status of every target that has reported (others are unknown). */
  public Map<String, HealthStatus> statuses() {
    Map<String, HealthStatus> out = new HashMap<>();
    for (String id : probed.keySet()) out.put(id, health(id).status());
    for (String id : reported.keySet()) out.put(id, health(id).status());
    return out;
  }

  /**
   * The target's status history up to {@code now}, as the board would have shown it: at each moment
   * the worse of the two sources' statuses; time neither vouches for is left out (unknown).
   */
  public List<StatusSpan> spans(String id, Instant now) {
    List<StatusSpan> a = Optional.ofNullable(probed.get(id)).map(e -> e.timeline().spans(now)).orElse(List.of());
    List<StatusSpan> b = Optional.ofNullable(reported.get(id)).map(e -> e.timeline().spans(now)).orElse(List.of());
    if (b.isEmpty()) return a;
    if (a.isEmpty()) return b;
    TreeSet<Instant> cuts = new TreeSet<>();
    for (StatusSpan s : a) { cuts.add(s.from()); cuts.add(s.to()); }
    for (StatusSpan s : b) { cuts.add(s.from()); cuts.add(s.to()); }
    List<StatusSpan> out = new ArrayList<>();
    Instant from = null;
    for (Instant cut : cuts) {
      if (from != null) {
        HealthStatus worse = worse(statusAt(a, from), statusAt(b, from));
        if (worse != HealthStatus.UNKNOWN) add(out, new StatusSpan(from, cut, worse));
      }
      from = cut;
    }
    return out;
  }

  private static void add(List<StatusSpan> out, StatusSpan s) {
    if (!out.isEmpty()) {
      StatusSpan last = out.get(out.size() - 1);
      if (last.status() == s.status() && last.to().equals(s.from())) {
        out.set(out.size() - 1, new StatusSpan(last.from(), s.to(), s.status()));
        return;
      }
    }
    out.add(s);
  }

  private static HealthStatus statusAt(List<StatusSpan> spans, Instant t) {
    int i = Collections.binarySearch(spans, new StatusSpan(t, t, HealthStatus.UNKNOWN), (x, y) -> x.from().compareTo(y.from()));
    int at = i >= 0 ? i : -i - 2;
    if (at < 0) return HealthStatus.UNKNOWN;
    StatusSpan s = spans.get(at);
    return t.isBefore(s.to()) ? s.status() : HealthStatus.UNKNOWN;
  }

  private static HealthStatus worse(HealthStatus x, HealthStatus y) {
    return rank(x) >= rank(y) ? x : y;
  }

  /** The book as saved in a checkpoint: each source's entries. */
  public JsonObject save() {
    return new JsonObject().put("probe", save(probed)).put("checkin", save(reported));
  }

  private static JsonObject save(Map<String, Entry> book) {
    JsonObject out = new JsonObject();
    book.forEach((id, e) -> {
      TargetHealth h = e.health();
      out.put(id, new JsonObject().put("status", h.status().name()).put("since", str(h.since())).put("latencyMs", h.latencyMs())
          .put("lastResultAt", str(h.lastResultAt())).put("failures", h.failures()).put("successes", h.successes())
          .put("streakStart", str(h.streakStart())).put("detail", e.detail()).put("source", e.source())
          .put("timeline", e.timeline().save()));
    });
    return out;
  }

  /** A book as {@link #save()} wrote it. */
  public static TargetBook restore(Province province, JsonObject saved) {
    TargetBook book = new TargetBook(province);
    restore(saved.getJsonObject("probe"), book.probed);
    restore(saved.getJsonObject("checkin"), book.reported);
    return book;
  }

  private static void restore(JsonObject saved, Map<String, Entry> into) {
    for (String id : saved.fieldNames()) {
      JsonObject j = saved.getJsonObject(id);
      TargetHealth h = new TargetHealth(HealthStatus.valueOf(j.getString("status")), instant(j.getString("since")),
          j.getLong("latencyMs"), instant(j.getString("lastResultAt")), j.getInteger("failures"), j.getInteger("successes"),
          instant(j.getString("streakStart")));
      into.put(id, new Entry(h, j.getString("detail"), j.getString("source"), StatusTimeline.restore(j.getJsonObject("timeline"))));
    }
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
