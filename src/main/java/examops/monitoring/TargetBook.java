package examops.monitoring;

import examops.event.Event;
import examops.event.Payload;
import examops.vocabulary.HealthStatus;
import io.vertx.core.json.JsonObject;
import examops.province.Province;
import examops.province.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
public final class TargetBook implements Targets {

  /** How long a result of a target without an active probe vouches for its status. */
  static final Duration REPORTED_STALE_AFTER = Duration.ofHours(3);

  /** Which source a result came from. */
  public enum Source { PROBE, CHECKIN }

  /** One source's view of a target: its health plus what the board shows beside it. */
  public record Entry(TargetHealth health, String detail, String source, StatusTimeline timeline) {}

  private final Province province;
  /** The phase at a result's time picks its latency threshold (a portal is slow sooner on results day). */
  private final examops.clock.ExamClock clock;
  private final Map<String, Entry> probed = new HashMap<>();
  private final Map<String, Entry> reported = new HashMap<>();

  public TargetBook(Province province) {
    this.province = province;
    this.clock = examops.clock.ExamClock.of(province);
  }

  /** Applies a probe.result; false when the target is not in the province data or nothing changed. */
  public boolean apply(Event e) {
    Payload.ProbeResult r = e.as(Payload.ProbeResult.class);
    Double latency = r.latencyMs();
    return observe(Source.PROBE, r.target(), r.status(), latency == null ? null : Math.round(latency), e.atInstant(), r.detail(),
        e.source());
  }

  /** Records one observation of a target from one source; false when the target is unknown or nothing changed. */
  public boolean observe(Source from, String targetId, HealthStatus seen, Long latencyMs, Instant at, String detail, String source) {
    Optional<Target> target = province.target(targetId);
    if (target.isEmpty()) return false;
    Map<String, Entry> book = from == Source.PROBE ? probed : reported;
    Entry before = book.get(targetId);
    TargetHealth previous = before == null ? TargetHealth.unknown() : before.health();
    TargetHealth next = HealthTracker.apply(previous, new Observation(at, seen, latencyMs),
        target.get().damping(), target.get().latencyThresholdMs(clock.phaseAt(at)));
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
   * the worse of the two sources' statuses; time neither vouches for is left out (unknown). Where one
   * source kept a minute as shares ({@link StatusTimeline}), the two are combined share by share, as if
   * their worse times overlapped: the larger share down, then of down or degraded, then of time known.
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
    int ia = 0;
    int ib = 0;
    Instant from = null;
    for (Instant cut : cuts) {
      if (from != null) {
        while (ia < a.size() && !a.get(ia).to().isAfter(from)) ia++;
        while (ib < b.size() && !b.get(ib).to().isAfter(from)) ib++;
        StatusSpan sa = ia < a.size() && !a.get(ia).from().isAfter(from) ? a.get(ia) : null;
        StatusSpan sb = ib < b.size() && !b.get(ib).from().isAfter(from) ? b.get(ib) : null;
        StatusSpan worse = worse(sa, sb, from, cut);
        if (worse != null) add(out, worse);
      }
      from = cut;
    }
    return out;
  }

  /** The worse of two sources over [from, to), inside the spans {@code x} and {@code y} (null: no data). */
  private static StatusSpan worse(StatusSpan x, StatusSpan y, Instant from, Instant to) {
    if ((x == null || !x.isMixed()) && (y == null || !y.isMixed())) {
      HealthStatus w = worse(x == null ? HealthStatus.UNKNOWN : x.status(), y == null ? HealthStatus.UNKNOWN : y.status());
      return w == HealthStatus.UNKNOWN ? null : new StatusSpan(from, to, w);
    }
    double[] fx = fractions(x);
    double[] fy = fractions(y);
    double down = Math.max(fx[2], fy[2]);
    double degraded = Math.max(fx[1] + fx[2], fy[1] + fy[2]) - down;
    double up = Math.max(fx[0] + fx[1] + fx[2], fy[0] + fy[1] + fy[2]) - down - degraded;
    long ms = Duration.between(from, to).toMillis();
    return StatusSpan.mixed(from, to, new StatusSpan.Mix(Math.round(up * ms), Math.round(degraded * ms), Math.round(down * ms)));
  }

  /** The shares of a span's time that were up, degraded and down. */
  private static double[] fractions(StatusSpan s) {
    if (s == null) return new double[3];
    if (s.isMixed()) {
      double ms = Math.max(1, Duration.between(s.from(), s.to()).toMillis());
      return new double[] {s.mix().upMs() / ms, s.mix().degradedMs() / ms, s.mix().downMs() / ms};
    }
    return switch (s.status()) {
      case UP -> new double[] {1, 0, 0};
      case DEGRADED -> new double[] {0, 1, 0};
      case DOWN -> new double[] {0, 0, 1};
      case UNKNOWN -> new double[3];
    };
  }

  private static void add(List<StatusSpan> out, StatusSpan s) {
    if (!out.isEmpty() && !s.isMixed()) {
      StatusSpan last = out.get(out.size() - 1);
      if (!last.isMixed() && last.status() == s.status() && last.to().equals(s.from())) {
        out.set(out.size() - 1, new StatusSpan(last.from(), s.to(), s.status()));
        return;
      }
    }
    out.add(s);
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
