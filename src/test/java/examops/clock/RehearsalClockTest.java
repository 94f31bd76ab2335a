package examops.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class RehearsalClockTest {

  /** A base clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private final HandClock base = new HandClock();

  @Test
  @DisplayName("the rehearsal clock starts at the given instant when created")
  void startsAtStart() {
    Clock c = RehearsalClock.fromEnvironment(Map.of("EXAMOPS_CLOCK_START", "2020-08-09T06:00:00+07:00"), base);
    assertThat(c.instant()).isEqualTo(Instant.parse("2020-08-08T23:00:00Z"));
    base.now = base.now.plusSeconds(90);
    assertThat(c.instant()).isEqualTo(Instant.parse("2020-08-08T23:01:30Z"));
  }

  @Test
  @DisplayName("at speed 60 one real minute is one rehearsal hour")
  void runsFaster() {
    Clock c = RehearsalClock.fromEnvironment(
        Map.of("EXAMOPS_CLOCK_START", "2020-08-09T06:00:00+07:00", "EXAMOPS_CLOCK_SPEED", "60"), base);
    base.now = base.now.plus(Duration.ofMinutes(1));
    assertThat(c.instant()).isEqualTo(Instant.parse("2020-08-09T00:00:00Z"));
  }

  @Test
  @DisplayName("without either variable the base clock is used unchanged")
  void noRehearsal() {
    assertThat(RehearsalClock.fromEnvironment(Map.of(), base)).isSameAs(base);
  }

  @Test
  @DisplayName("a speed without a start runs faster from now")
  void speedOnly() {
    Clock c = RehearsalClock.fromEnvironment(Map.of("EXAMOPS_CLOCK_SPEED", "2.5"), base);
    Instant startedAt = c.instant();
    base.now = base.now.plusSeconds(10);
    assertThat(Duration.between(startedAt, c.instant())).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  @DisplayName("a bad start or speed is an error naming the variable")
  void badValues() {
    assertThatThrownBy(() -> RehearsalClock.fromEnvironment(Map.of("EXAMOPS_CLOCK_START", "9 Aug"), base))
        .hasMessageContaining("EXAMOPS_CLOCK_START \"9 Aug\"");
    assertThatThrownBy(() -> RehearsalClock.fromEnvironment(Map.of("EXAMOPS_CLOCK_SPEED", "0"), base))
        .hasMessageContaining("EXAMOPS_CLOCK_SPEED \"0\" is not a positive number");
    assertThatThrownBy(() -> RehearsalClock.fromEnvironment(Map.of("EXAMOPS_CLOCK_SPEED", "fast"), base))
        .hasMessageContaining("EXAMOPS_CLOCK_SPEED \"fast\"");
  }

  @Test
  @DisplayName("a UTC instant is accepted as the start, and withZone keeps the same timeline")
  void utcStartAndZone() {
    RehearsalClock c = new RehearsalClock(RehearsalClock.parseStart("2020-08-09T00:00:00Z"), 2, base);
    Clock hcm = c.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    base.now = base.now.plusSeconds(30);
    assertThat(hcm.instant()).isEqualTo(c.instant()).isEqualTo(Instant.parse("2020-08-09T00:01:00Z"));
    assertThat(hcm.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
