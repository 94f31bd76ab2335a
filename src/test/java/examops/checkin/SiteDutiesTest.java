package examops.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import examops.alert.AlertCondition;
import examops.clock.ExamClock;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.LinkState;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sites' own check-in duties: exam sites on the site cadences, grading sites on the grading cadence in the grading period. */
@Tier.Unit
class SiteDutiesTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private static final ExamClock CLOCK = ExamClock.of(PROVINCE);
  private static final SiteDuties DUTIES = new SiteDuties(PROVINCE, CLOCK);
  private static final String EXAM_SITE = "long-xuyen/thpt-long-xuyen";
  private static final String GRADING_SITE = "long-xuyen/cham-thi-tu-luan";

  private static Instant vn(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  @Test
  @DisplayName("an exam site that checked in at 07:00 in the Literature paper is on time until 07:30, late until 07:35, missed after")
  void examSiteOnTimeLateMissed() {
    Instant last = vn("2020-08-09T07:00:00");
    CheckinStatus onTime = DUTIES.evaluate(EXAM_SITE, last, vn("2020-08-09T07:30:00"));
    assertThat(onTime.state()).isEqualTo(CheckinState.ON_TIME);
    assertThat(onTime.due()).isEqualTo(vn("2020-08-09T07:30:00"));
    assertThat(DUTIES.evaluate(EXAM_SITE, last, vn("2020-08-09T07:33:00")).state()).isEqualTo(CheckinState.LATE);
    CheckinStatus missed = DUTIES.evaluate(EXAM_SITE, last, vn("2020-08-09T07:36:00"));
    assertThat(missed.state()).isEqualTo(CheckinState.MISSED);
    assertThat(missed.graceEnds()).isEqualTo(vn("2020-08-09T07:35:00"));
    assertThat(missed.minutesLate()).isEqualTo(6);
  }

  @Test
  @DisplayName("an exam site has nothing due between sessions, and a new session gives it a full interval from its opening")
  void examSiteBetweenSessions() {
    Instant morning = vn("2020-08-09T09:00:00");
    assertThat(DUTIES.evaluate(EXAM_SITE, morning, vn("2020-08-09T12:00:00")).state()).isEqualTo(CheckinState.NOT_EXPECTED);
    CheckinStatus afternoon = DUTIES.evaluate(EXAM_SITE, morning, vn("2020-08-09T13:45:00"));
    assertThat(afternoon.state()).isEqualTo(CheckinState.ON_TIME);
    assertThat(afternoon.due()).isEqualTo(vn("2020-08-09T14:00:00")); // the Mathematics paper opens at 13:30
  }

  @Test
  @DisplayName("a grading site has a duty only while grading runs: none on the exam days, missed when silent in the period, none after")
  void gradingCadenceOnlyInTheGradingPeriod() {
    assertThat(DUTIES.evaluate(GRADING_SITE, null, vn("2020-08-09T08:00:00")).state()).isEqualTo(CheckinState.NOT_EXPECTED);
    CheckinStatus first = DUTIES.evaluate(GRADING_SITE, null, vn("2020-08-12T10:00:00"));
    assertThat(first.state()).isEqualTo(CheckinState.ON_TIME);
    assertThat(first.due()).isEqualTo(vn("2020-08-12T11:00:00")); // grading opens 07:00, every 4 h
    assertThat(DUTIES.evaluate(GRADING_SITE, null, vn("2020-08-12T11:40:00")).state()).isEqualTo(CheckinState.MISSED);
    // Active hours 07:00–17:00: a check-in at 15:00 is next due at 09:00 the next morning.
    assertThat(DUTIES.evaluate(GRADING_SITE, vn("2020-08-13T15:00:00"), vn("2020-08-13T20:00:00")).due()).isEqualTo(vn("2020-08-14T09:00:00"));
    assertThat(DUTIES.evaluate(GRADING_SITE, null, vn("2020-08-24T10:00:00")).state()).isEqualTo(CheckinState.NOT_EXPECTED);
  }

  @Test
  @DisplayName("a site with \"checkins\": false has no duty: never due, never alarmed")
  void siteWithoutCheckinsHasNoDuty() {
    String json = new io.vertx.core.json.JsonObject(readDefault()).encode()
        .replace("\"id\":\"long-xuyen/thpt-long-xuyen\",\"name\":{\"vi\":\"Điểm thi THPT Long Xuyên\",\"en\":\"THPT Long Xuyên exam site\"},\"sample\":true,\"checkins\":true",
            "\"id\":\"long-xuyen/thpt-long-xuyen\",\"name\":{\"vi\":\"Điểm thi THPT Long Xuyên\",\"en\":\"THPT Long Xuyên exam site\"},\"sample\":true,\"checkins\":false");
    Province p = ProvinceLoader.parse(json, "test");
    assertThat(p.site(EXAM_SITE).orElseThrow().checkins()).isFalse();
    SiteDuties duties = SiteDuties.of(p);
    assertThat(duties.hasDuty(EXAM_SITE)).isFalse();
    assertThat(duties.evaluate(EXAM_SITE, null, vn("2020-08-09T08:00:00")).state()).isEqualTo(CheckinState.NOT_EXPECTED);
    List<AlertCondition> alerts = new MissedSiteCheckinRule(p, ExamClock.of(p)).evaluate(new CheckInBook(), vn("2020-08-09T08:00:00"));
    assertThat(alerts).extracting(AlertCondition::subject).doesNotContain(EXAM_SITE).contains("long-xuyen/thpt-nguyen-hien");
  }

  @Test
  @DisplayName("a silent exam site in a session raises one critical alert per due time; a grading site's miss is high; a check-in clears it")
  void missedSiteRule() {
    MissedSiteCheckinRule rule = new MissedSiteCheckinRule(PROVINCE, CLOCK);
    CheckInBook sites = new CheckInBook();
    Instant now = vn("2020-08-09T07:10:00");
    List<AlertCondition> alerts = rule.evaluate(sites, now);
    assertThat(alerts).hasSize(DUTIES.sites().stream().filter(s -> !s.grading()).toList().size());
    AlertCondition a = alerts.stream().filter(c -> c.subject().equals(EXAM_SITE)).findFirst().orElseThrow();
    assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(a.district()).isEqualTo("long-xuyen");
    assertThat(a.rule()).isEqualTo("site-checkin-missed");
    assertThat(a.message()).contains("Điểm thi THPT Long Xuyên").contains("TP. Long Xuyên").contains("quá hạn");
    assertThat(a.messageEn()).contains("THPT Long Xuyên exam site").contains("overdue");
    // Evaluated again a minute later, the same alert (same id): raised once.
    assertThat(rule.evaluate(sites, now.plusSeconds(60))).extracting(AlertCondition::alertId).contains(a.alertId());
    sites.record(EXAM_SITE, checkIn(EXAM_SITE, vn("2020-08-09T07:12:00")));
    List<AlertCondition> after = rule.evaluate(sites, vn("2020-08-09T07:20:00"));
    assertThat(after).extracting(AlertCondition::subject).doesNotContain(EXAM_SITE);
    // Silent again past the next grace (the paper starts at 07:35: a full interval from then, due 08:05): a new alert, a new id.
    AlertCondition again = rule.evaluate(sites, vn("2020-08-09T08:11:00")).stream().filter(c -> c.subject().equals(EXAM_SITE)).findFirst().orElseThrow();
    assertThat(again.alertId()).isNotEqualTo(a.alertId());
    AlertCondition grading = rule.evaluate(sites, vn("2020-08-12T12:00:00")).stream().filter(c -> c.subject().equals(GRADING_SITE))
        .findFirst().orElseThrow();
    assertThat(grading.severity()).isEqualTo(Severity.HIGH);
  }

  private static CheckIn checkIn(String site, Instant at) {
    OffsetDateTime t = OffsetDateTime.ofInstant(at, PROVINCE.zone());
    return new CheckIn("ci-" + at.getEpochSecond(), site.substring(0, site.indexOf('/')), site, t, at, CheckinCondition.OK, LinkState.OK, LinkState.OK, LinkState.OK, null, "site:" + site);
  }

  private static String readDefault() {
    try (var in = SiteDutiesTest.class.getClassLoader().getResourceAsStream(ProvinceLoader.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
