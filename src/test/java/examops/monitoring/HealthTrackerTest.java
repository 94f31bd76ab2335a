package examops.monitoring;

import static examops.vocabulary.HealthStatus.DEGRADED;
import static examops.vocabulary.HealthStatus.DOWN;
import static examops.vocabulary.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import examops.province.Damping;
import examops.testing.Tier;
import examops.vocabulary.HealthStatus;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class HealthTrackerTest {

  private static final Damping THREE_TWO = new Damping(3, 2);
  private static final Instant T0 = Instant.parse("2020-08-09T00:00:00Z");

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static TargetHealth feed(TargetHealth h, int at, HealthStatus reported) {
    return HealthTracker.apply(h, new Observation(t(at), reported, 100L), THREE_TWO, 2000);
  }

  private static TargetHealth upAt0() {
    return feed(TargetHealth.unknown(), 0, UP);
  }

  @Test
  @DisplayName("a target with no history takes its first result as it is")
  void firstResult() {
    assertThat(feed(TargetHealth.unknown(), 0, DOWN)).extracting(TargetHealth::status, TargetHealth::since)
        .containsExactly(DOWN, t(0));
  }

  @Test
  @DisplayName("two failures in a row leave the target up; the third takes it down since the first failure")
  void dampedDown() {
    TargetHealth h = feed(feed(upAt0(), 30, DOWN), 60, DOWN);
    assertThat(h.status()).isEqualTo(UP);
    assertThat(h.failures()).isEqualTo(2);
    h = feed(h, 90, DOWN);
    assertThat(h).extracting(TargetHealth::status, TargetHealth::since).containsExactly(DOWN, t(30));
  }

  @Test
  @DisplayName("a success between failures resets the count, so a flapping target stays up")
  void flapStaysUp() {
    TargetHealth h = upAt0();
    for (int i = 1; i <= 10; i++) h = feed(h, i * 30, i % 3 == 0 ? UP : DOWN);
    assertThat(h.status()).isEqualTo(UP);
    assertThat(h.since()).isEqualTo(t(0));
  }

  @Test
  @DisplayName("a down target needs two successes in a row to come back, up since the first of them")
  void dampedUp() {
    TargetHealth h = feed(feed(feed(upAt0(), 30, DOWN), 60, DOWN), 90, DOWN);
    h = feed(h, 120, UP);
    assertThat(h.status()).isEqualTo(DOWN);
    h = feed(feed(h, 150, DOWN), 180, UP);
    assertThat(h.status()).isEqualTo(DOWN);
    h = feed(h, 210, UP);
    assertThat(h).extracting(TargetHealth::status, TargetHealth::since).containsExactly(UP, t(180));
  }

  @Test
  @DisplayName("a result slower than the latency threshold is degraded; at the threshold it is up")
  void latencyThreshold() {
    Damping d = THREE_TWO;
    TargetHealth h = HealthTracker.apply(upAt0(), new Observation(t(30), UP, 2000L), d, 2000);
    assertThat(h.status()).isEqualTo(UP);
    h = HealthTracker.apply(h, new Observation(t(60), UP, 2001L), d, 2000);
    assertThat(h).extracting(TargetHealth::status, TargetHealth::since, TargetHealth::latencyMs)
        .containsExactly(DEGRADED, t(60), 2001L);
    assertThat(HealthTracker.apply(h, new Observation(t(90), UP, 5000L), d, 0).status()).isEqualTo(UP);
  }

  @Test
  @DisplayName("a reported degraded status shows at once and keeps its since while it lasts")
  void degradedReported() {
    TargetHealth h = feed(feed(upAt0(), 30, DEGRADED), 60, DEGRADED);
    assertThat(h).extracting(TargetHealth::status, TargetHealth::since).containsExactly(DEGRADED, t(30));
  }

  @Test
  @DisplayName("a result older than the latest one applied changes nothing")
  void outOfOrder() {
    TargetHealth h = feed(upAt0(), 60, UP);
    assertThat(feed(h, 30, DOWN)).isEqualTo(h);
  }

  @Test
  @DisplayName("with damping of one, a single report takes a check-in-reported link down and back")
  void undamped() {
    Damping one = new Damping(1, 1);
    TargetHealth h = HealthTracker.apply(upAt0(), new Observation(t(30), DOWN, null), one, 0);
    assertThat(h.status()).isEqualTo(DOWN);
    assertThat(HealthTracker.apply(h, new Observation(t(60), UP, null), one, 0).status()).isEqualTo(UP);
  }
}
