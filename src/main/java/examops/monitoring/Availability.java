package examops.monitoring;

import examops.vocabulary.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.Comparator;

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
   * @param spans the target's history in time order (see {@link StatusTimeline#spans}); a mixed span
   *     counts its shares pro rata for the part of it inside the window
   * @param window the report window
   * @param maintenance the maintenance windows covering this target
   */
  public static Availability over(List<StatusSpan> spans, TimeSpan window, List<TimeSpan> maintenance) {
    List<TimeSpan> planned = union(maintenance, window);
    long plannedNs = 0;
    for (TimeSpan m : planned) plannedNs += nanos(m.from(), m.to());
    double[] ns = new double[HealthStatus.values().length];
    int first = 0;
    for (StatusSpan s : spans) {
      if (!s.from().isBefore(window.to())) break;
      Instant a = later(s.from(), window.from());
      Instant b = earlier(s.to(), window.to());
      if (!a.isBefore(b)) continue;
      while (first < planned.size() && !planned.get(first).to().isAfter(a)) first++;
      // The parts of [a, b) outside maintenance (one walk: spans and windows are both in time order).
      Instant cursor = a;
      for (int i = first; i < planned.size() && planned.get(i).from().isBefore(b); i++) {
        TimeSpan m = planned.get(i);
        if (m.from().isAfter(cursor)) credit(ns, s, cursor, m.from());
        if (m.to().isAfter(cursor)) cursor = m.to();
      }
      if (cursor.isBefore(b)) credit(ns, s, cursor, b);
    }
    Duration up = Duration.ofNanos(Math.round(ns[HealthStatus.UP.ordinal()]));
    Duration degraded = Duration.ofNanos(Math.round(ns[HealthStatus.DEGRADED.ordinal()]));
    Duration down = Duration.ofNanos(Math.round(ns[HealthStatus.DOWN.ordinal()]));
    Duration total = window.length();
    Duration unknown = total.minusNanos(plannedNs).minus(up).minus(degraded).minus(down);
    return new Availability(up, degraded, down, unknown, Duration.ofNanos(plannedNs), total);
  }

  /** Adds the time [from, to) of span {@code s}: all of it to its status, or its shares pro rata when mixed. */
  private static void credit(double[] ns, StatusSpan s, Instant from, Instant to) {
    long part = nanos(from, to);
    if (!s.isMixed()) {
      if (s.status() != HealthStatus.UNKNOWN) ns[s.status().ordinal()] += part;
      return;
    }
    double share = (double) part / nanos(s.from(), s.to());
    ns[HealthStatus.UP.ordinal()] += s.mix().upMs() * 1e6 * share;
    ns[HealthStatus.DEGRADED.ordinal()] += s.mix().degradedMs() * 1e6 * share;
    ns[HealthStatus.DOWN.ordinal()] += s.mix().downMs() * 1e6 * share;
  }

  /** The windows cut to {@code within} and merged where they overlap, in time order. */
  static List<TimeSpan> union(List<TimeSpan> windows, TimeSpan within) {
    List<TimeSpan> cut = new ArrayList<>();
    for (TimeSpan w : windows) {
      Instant a = later(w.from(), within.from());
      Instant b = earlier(w.to(), within.to());
      if (a.isBefore(b)) cut.add(new TimeSpan(a, b));
    }
    cut.sort(Comparator.comparing(TimeSpan::from));
    List<TimeSpan> out = new ArrayList<>();
    for (TimeSpan w : cut) {
      TimeSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !w.from().isAfter(last.to())) {
        if (w.to().isAfter(last.to())) out.set(out.size() - 1, new TimeSpan(last.from(), w.to()));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static long nanos(Instant a, Instant b) {
    return Duration.between(a, b).toNanos();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
