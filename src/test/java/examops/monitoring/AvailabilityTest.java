package examops.monitoring;

import static examops.vocabulary.HealthStatus.DOWN;
import static examops.vocabulary.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import examops.vocabulary.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class AvailabilityTest {

  private static final Instant T0 = Instant.parse("2020-08-09T00:00:00Z");

  private static Instant m(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static final TimeSpan HOUR = new TimeSpan(m(0), m(60));

  @Test
  @DisplayName("results every minute for an hour make the whole hour up")
  void steadyUp() {
    StatusTimeline tl = new StatusTimeline(Duration.ofMinutes(3));
    for (int i = 0; i < 60; i++) tl.record(m(i), UP);
    Availability a = Availability.over(tl.spans(m(60)), HOUR, List.of());
    assertThat(a.up()).isEqualTo(Duration.ofMinutes(60));
    assertThat(a.ratio()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("time with no result counts as unknown, not up, and lowers availability")
  void gapIsUnknown() {
    StatusTimeline tl = new StatusTimeline(Duration.ofMinutes(3));
    for (int i = 0; i <= 10; i++) tl.record(m(i), UP); // vouches until 13
    for (int i = 40; i < 60; i++) tl.record(m(i), UP);
    Availability a = Availability.over(tl.spans(m(60)), HOUR, List.of());
    assertThat(a.up()).isEqualTo(Duration.ofMinutes(13 + 20));
    assertThat(a.unknown()).isEqualTo(Duration.ofMinutes(27));
    assertThat(a.ratio()).isEqualTo(33.0 / 60);
    assertThat(a.knownRatio()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("a result one second inside the stale limit keeps the span; one second past it leaves a hole")
  void staleBoundary() {
    StatusTimeline within = new StatusTimeline(Duration.ofMinutes(3));
    within.record(m(0), UP);
    within.record(m(3), UP);
    assertThat(within.spans(m(4))).hasSize(1);
    StatusTimeline past = new StatusTimeline(Duration.ofMinutes(3));
    past.record(m(0), UP);
    past.record(m(3).plusSeconds(1), UP);
    assertThat(past.spans(m(4))).extracting(StatusSpan::to).first().isEqualTo(m(3));
  }

  @Test
  @DisplayName("down time inside a maintenance window is reported as maintenance, not as an outage")
  void maintenanceApart() {
    StatusTimeline tl = new StatusTimeline(Duration.ofMinutes(3));
    for (int i = 0; i < 20; i++) tl.record(m(i), UP);
    for (int i = 20; i < 40; i++) tl.record(m(i), DOWN);
    for (int i = 40; i < 60; i++) tl.record(m(i), UP);
    Availability a = Availability.over(tl.spans(m(60)), HOUR, List.of(new TimeSpan(m(15), m(35))));
    assertThat(a.maintenance()).isEqualTo(Duration.ofMinutes(20));
    assertThat(a.down()).isEqualTo(Duration.ofMinutes(5));
    assertThat(a.up()).isEqualTo(Duration.ofMinutes(35));
    assertThat(a.ratio()).isEqualTo(35.0 / 40);
  }

  @Test
  @DisplayName("a target never heard from is entirely unknown, with availability 0")
  void neverHeard() {
    Availability a = Availability.over(List.of(), HOUR, List.of());
    assertThat(a.unknown()).isEqualTo(Duration.ofHours(1));
    assertThat(a.ratio()).isZero();
    assertThat(a.knownRatio()).isNaN();
  }

  @Test
  @DisplayName("a status change closes the previous span at the new result")
  void changeClosesSpan() {
    StatusTimeline tl = new StatusTimeline(Duration.ofMinutes(3));
    tl.record(m(0), UP);
    tl.record(m(1), DOWN);
    assertThat(tl.spans(m(2))).containsExactly(new StatusSpan(m(0), m(1), UP), new StatusSpan(m(1), m(2), DOWN));
  }
}
