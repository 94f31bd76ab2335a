package examops.report;

import static examops.report.ReportKpiTest.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import examops.checkin.CheckInBook;
import examops.checkin.CheckinSchedule;
import examops.clock.ExamClock;
import examops.testing.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Check-ins kept as bursts by the minute (what the board keeps, whatever a unit sends) give the same
 * punctuality over any period that starts and ends on whole minutes as every check-in kept apart.
 */
@Tier.Unit
class CheckinBurstsTest {

  private static List<CheckInBook.Burst> bursts(List<Instant> times) {
    TreeMap<Long, CheckInBook.Burst> byMinute = new TreeMap<>();
    for (Instant t : times) {
      byMinute.merge(Math.floorDiv(t.toEpochMilli(), 60_000L), CheckInBook.Burst.of(t),
          (a, b) -> new CheckInBook.Burst(a.first().isBefore(t) ? a.first() : t, a.last().isAfter(t) ? a.last() : t, a.count() + 1));
    }
    return new ArrayList<>(byMinute.values());
  }

  @Test
  @DisplayName("bursts, silences and steady check-ins over the exam days: the same tally as every check-in kept apart")
  void sameTally() {
    CheckinSchedule schedule = CheckinSchedule.forDistricts(PROVINCE.checkins(), ExamClock.of(PROVINCE));
    Instant start = PROVINCE.window().start();
    Random r = new Random(5);
    for (int run = 0; run < 30; run++) {
      List<Instant> times = new ArrayList<>();
      Instant t = start.plusSeconds(r.nextInt(6 * 3600));
      Instant end = PROVINCE.window().end();
      while (t.isBefore(end) && times.size() < 3_000) {
        int kind = r.nextInt(10);
        if (kind < 5) t = t.plusSeconds(r.nextInt(60 * 40));            // about on cadence
        else if (kind < 8) t = t.plusMillis(r.nextInt(20_000));          // a burst
        else t = t.plusSeconds(3600L * r.nextInt(8));                    // a silence
        times.add(t);
      }
      times.removeIf(x -> !x.isBefore(end));
      for (int k = 0; k < 10; k++) {
        Instant from = start.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 4)));
        Instant to = from.plus(Duration.ofMinutes(1 + r.nextInt(60 * 48)));
        Punctuality.Tally each = Punctuality.Tally.of(Punctuality.walk(schedule, PROVINCE.window(), times, from, to));
        Punctuality.Tally kept = Punctuality.Tally.of(Punctuality.walkBursts(schedule, PROVINCE.window(), bursts(times), from, to));
        assertThat(kept).as("run %d, %s .. %s", run, from, to).isEqualTo(each);
      }
    }
  }
}
