package examops.report;

import static org.assertj.core.api.Assertions.assertThat;

import examops.checkin.CheckinSchedule;
import examops.clock.ExamClock;
import examops.event.Event;
import examops.event.EventType;
import examops.monitoring.TimeSpan;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.vocabulary.PublishingState;
import examops.publishing.PublishingStatus;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report's arithmetic, in plain JUnit on the default province: no broker, no Vert.x. */
@Tier.Unit
class ReportKpiTest {

  static final Province PROVINCE = ProvinceLoader.loadDefault();

  static Instant t(String localTime) {
    return OffsetDateTime.parse("2020-08-09T" + localTime + "+07:00").toInstant();
  }

  static Event event(EventType type, String localTime, String district, JsonObject data) {
    OffsetDateTime at = OffsetDateTime.parse("2020-08-09T" + localTime + "+07:00");
    return new Event(UUID.randomUUID().toString(), type, at, at.toInstant(), "test", district, data);
  }

  static Event probe(String target, String status, String localTime) {
    return event(EventType.PROBE_RESULT, localTime, null, new JsonObject().put("target", target).put("status", status));
  }

  @Test
  @DisplayName("availability keeps up, down and unknown apart, and unknown time counts against availability")
  void availabilityWithUnknownApart() {
    ReportLedger ledger = new ReportLedger(PROVINCE, t("12:00"));
    ledger.apply(probe("province/portal", "up", "07:00:00"));
    ledger.apply(probe("province/portal", "down", "08:00:00"));
    ledger.apply(probe("province/portal", "up", "08:30:00"));
    ledger.apply(probe("province/portal", "down", "13:00:00")); // after the period: not applied

    JsonObject portal = AvailabilitySection.build(PROVINCE, ledger.state(), new TimeSpan(t("06:00:00"), t("12:00:00")))
        .getJsonArray("keyServices").stream().map(JsonObject.class::cast)
        .filter(j -> j.getString("id").equals("province/portal")).findFirst().orElseThrow();

    // 06:00–07:00 no data; the last result (08:30) vouches for three hours, so 11:30–12:00 is unknown again.
    assertThat(portal.getLong("upSec")).isEqualTo(Duration.ofMinutes(60 + 180).toSeconds());
    assertThat(portal.getLong("downSec")).isEqualTo(Duration.ofMinutes(30).toSeconds());
    assertThat(portal.getLong("unknownSec")).isEqualTo(Duration.ofMinutes(60 + 30).toSeconds());
    assertThat(portal.getLong("totalSec")).isEqualTo(Duration.ofHours(6).toSeconds());
    assertThat(portal.getDouble("availability")).isEqualTo(0.6667);        // 4 h of 6
    assertThat(portal.getDouble("availabilityKnown")).isEqualTo(0.8889);   // 4 h of 4.5 h with data
    assertThat(ledger.outside()).isEqualTo(1);
  }

  @Test
  @DisplayName("key services come first in kind order; site links are summed per district and kind")
  void keyServicesFirstLinksPerDistrict() {
    ReportLedger ledger = new ReportLedger(PROVINCE, t("12:00"));
    JsonObject a = AvailabilitySection.build(PROVINCE, ledger.state(), new TimeSpan(t("06:00:00"), t("07:00:00")));
    assertThat(a.getJsonArray("keyServices").getJsonObject(0).getString("id")).isEqualTo("province/data-center");
    assertThat(a.getJsonArray("keyServices").stream().map(o -> ((JsonObject) o).getString("kind")))
        .doesNotContain("line", "phone", "fax", "internet");
    JsonObject lx = a.getJsonArray("siteLinks").getJsonObject(0);
    assertThat(lx.getString("district")).isEqualTo("long-xuyen");
    assertThat(lx.getInteger("targets")).isEqualTo(32); // six exam sites and two grading sites, four links each
    assertThat(lx.getLong("unknownSec")).isEqualTo(32 * 3600);
    assertThat(lx.getValue("availabilityKnown")).isNull();
  }

  @Test
  @DisplayName("mean and maximum time to acknowledge and to resolve; an open incident has no time to resolve")
  void timeToAcknowledgeAndResolve() {
    ReportLedger ledger = new ReportLedger(PROVINCE, t("23:00"));
    report(ledger, "inc-1", "critical", "07:00:00");
    action(ledger, EventType.INCIDENT_ACKNOWLEDGED, "inc-1", "07:04:00");
    action(ledger, EventType.INCIDENT_RESOLVED, "inc-1", "07:40:00");
    report(ledger, "inc-2", "low", "08:00:00");
    action(ledger, EventType.INCIDENT_ACKNOWLEDGED, "inc-2", "08:10:00");
    report(ledger, "inc-3", "low", "05:00:00"); // before the period

    JsonObject inc = IncidentSection.build(ledger.state(), new TimeSpan(t("06:00:00"), t("23:00:00")));
    assertThat(inc.getInteger("total")).isEqualTo(2);
    assertThat(inc.getLong("open")).isEqualTo(1);
    assertThat(inc.getJsonObject("timeToAcknowledge").getMap()).containsEntry("count", 2).containsEntry("meanSec", 420L)
        .containsEntry("maxSec", 600L);
    assertThat(inc.getJsonObject("timeToResolve").getMap()).containsEntry("count", 1).containsEntry("meanSec", 2400L)
        .containsEntry("maxSec", 2400L);
    assertThat(inc.getJsonObject("bySeverity").getMap()).containsEntry("critical", 1).containsEntry("low", 1);
    assertThat(inc.getJsonObject("byCategory").getLong("security")).isEqualTo(2);
    assertThat(inc.getJsonArray("list").getJsonObject(0).getJsonArray("timeline")).hasSize(3);
  }

  @Test
  @DisplayName("duration statistics of nothing are empty, not zero")
  void emptyStatistics() {
    assertThat(DurationStats.of(List.of()).toJson().getValue("meanSec")).isNull();
    assertThat(DurationStats.of(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))).mean()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  @DisplayName("check-in punctuality: exactly at the due time is on time, exactly at the grace end late, past it missed")
  void punctualityBoundaries() {
    CheckinSchedule schedule = CheckinSchedule.forDistricts(PROVINCE.checkins(), ExamClock.of(PROVINCE));
    // Ngữ văn opens 06:30 (every 30 min, grace 5), starts 07:35 (every 30 min, grace 5).
    List<Instant> checkins = List.of(t("06:30:00"), t("07:00:00"), t("07:35:00"), t("08:10:01"));
    List<Punctuality.Mark> marks = Punctuality.walk(schedule, PROVINCE.window(), checkins, t("06:00:00"), t("09:30:00"));

    assertThat(marks).containsExactly(
        new Punctuality.Mark(t("06:30:00"), Punctuality.Outcome.ON_TIME),  // due 07:00
        new Punctuality.Mark(t("07:00:00"), Punctuality.Outcome.ON_TIME),  // exactly at due: on time; next due 07:30
        new Punctuality.Mark(t("07:35:00"), Punctuality.Outcome.LATE),     // exactly at the grace end: late; next due 08:05
        new Punctuality.Mark(t("08:10:00"), Punctuality.Outcome.MISSED),   // 08:05 + 5 min passed with nothing
        new Punctuality.Mark(t("08:10:01"), Punctuality.Outcome.ON_TIME),  // within the next interval (due 08:35)
        new Punctuality.Mark(t("08:45:01"), Punctuality.Outcome.MISSED),   // due 08:40:01, silent
        new Punctuality.Mark(t("09:15:01"), Punctuality.Outcome.MISSED));  // due 09:10:01, silent; 09:40:01 is past the end
    Punctuality.Tally tally = Punctuality.Tally.of(marks);
    assertThat(tally.expected()).isEqualTo(7);
    assertThat(tally.ratio()).isEqualTo(3.0 / 7);
  }

  @Test
  @DisplayName("a silent district misses one check-in per interval; misses before the period are not counted")
  void silentDistrict() {
    CheckinSchedule schedule = CheckinSchedule.forDistricts(PROVINCE.checkins(), ExamClock.of(PROVINCE));
    List<Punctuality.Mark> marks = Punctuality.walk(schedule, PROVINCE.window(), List.of(), t("07:10:00"), t("08:00:00"));
    // Due 07:00 (missed at 07:05, before the period), then 07:30 (missed at 07:35); 08:05 is after the end.
    assertThat(marks).containsExactly(new Punctuality.Mark(t("07:35:00"), Punctuality.Outcome.MISSED));
  }

  @Test
  @DisplayName("publishing: claimed done at the due time is on time, a second later is late; verification does not change it")
  void publishingOnTimeVersusLate() {
    Instant due = t("18:00:00");
    PublishingStatus onTime = applied(done(due).apply(PublishingState.VERIFIED, null, "command", due.plusSeconds(3600)));
    PublishingStatus late = done(due.plusSeconds(1));
    assertThat(PublishingSection.classify(onTime, due, t("21:00:00"))).isEqualTo(PublishingSection.Outcome.DONE_ON_TIME);
    assertThat(PublishingSection.classify(late, due, t("21:00:00"))).isEqualTo(PublishingSection.Outcome.DONE_LATE);
    assertThat(PublishingSection.classify(PublishingStatus.notStarted(), due, due)).isEqualTo(PublishingSection.Outcome.PENDING);
    assertThat(PublishingSection.classify(PublishingStatus.notStarted(), due, due.plusSeconds(1)))
        .isEqualTo(PublishingSection.Outcome.MISSING);
  }

  private static PublishingStatus done(Instant at) {
    return applied(PublishingStatus.notStarted().apply(PublishingState.DONE, "https://example/evidence", "district", at));
  }

  private static PublishingStatus applied(examops.publishing.PublishingResult r) {
    return ((examops.publishing.PublishingResult.Applied) r).status();
  }

  private static void report(ReportLedger ledger, String id, String severity, String at) {
    ledger.apply(event(EventType.INCIDENT_REPORTED, at, "long-xuyen", new JsonObject().put("incidentId", id)
        .put("title", "Dò quét cổng thông tin").put("severity", severity).put("category", "security")));
  }

  private static void action(ReportLedger ledger, EventType type, String id, String at) {
    ledger.apply(event(type, at, "long-xuyen", new JsonObject().put("incidentId", id).put("by", "trực ban")));
  }
}
