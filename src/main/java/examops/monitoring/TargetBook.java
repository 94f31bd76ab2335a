package examops.monitoring;

import examops.event.Event;
import examops.province.Province;
import examops.province.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every monitored target's damped health and status history, fed by probe results, agents and the
 * link states in site check-ins. Part of the pure reducer.
 */
public final class TargetBook {

  /** How long a result of a target without an active probe vouches for its status. */
  static final Duration REPORTED_STALE_AFTER = Duration.ofHours(3);

  /** One target's health plus what the board shows beside it. */
  public record Entry(TargetHealth health, String detail, String source, StatusTimeline timeline) {}

  private final Province province;
  private final Map<String, Entry> byId = new HashMap<>();

  public TargetBook(Province province) {
    this.province = province;
  }

  /** Applies a probe.result; false when the target is not in the province data. */
  public boolean apply(Event e) {
    Optional<HealthStatus> status = HealthStatus.fromWireName(e.data().getString("status"));
    Double latency = e.data().getDouble("latencyMs");
    return status.isPresent() && observe(e.data().getString("target"), status.get(),
        latency == null ? null : Math.round(latency), e.atInstant(), e.data().getString("detail"), e.source());
  }

  /** Records one observation of a target; false when the target is not in the province data. */
  public boolean observe(String targetId, HealthStatus reported, Long latencyMs, Instant at, String detail, String source) {
    Optional<Target> target = province.target(targetId);
    if (target.isEmpty()) return false;
    Entry before = byId.get(targetId);
    TargetHealth previous = before == null ? TargetHealth.unknown() : before.health();
    TargetHealth next = HealthTracker.apply(previous, new Observation(at, reported, latencyMs),
        target.get().damping(), target.get().latencyThresholdMs());
    if (next == previous) return false;
    StatusTimeline timeline = before == null ? new StatusTimeline(staleAfter(target.get())) : before.timeline();
    timeline.record(at, next.status());
    byId.put(targetId, new Entry(next, detail, source, timeline));
    return true;
  }

  private static Duration staleAfter(Target t) {
    return t.activeProbe().map(p -> p.interval().multipliedBy(3)).orElse(REPORTED_STALE_AFTER);
  }

  public TargetHealth health(String id) {
    Entry e = byId.get(id);
    return e == null ? TargetHealth.unknown() : e.health();
  }

  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Current status of every target that has reported (others are unknown). */
  public Map<String, HealthStatus> statuses() {
    Map<String, HealthStatus> out = new HashMap<>();
    byId.forEach((id, e) -> out.put(id, e.health().status()));
    return out;
  }
}
