package examops.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import examops.clock.ExamClock;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cadences from the default file: before the window every 2 h (07–17, grace 15 min), in sessions every 30 min (grace 5 min). */
@Tier.Unit
class CheckinScheduleTest {

  private static final Province P = ProvinceLoader.loadDefault();
  private final CheckinSchedule districts = CheckinSchedule.forDistricts(P.checkins(), ExamClock.of(P));
  private final CheckinSchedule sites = CheckinSchedule.forSites(P.checkins(), ExamClock.of(P));

  private static Instant t(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private CheckinState state(Instant last, String now) {
    return districts.evaluate(last, t(now)).state();
  }

  @Test
  @DisplayName("a district that never checked in is due 2 active hours after the window opens: 09:00 on 1 Aug")
  void firstDue() {
    CheckinStatus s = districts.evaluate(null, t("2020-08-01T08:00:00"));
    assertThat(s.state()).isEqualTo(CheckinState.ON_TIME);
    assertThat(s.due()).isEqualTo(t("2020-08-01T09:00:00"));
  }

  @Test
  @DisplayName("on time up to the due second, late one second after, missed one second after the grace")
  void graceBoundaries() {
    Instant last = t("2020-08-09T07:40:00");
    assertThat(state(last, "2020-08-09T08:10:00")).isEqualTo(CheckinState.ON_TIME);
    assertThat(state(last, "2020-08-09T08:10:01")).isEqualTo(CheckinState.LATE);
    assertThat(state(last, "2020-08-09T08:15:00")).isEqualTo(CheckinState.LATE);
    assertThat(state(last, "2020-08-09T08:15:01")).isEqualTo(CheckinState.MISSED);
  }

  @Test
  @DisplayName("minutes late count whole minutes past due, and the status gives the due time and grace end")
  void minutesLate() {
    CheckinStatus s = districts.evaluate(t("2020-08-09T07:40:00"), t("2020-08-09T08:17:59"));
    assertThat(s.minutesLate()).isEqualTo(7);
    assertThat(s.due()).isEqualTo(t("2020-08-09T08:10:00"));
    assertThat(s.graceEnds()).isEqualTo(t("2020-08-09T08:15:00"));
    assertThat(s.overdue()).isTrue();
  }

  @Test
  @DisplayName("before the window the gap counts only active hours: 16:30 plus 2 h is 08:30 next morning")
  void activeHours() {
    Instant last = t("2020-08-03T16:30:00");
    assertThat(districts.evaluate(last, t("2020-08-03T23:00:00")))
        .extracting(CheckinStatus::state, CheckinStatus::due)
        .containsExactly(CheckinState.ON_TIME, t("2020-08-04T08:30:00"));
  }

  @Test
  @DisplayName("when a session opens, an on-time district gets a full 30-minute interval from the open")
  void tighteningIsFair() {
    Instant last = t("2020-08-09T06:10:00");
    assertThat(districts.evaluate(last, t("2020-08-09T06:40:00")).due()).isEqualTo(t("2020-08-09T07:00:00"));
    assertThat(state(last, "2020-08-09T07:00:00")).isEqualTo(CheckinState.ON_TIME);
    assertThat(state(last, "2020-08-09T07:05:01")).isEqualTo(CheckinState.MISSED);
  }

  @Test
  @DisplayName("a district already overdue when the phase changes stays overdue instead of turning green")
  void overdueCarriesOver() {
    Instant last = t("2020-08-09T07:00:00"); // due 07:30; the paper starts 07:35
    CheckinStatus s = districts.evaluate(last, t("2020-08-09T07:40:00"));
    assertThat(s.state()).isEqualTo(CheckinState.MISSED);
    assertThat(s.due()).isEqualTo(t("2020-08-09T07:30:00"));
  }

  @Test
  @DisplayName("after the exam days the daily reporting cadence applies: due at 17:00 the next day")
  void loosening() {
    Instant last = t("2020-08-11T20:50:00");
    assertThat(districts.evaluate(last, t("2020-08-12T08:00:00")))
        .extracting(CheckinStatus::state, CheckinStatus::due)
        .containsExactly(CheckinState.ON_TIME, t("2020-08-12T17:00:00"));
  }

  @Test
  @DisplayName("no check-in is expected before the window opens or after it closes")
  void outsideWindow() {
    assertThat(state(null, "2020-07-31T23:59:59")).isEqualTo(CheckinState.NOT_EXPECTED);
    assertThat(state(null, "2020-10-16T00:00:00")).isEqualTo(CheckinState.NOT_EXPECTED);
  }

  @Test
  @DisplayName("sites check in only in sessions: nothing due between them, and a fresh 30 minutes when the next opens")
  void siteCadence() {
    Instant last = t("2020-08-09T09:20:00");
    assertThat(sites.evaluate(last, t("2020-08-09T12:00:00")).state()).isEqualTo(CheckinState.NOT_EXPECTED);
    assertThat(sites.evaluate(last, t("2020-08-09T13:31:00")))
        .extracting(CheckinStatus::state, CheckinStatus::due)
        .containsExactly(CheckinState.ON_TIME, t("2020-08-09T14:00:00"));
  }

  @Test
  @DisplayName("a check-in received more than the threshold after it was made is delayed; exactly the threshold is not")
  void delay() {
    Instant at = t("2020-08-09T08:00:00");
    Duration ten = Duration.ofMinutes(10);
    assertThat(CheckinDelay.of(at, at.plus(ten), ten).delayed()).isFalse();
    assertThat(CheckinDelay.of(at, at.plus(ten).plusSeconds(1), ten))
        .extracting(CheckinDelay::delayed, CheckinDelay::delay)
        .containsExactly(true, Duration.ofSeconds(601));
    assertThat(CheckinDelay.of(at, at.minusSeconds(30), ten).delay()).isEqualTo(Duration.ZERO);
  }
}
