package examops.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A clock that starts at a chosen instant when created and runs {@code speed} times faster than
 * the base clock, so a command center can rehearse an exam day (ARCHITECTURE.md, "Rehearsal clock").
 * Every rule, cadence and age reads the same clock, so the whole board follows it.
 */
public final class RehearsalClock extends Clock {

  public static final String START_ENV = "EXAMOPS_CLOCK_START";
  public static final String SPEED_ENV = "EXAMOPS_CLOCK_SPEED";

  private final Instant start;
  private final double speed;
  private final Clock base;
  private final Instant baseAtStart;
  private final ZoneId zone;

  /** Starts at {@code start} now (by the base clock). */
  public RehearsalClock(Instant start, double speed, Clock base) {
    this(start, speed, base, base.instant(), base.getZone());
  }

  private RehearsalClock(Instant start, double speed, Clock base, Instant baseAtStart, ZoneId zone) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, got " + speed);
    }
    this.start = start;
    this.speed = speed;
    this.base = base;
    this.baseAtStart = baseAtStart;
    this.zone = zone;
  }

  /**
   * The clock the environment asks for: the base clock when neither variable is set; otherwise a
   * rehearsal clock from {@value #START_ENV} (default: now) at {@value #SPEED_ENV} (default 1).
   *
   * @throws IllegalArgumentException naming the variable when a value cannot be read
   */
  public static Clock fromEnvironment(Map<String, String> env, Clock base) {
    String startText = env.get(START_ENV);
    String speedText = env.get(SPEED_ENV);
    boolean noStart = startText == null || startText.isBlank();
    boolean noSpeed = speedText == null || speedText.isBlank();
    if (noStart && noSpeed) return base;
    Instant start = noStart ? base.instant() : parseStart(startText);
    return new RehearsalClock(start, noSpeed ? 1.0 : parseSpeed(speedText), base);
  }

  /** An ISO-8601 instant with an offset ({@code 2020-08-09T06:00:00+07:00}) or in UTC ({@code ...Z}). */
  public static Instant parseStart(String text) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(START_ENV + " \"" + text
          + "\" is not an ISO-8601 instant (e.g. 2020-08-09T06:00:00+07:00)", e);
    }
  }

  static double parseSpeed(String text) {
    try {
      double speed = Double.parseDouble(text.trim());
      if (speed > 0 && !Double.isInfinite(speed)) return speed;
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(SPEED_ENV + " \"" + text + "\" is not a positive number");
  }

  public Instant startedAt() {
    return start;
  }

  public double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    long elapsedNanos = Duration.between(baseAtStart, base.instant()).toNanos();
    // A double holds elapsed nanoseconds exactly for ~100 days, far beyond any rehearsal.
    return start.plusNanos(Math.round(elapsedNanos * speed));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new RehearsalClock(start, speed, base, baseAtStart, newZone);
  }

  @Override
  public String toString() {
    return "RehearsalClock[start=" + start + ", speed=" + speed + ", zone=" + zone + "]";
  }
}
