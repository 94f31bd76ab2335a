package examops.monitoring;

import examops.event.Event;
import java.util.HashMap;
import java.util.Map;

/** Current status of every target that has reported. */
public final class TargetBook {

  private final Map<String, TargetStatus> byId = new HashMap<>();

  public void apply(Event e) {
    String target = e.data().getString("target");
    Double latency = e.data().getDouble("latencyMs");
    byId.put(target, status(target).next(e.data().getString("status"), e.atInstant(), latency,
        e.data().getString("detail"), e.source()));
  }

  /** Updates a target from a report that is not a probe (a check-in's phone/fax/internet state). */
  public void report(String target, String status, Event e, String detail) {
    byId.put(target, status(target).next(status, e.atInstant(), null, detail, e.source()));
  }

  public TargetStatus status(String id) {
    return byId.getOrDefault(id, TargetStatus.UNKNOWN);
  }
}
