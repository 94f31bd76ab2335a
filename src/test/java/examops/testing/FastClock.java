package examops.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A rehearsal clock for tests that stands still at its start until {@link #go()}, then runs
 * {@code speed} times faster than real time — so a slow start-up on a busy machine does not eat the
 * part of the exam day a test wants to watch.
 */
public final class FastClock extends Clock {

  private final Instant start;
  private final double speed;
  private volatile long goNanos = -1;

  public FastClock(Instant start, double speed) {
    this.start = start;
    this.speed = speed;
  }

  public void go() {
    if (goNanos < 0) goNanos = System.nanoTime();
  }

  @Override
  public Instant instant() {
    long go = goNanos;
    if (go < 0) return start;
    return start.plus(Duration.ofNanos((long) ((System.nanoTime() - go) * speed)));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
