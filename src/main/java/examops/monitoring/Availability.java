package examops.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a target's time went over a report window. Maintenance time is set apart whatever the
 * status was (a planned stop is not an outage); time without data is unknown.
 */
public record Availability(
    Duration up, Duration degraded, Duration down, Duration unknown, Duration maintenance, Duration total) {

  /**
   * Up and degraded time over the window less maintenance. Unknown time counts against it: a
   * target nobody heard from cannot be claimed available. NaN when the whole window was maintenance.
   */
  public double ratio() {
    long base = total.minus(maintenance).toMillis();
    return base == 0 ? Double.NaN : (double) up.plus(degraded).toMillis() / base;
  }

  /** Up and degraded time over the time with data (up, degraded, down); NaN without data. */
  public double knownRatio() {
    long known = up.plus(degraded).plus(down).toMillis();
    return known == 0 ? Double.NaN : (double) up.plus(degraded).toMillis() / known;
  }

  /**
   * @param spans the target's history (see {@link StatusTimeline#spans})
   * @param window the report window
   * @param maintenance the maintenance windows covering this target
   */
  public static Availability over(List<StatusSpan> spans, TimeSpan window, List<TimeSpan> maintenance) {
    TreeSet<Instant> cuts = new TreeSet<>(List.of(window.from(), window.to()));
    spans.forEach(s -> { cut(cuts, window, s.from()); cut(cuts, window, s.to()); });
    maintenance.forEach(m -> { cut(cuts, window, m.from()); cut(cuts, window, m.to()); });
    Duration up = Duration.ZERO, degraded = Duration.ZERO, down = Duration.ZERO,
        unknown = Duration.ZERO, planned = Duration.ZERO;
    // One walk along the spans in time order (a history of many changes is not searched once per piece).
    List<StatusSpan> ordered = new java.util.ArrayList<>(spans);
    ordered.sort(java.util.Comparator.comparing(StatusSpan::from));
    int next = 0;
    Instant a = null;
    for (Instant b : cuts) {
      if (a != null) {
        Duration piece = Duration.between(a, b);
        Instant at = a;
        while (next < ordered.size() && !ordered.get(next).to().isAfter(at)) next++;
        if (maintenance.stream().anyMatch(m -> m.contains(at))) {
          planned = planned.plus(piece);
        } else {
          HealthStatus s = HealthStatus.UNKNOWN;
          for (int i = next; i < ordered.size() && !ordered.get(i).from().isAfter(at); i++) {
            if (at.isBefore(ordered.get(i).to())) {
              s = ordered.get(i).status();
              break;
            }
          }
          switch (s) {
            case UP -> up = up.plus(piece);
            case DEGRADED -> degraded = degraded.plus(piece);
            case DOWN -> down = down.plus(piece);
            case UNKNOWN -> unknown = unknown.plus(piece);
          }
        }
      }
      a = b;
    }
    return new Availability(up, degraded, down, unknown, planned, window.length());
  }

  private static void cut(TreeSet<Instant> cuts, TimeSpan window, Instant t) {
    if (window.contains(t)) cuts.add(t);
  }
}
