package examops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import examops.vocabulary.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A status history costs at most a few entries a minute however often the target changes, and over
 * any period that starts and ends on whole minutes it gives the same availability as every change
 * kept exactly; a history saved and restored mid-minute goes on as if never interrupted.
 */
@Tier.Unit
class StatusTimelineBoundTest {

  private static final Instant T0 = Instant.parse("2020-08-09T00:00:00Z");
  private static final HealthStatus[] STATUSES = {HealthStatus.UP, HealthStatus.UP, HealthStatus.DEGRADED, HealthStatus.DOWN};

  /** Every change kept: the reference the bounded history is checked against. */
  private static final class Exact {
    final Duration stale;
    final List<StatusSpan> closed = new ArrayList<>();
    HealthStatus open;
    Instant openFrom;
    Instant last;

    Exact(Duration stale) {
      this.stale = stale;
    }

    void record(Instant at, HealthStatus s) {
      if (last != null && at.isBefore(last)) return;
      if (open != null) {
        Instant staleAt = last.plus(stale);
        if (s == open && !at.isAfter(staleAt)) {
          last = at;
          return;
        }
        Instant to = at.isBefore(staleAt) ? at : staleAt;
        if (to.isAfter(openFrom)) closed.add(new StatusSpan(openFrom, to, open));
      }
      open = s;
      openFrom = at;
      last = at;
    }

    List<StatusSpan> spans(Instant now) {
      List<StatusSpan> out = new ArrayList<>(closed);
      if (open != null && now.isAfter(openFrom)) {
        Instant staleAt = last.plus(stale);
        out.add(new StatusSpan(openFrom, now.isBefore(staleAt) ? now : staleAt, open));
      }
      return out;
    }
  }

  @Test
  @DisplayName("a target changing every few seconds for a day keeps at most a few entries a minute, with exact availability per minute-aligned period")
  void flappingIsBounded() {
    Random r = new Random(7);
    StatusTimeline bounded = new StatusTimeline(Duration.ofSeconds(45));
    Exact exact = new Exact(Duration.ofSeconds(45));
    Instant t = T0;
    for (int i = 0; i < 15_000; i++) {
      t = t.plusMillis(500 + r.nextInt(4_000));
      HealthStatus s = STATUSES[r.nextInt(STATUSES.length)];
      bounded.record(t, s);
      exact.record(t, s);
    }
    Instant end = t;
    List<StatusSpan> spans = bounded.spans(end);
    long minutes = Duration.between(T0, end).toMinutes() + 1;
    assertThat(exact.closed.size()).isGreaterThan(5_000);
    assertThat(spans.size()).isLessThanOrEqualTo((int) (3 * minutes));
    assertThat(bounded.save().encode().length()).isLessThan(exact.closed.size() * 4);
    for (int k = 0; k < 100; k++) {
      Instant a = T0.plus(Duration.ofMinutes(r.nextInt((int) minutes)));
      Instant b = a.plus(Duration.ofMinutes(1 + r.nextInt(180)));
      if (b.isAfter(end)) b = end;
      TimeSpan w = new TimeSpan(a, b);
      List<TimeSpan> maintenance = r.nextBoolean() ? List.of()
          : List.of(new TimeSpan(a.plus(Duration.ofMinutes(r.nextInt(30))), a.plus(Duration.ofMinutes(30 + r.nextInt(30)))));
      assertSame(Availability.over(spans, w, maintenance), Availability.over(exact.spans(end), w, maintenance), w);
    }
  }

  @Test
  @DisplayName("a period cut inside a mixed minute counts that minute's shares pro rata: never off by more than the minute")
  void cutInsideMixedMinute() {
    StatusTimeline tl = new StatusTimeline(Duration.ofMinutes(1));
    for (int s = 0; s < 120; s += 5) tl.record(T0.plusSeconds(s), s % 10 == 0 ? HealthStatus.UP : HealthStatus.DOWN);
    Availability a = Availability.over(tl.spans(T0.plusSeconds(120)), new TimeSpan(T0, T0.plusSeconds(30)), List.of());
    assertThat(a.up().plus(a.down())).isEqualTo(Duration.ofSeconds(30));
    assertThat(a.up().toMillis()).isEqualTo(15_000);
  }

  @Test
  @DisplayName("saved and restored at any result, a history goes on exactly as the one never interrupted")
  void saveRestoreAnywhere() {
    Random r = new Random(11);
    for (int run = 0; run < 40; run++) {
      StatusTimeline straight = new StatusTimeline(Duration.ofSeconds(30));
      StatusTimeline resumed = new StatusTimeline(Duration.ofSeconds(30));
      Instant t = T0.plusMillis(r.nextInt(60_000));
      int n = 50 + r.nextInt(400);
      for (int i = 0; i < n; i++) {
        t = t.plusMillis(r.nextInt(r.nextBoolean() ? 3_000 : 90_000));
        HealthStatus s = STATUSES[r.nextInt(STATUSES.length)];
        straight.record(t, s);
        resumed.record(t, s);
        if (r.nextInt(20) == 0) resumed = StatusTimeline.restore(new io.vertx.core.json.JsonObject(resumed.save().encode()));
      }
      assertThat(resumed.spans(t.plusSeconds(10))).isEqualTo(straight.spans(t.plusSeconds(10)));
      assertThat(resumed.save()).isEqualTo(straight.save());
    }
  }

  @Test
  @DisplayName("a target that changes rarely keeps every change exactly, as one span each")
  void rareChangesExact() {
    StatusTimeline tl = new StatusTimeline(Duration.ofMinutes(3));
    Exact exact = new Exact(Duration.ofMinutes(3));
    for (int i = 0; i < 600; i++) {
      Instant at = T0.plusSeconds(60L * i + 17);
      HealthStatus s = (i / 37) % 2 == 0 ? HealthStatus.UP : HealthStatus.DOWN;
      tl.record(at, s);
      exact.record(at, s);
    }
    Instant end = T0.plus(Duration.ofHours(11));
    assertThat(tl.spans(end)).isEqualTo(exact.spans(end));
  }

  private static void assertSame(Availability got, Availability want, TimeSpan w) {
    String why = "over " + w;
    assertThat(Math.abs(got.up().toMillis() - want.up().toMillis())).as(why).isLessThanOrEqualTo(1);
    assertThat(Math.abs(got.degraded().toMillis() - want.degraded().toMillis())).as(why).isLessThanOrEqualTo(1);
    assertThat(Math.abs(got.down().toMillis() - want.down().toMillis())).as(why).isLessThanOrEqualTo(1);
    assertThat(Math.abs(got.unknown().toMillis() - want.unknown().toMillis())).as(why).isLessThanOrEqualTo(3);
    assertThat(got.maintenance()).as(why).isEqualTo(want.maintenance());
  }
}
