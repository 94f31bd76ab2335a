package examops.monitoring;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time [from, to). */
public record TimeSpan(Instant from, Instant to) {

  public TimeSpan {
    if (to.isBefore(from)) throw new IllegalArgumentException("span ends before it starts: " + from + " .. " + to);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
