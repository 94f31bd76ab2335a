package examops.province;

import java.time.Instant;
import java.util.List;

/**
 * A planned maintenance window: alerts for its targets are held back and its time is reported
 * apart from outages. End is exclusive.
 */
public record MaintenanceWindow(
    String id, List<String> targets, Instant from, Instant to, LocalizedText reason) {

  public MaintenanceWindow {
    targets = List.copyOf(targets);
  }

  public boolean covers(String targetId, Instant t) {
    return targets.contains(targetId) && !t.isBefore(from) && t.isBefore(to);
  }
}
