package examops.clock;

import static org.assertj.core.api.Assertions.assertThat;

import examops.province.ExamSession;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tier.Unit
class ExamClockTest {

  private final ExamClock clock = ExamClock.of(ProvinceLoader.loadDefault());

  private static Instant t(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @DisplayName("the phase at each boundary of the An Giang 2020 timetable")
  @CsvSource({
      "2020-07-20T10:00:00, before-window",
      "2020-08-07T23:59:59, before-window",
      "2020-08-08T00:00:00, site-check-in-day",
      "2020-08-08T23:59:59, site-check-in-day",
      "2020-08-09T00:00:00, between-sessions",
      "2020-08-09T06:29:59, between-sessions",
      "2020-08-09T06:30:00, session-open",
      "2020-08-09T07:34:59, session-open",
      "2020-08-09T07:35:00, in-session",
      "2020-08-09T09:34:59, in-session",
      "2020-08-09T09:35:00, between-sessions",
      "2020-08-09T13:30:00, session-open",
      "2020-08-10T15:29:59, in-session",
      "2020-08-10T15:30:00, between-sessions",
      "2020-08-11T10:00:00, between-sessions",
      "2020-08-11T23:59:59, between-sessions",
      "2020-08-12T00:00:00, reporting",
      "2020-08-26T23:59:59, reporting",
      "2020-08-27T00:00:00, results-day",
      "2020-08-27T23:59:59, results-day",
      "2020-08-28T00:00:00, reporting",
      "2020-09-01T23:59:59, reporting",
      "2020-09-02T00:00:00, choice-adjustment",
      "2020-09-16T16:59:59, choice-adjustment",
      "2020-09-16T17:00:00, reporting",
      "2020-10-04T17:00:00, admission-delivery",
      "2020-10-10T16:59:59, admission-delivery",
      "2020-10-10T17:00:00, reporting",
      "2020-10-15T23:59:59, reporting",
      "2020-10-16T00:00:00, after-window",
  })
  void phases(String local, String phase) {
    assertThat(clock.phaseAt(t(local)).wireName()).isEqualTo(phase);
  }

  @Test
  @DisplayName("in the open phase the countdown runs to the session's start, and next is the following session")
  void openCountdown() {
    ClockReading r = clock.at(t("2020-08-09T07:05:00"));
    assertThat(r.current()).get().extracting(ExamSession::id).isEqualTo("ngu-van");
    assertThat(r.next()).get().extracting(ExamSession::id).isEqualTo("toan");
    assertThat(r.countdown()).get().satisfies(c -> {
      assertThat(c.milestone()).isEqualTo(Milestone.SESSION_STARTS);
      assertThat(c.remaining()).isEqualTo(Duration.ofMinutes(30));
    });
  }

  @Test
  @DisplayName("in session the countdown runs to the session's end")
  void inSessionCountdown() {
    ClockReading r = clock.at(t("2020-08-10T15:00:00"));
    assertThat(r.current()).get().extracting(ExamSession::id).isEqualTo("ngoai-ngu");
    assertThat(r.next()).isEmpty();
    assertThat(r.countdown()).get().extracting(Countdown::milestone, Countdown::remaining)
        .containsExactly(Milestone.SESSION_ENDS, Duration.ofMinutes(30));
  }

  @Test
  @DisplayName("between sessions the countdown runs to the next session's open")
  void betweenCountdown() {
    ClockReading r = clock.at(t("2020-08-09T12:30:00"));
    assertThat(r.current()).isEmpty();
    assertThat(r.countdown()).get().extracting(c -> c.session().id(), Countdown::milestone, Countdown::remaining)
        .containsExactly("toan", Milestone.SESSION_OPENS, Duration.ofHours(1));
  }

  @Test
  @DisplayName("on the site check-in day the current entry is the check-in and the countdown runs to Ngữ văn")
  void checkInDay() {
    ClockReading r = clock.at(t("2020-08-08T15:00:00"));
    assertThat(r.current()).get().extracting(ExamSession::id).isEqualTo("site-check-in");
    assertThat(r.next()).get().extracting(ExamSession::id).isEqualTo("ngu-van");
  }

  @Test
  @DisplayName("before 1 August the phase is before-window but the instant is outside the window; after it, inside")
  void inWindow() {
    assertThat(clock.at(t("2020-07-31T23:59:59")).inWindow()).isFalse();
    assertThat(clock.at(t("2020-08-01T00:00:00")).inWindow()).isTrue();
    assertThat(clock.at(t("2020-10-15T23:59:59")).inWindow()).isTrue();
    assertThat(clock.at(t("2020-10-16T00:00:00"))).extracting(ClockReading::inWindow, ClockReading::countdown)
        .containsExactly(false, java.util.Optional.empty());
  }

  @Test
  @DisplayName("after the last session there is no next session; the countdown runs to the results being published")
  void reportingCountsDownToResults() {
    ClockReading r = clock.at(t("2020-08-20T09:00:00"));
    assertThat(r.next()).isEmpty();
    assertThat(r.countdown()).get().satisfies(c -> {
      assertThat(c.milestone()).isEqualTo(Milestone.RESULTS_PUBLISHED);
      assertThat(c.session()).isNull();
      assertThat(c.stage()).isEqualTo(examops.province.AfterExamStage.RESULTS);
      assertThat(c.remaining()).isEqualTo(Duration.ofDays(6).plusHours(15));
    });
  }

  @ParameterizedTest(name = "at {0} the next milestone is {1}")
  @DisplayName("after the exam days the countdown walks the milestones: results, adjustment, delivery, the units' reports, the window's close")
  @CsvSource({
      "2020-08-27T10:00:00, RESULTS_DAY_ENDS, 2020-08-28T00:00:00",
      "2020-08-28T00:00:00, ADJUSTMENT_OPENS, 2020-09-02T00:00:00",
      "2020-09-10T00:00:00, ADJUSTMENT_CLOSES, 2020-09-16T17:00:00",
      "2020-09-20T00:00:00, DELIVERY_STARTS, 2020-10-04T17:00:00",
      "2020-10-05T00:00:00, DELIVERY_ENDS, 2020-10-10T17:00:00",
      "2020-10-11T00:00:00, UNIT_REPORTS_DUE, 2020-10-14T17:00:00",
      "2020-10-14T17:00:00, WINDOW_CLOSES, 2020-10-16T00:00:00",
  })
  void milestones(String local, Milestone milestone, String at) {
    assertThat(clock.at(t(local)).countdown()).get().extracting(Countdown::milestone, Countdown::at)
        .containsExactly(milestone, t(at));
  }

  @Test
  @DisplayName("milestones reached are those at or before now, in time order")
  void reached() {
    assertThat(clock.reached(t("2020-08-10T00:00:00"))).isEmpty();
    assertThat(clock.reached(t("2020-09-02T00:00:00"))).extracting(ReachedMilestone::milestone)
        .containsExactly(Milestone.RESULTS_PUBLISHED, Milestone.RESULTS_DAY_ENDS, Milestone.ADJUSTMENT_OPENS);
    assertThat(clock.milestonesAfterExam()).hasSize(8);
  }

  @Test
  @DisplayName("a province file without afterExam keeps the old clock: reporting until the window closes, no countdown after the papers")
  void withoutAfterExam() {
    var p = ProvinceLoader.loadDefault();
    ExamClock plain = new ExamClock(p.window(), p.timetable(), p.zone());
    assertThat(plain.phaseAt(t("2020-08-27T10:00:00"))).isEqualTo(examops.vocabulary.Phase.REPORTING);
    assertThat(plain.at(t("2020-08-27T10:00:00")).countdown()).isEmpty();
    assertThat(plain.milestonesAfterExam()).isEmpty();
  }

  @Test
  @DisplayName("the results-day phase begins at the results' publication and picks the portals' results-day probe settings")
  void resultsDayProbeSettings() {
    var p = ProvinceLoader.loadDefault();
    var lookup = p.target("province/portal-sgddt").orElseThrow();
    assertThat(clock.phaseSince(t("2020-08-27T09:00:00"))).isEqualTo(t("2020-08-27T00:00:00"));
    assertThat(lookup.latencyThresholdMs(clock.phaseAt(t("2020-08-27T09:00:00")))).isEqualTo(1500);
    assertThat(lookup.latencyThresholdMs(clock.phaseAt(t("2020-08-28T09:00:00")))).isEqualTo(3000);
    assertThat(lookup.probe().interval(examops.vocabulary.Phase.RESULTS_DAY)).isEqualTo(Duration.ofSeconds(10));
    assertThat(lookup.probe().interval(examops.vocabulary.Phase.REPORTING)).isEqualTo(Duration.ofSeconds(30));
    assertThat(lookup.probe().shortestInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("the phase knows when it began: a session's open, its start, the end of the last session")
  void phaseSince() {
    assertThat(clock.phaseSince(t("2020-08-09T07:00:00"))).isEqualTo(t("2020-08-09T06:30:00"));
    assertThat(clock.phaseSince(t("2020-08-09T07:35:00"))).isEqualTo(t("2020-08-09T07:35:00"));
    assertThat(clock.phaseSince(t("2020-08-09T12:00:00"))).isEqualTo(t("2020-08-09T09:35:00"));
    assertThat(clock.phaseSince(t("2020-08-09T03:00:00"))).isEqualTo(t("2020-08-09T00:00:00"));
    assertThat(clock.phaseSince(t("2020-08-11T12:00:00"))).isEqualTo(t("2020-08-10T15:30:00"));
    assertThat(clock.phaseSince(t("2020-08-20T12:00:00"))).isEqualTo(t("2020-08-12T00:00:00"));
    assertThat(clock.phaseSince(t("2020-08-03T12:00:00"))).isNull();
  }
}
