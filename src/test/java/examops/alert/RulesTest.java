package examops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import examops.board.BoardState;
import examops.board.Change;
import examops.checkin.MissedCheckinRule;
import examops.clock.ExamClock;
import examops.event.Event;
import examops.event.EventType;
import examops.incident.UnacknowledgedIncidentRule;
import examops.monitoring.TargetDownRule;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.publishing.LatePublishingRule;
import examops.rules.AlertPlanner;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each rule at its boundary, and the planner that turns conditions into alert events. Pure. */
@Tier.Unit
class RulesTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private final BoardState state = new BoardState(PROVINCE);
  private int seq;

  private void apply(EventType type, String district, Instant at, JsonObject data) {
    OffsetDateTime t = OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(7));
    state.apply(new Event("e" + (++seq), type, t, at, "test", district, data), new HashSet<Change>());
  }

  private static Instant vn(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private TargetDownRule.Reading targets() {
    return new TargetDownRule.Reading(state.targets(), state.maintenance());
  }

  private static List<String> subjects(List<AlertCondition> conditions) {
    return conditions.stream().map(AlertCondition::subject).toList();
  }

  @Test
  @DisplayName("a district is alarmed one second after its grace period ends, not one second before")
  void missedCheckinAtGraceBoundary() {
    Instant checkin = vn("2020-08-09T06:40:00");
    PROVINCE.districts().forEach(d -> apply(EventType.CHECKIN_SUBMITTED, d.id(), checkin, new JsonObject().put("status", "ok")));
    MissedCheckinRule rule = new MissedCheckinRule(PROVINCE, ExamClock.of(PROVINCE));
    // session-open cadence: every 30 min, 5 min grace → due 07:10, missed after 07:15
    Instant graceEnds = vn("2020-08-09T07:15:00");
    assertThat(rule.evaluate(state.checkins(), graceEnds.minusSeconds(1))).isEmpty();
    assertThat(rule.evaluate(state.checkins(), graceEnds)).as("exactly at the end of grace it is still only late").isEmpty();
    List<AlertCondition> missed = rule.evaluate(state.checkins(), graceEnds.plusSeconds(1));
    assertThat(subjects(missed)).hasSize(PROVINCE.districts().size());
    assertThat(missed.get(0).alertId()).endsWith(":" + graceEnds.getEpochSecond());
    assertThat(missed.get(0).severity().wireName()).isEqualTo("critical");
  }

  @Test
  @DisplayName("a district that never checked in is alarmed as never reported, with its first due time, not as days overdue")
  void neverReportedDistrict() {
    MissedCheckinRule rule = new MissedCheckinRule(PROVINCE, ExamClock.of(PROVINCE));
    // Seven days into the window: the first check-in was due 01/08 09:00 (2 h of active hours from 07:00).
    List<AlertCondition> missed = rule.evaluate(state.checkins(), vn("2020-08-08T09:00:00"));
    AlertCondition anPhu = missed.stream().filter(c -> c.subject().equals("an-phu")).findFirst().orElseThrow();
    assertThat(anPhu.message()).isEqualTo("An Phú chưa từng báo cáo (hạn đầu tiên 09:00 01/08)");
    assertThat(anPhu.messageEn()).isEqualTo("An Phu has never checked in (first due 09:00 01/08)".replace("An Phu", PROVINCE.district("an-phu").orElseThrow().name().en()));
    assertThat(anPhu.message()).doesNotContain("phút");
  }

  @Test
  @DisplayName("a target down one second short of its threshold is quiet; at the threshold it alarms")
  void targetDownThreshold() {
    Instant down = vn("2020-08-09T07:00:00");
    apply(EventType.PROBE_RESULT, null, down, new JsonObject().put("target", "province/email").put("status", "down"));
    Duration threshold = PROVINCE.target("province/email").orElseThrow().downAlertAfter();
    TargetDownRule rule = new TargetDownRule(PROVINCE);
    assertThat(rule.evaluate(targets(), down.plus(threshold).minusSeconds(1))).isEmpty();
    assertThat(subjects(rule.evaluate(targets(), down.plus(threshold)))).containsExactly("province/email");
  }

  @Test
  @DisplayName("a component portal down while the data center it depends on is down is folded into the data center's alert")
  void dependencyFolding() {
    Instant down = vn("2020-08-09T07:00:00");
    apply(EventType.PROBE_RESULT, null, down, new JsonObject().put("target", "province/data-center").put("status", "down"));
    apply(EventType.PROBE_RESULT, null, down, new JsonObject().put("target", "province/portal").put("status", "down"));
    List<String> alarmed = subjects(new TargetDownRule(PROVINCE).evaluate(targets(), down.plus(Duration.ofHours(1))));
    assertThat(alarmed).containsExactly("province/data-center");
  }

  @Test
  @DisplayName("a target down inside its planned maintenance window is not alarming")
  void maintenanceSuppresses() {
    Instant down = vn("2020-08-05T22:10:00"); // the sample window: 22:00 to 01:00 for the data center
    apply(EventType.PROBE_RESULT, null, down, new JsonObject().put("target", "province/data-center").put("status", "down"));
    TargetDownRule rule = new TargetDownRule(PROVINCE);
    assertThat(rule.evaluate(targets(), vn("2020-08-05T23:30:00"))).isEmpty();
    assertThat(subjects(rule.evaluate(targets(), vn("2020-08-06T01:00:01")))).containsExactly("province/data-center");
  }

  @Test
  @DisplayName("an ad-hoc maintenance window declared by the command center quiets a down target until it ends")
  void adHocMaintenance() {
    Instant down = vn("2020-08-09T10:00:00");
    apply(EventType.PROBE_RESULT, null, down, new JsonObject().put("target", "province/email").put("status", "down"));
    apply(EventType.MAINTENANCE_DECLARED, null, down.minusSeconds(60), new JsonObject().put("windowId", "mail-patch")
        .put("targets", new io.vertx.core.json.JsonArray().add("province/email")).put("to", "2020-08-09T11:00:00+07:00")
        .put("reason", "Vá lỗi bảo mật máy chủ thư"));
    TargetDownRule rule = new TargetDownRule(PROVINCE);
    assertThat(rule.evaluate(targets(), vn("2020-08-09T10:30:00"))).isEmpty();
    apply(EventType.MAINTENANCE_ENDED, null, vn("2020-08-09T10:40:00"), new JsonObject().put("windowId", "mail-patch"));
    assertThat(subjects(rule.evaluate(targets(), vn("2020-08-09T10:40:01")))).containsExactly("province/email");
    assertThat(state.maintenance().get("mail-patch").orElseThrow().window().to()).isEqualTo(vn("2020-08-09T10:40:00"));
  }

  @Test
  @DisplayName("a critical incident unacknowledged for 9:59 is quiet, at 10:00 it alarms; a high one never does")
  void unacknowledgedCritical() {
    Instant reported = vn("2020-08-09T08:00:00");
    apply(EventType.INCIDENT_REPORTED, "an-phu", reported, new JsonObject().put("incidentId", "C1").put("title", "t")
        .put("severity", "critical").put("category", "security"));
    apply(EventType.INCIDENT_REPORTED, "an-phu", reported, new JsonObject().put("incidentId", "H1").put("title", "t")
        .put("severity", "high").put("category", "network"));
    UnacknowledgedIncidentRule rule = new UnacknowledgedIncidentRule();
    Instant limit = reported.plus(UnacknowledgedIncidentRule.CRITICAL_ACK_WITHIN);
    assertThat(rule.evaluate(state.incidents(), limit.minusSeconds(1))).isEmpty();
    assertThat(subjects(rule.evaluate(state.incidents(), limit))).containsExactly("C1");
    apply(EventType.INCIDENT_ACKNOWLEDGED, "an-phu", limit.plusSeconds(30), new JsonObject().put("incidentId", "C1"));
    assertThat(rule.evaluate(state.incidents(), limit.plusSeconds(60))).isEmpty();
  }

  @Test
  @DisplayName("a checklist item is late one second after its due time unless it was done; done counts even before verification")
  void latePublishing() {
    var item = PROVINCE.publishingItem("radio", "timetable").orElseThrow();
    LatePublishingRule rule = new LatePublishingRule(PROVINCE);
    String anPhu = "an-phu:radio:timetable";
    assertThat(subjects(rule.evaluate(state.publishing(), item.due()))).doesNotContain(anPhu);
    assertThat(subjects(rule.evaluate(state.publishing(), item.due().plusSeconds(1)))).contains(anPhu);
    apply(EventType.PUBLISHING_UPDATED, "an-phu", item.due().minusSeconds(60), new JsonObject().put("channel", "radio")
        .put("item", "timetable").put("state", "done").put("evidence", "Bản tin 17h"));
    assertThat(subjects(rule.evaluate(state.publishing(), item.due().plusSeconds(1)))).doesNotContain(anPhu);
  }

  @Test
  @DisplayName("the planner raises once, clears once, raises a returning condition under a new event id, and escalates an ignored incident")
  void planner() {
    AlertPlanner planner = new AlertPlanner(Set.of("target-down", "incident-unacknowledged"), ZoneOffset.ofHours(7), "rules:test");
    Instant now = vn("2020-08-09T08:00:00");
    AlertCondition c = new AlertCondition(AlertCondition.id("target-down", "an-phu/server-room", now), "target-down",
        "an-phu/server-room", "an-phu", examops.vocabulary.Severity.HIGH, "m", "m", now);
    Map<String, AlertCondition> desired = Map.of(c.alertId(), c);
    assertThat(c.alertId()).doesNotContain("/");

    List<Event> first = planner.plan(desired, state.alerts(), Set.of(), now);
    assertThat(first).extracting(Event::type).containsExactly(EventType.ALERT_RAISED);
    assertThat(planner.plan(desired, state.alerts(), Set.of(first.get(0).id()), now)).as("written, not yet read back").isEmpty();
    first.forEach(e -> state.apply(e, new HashSet<>()));
    assertThat(planner.plan(desired, state.alerts(), Set.of(), now)).as("already on the board").isEmpty();

    List<Event> cleared = planner.plan(Map.of(), state.alerts(), Set.of(), now.plusSeconds(60));
    assertThat(cleared).extracting(Event::type).containsExactly(EventType.ALERT_CLEARED);
    cleared.forEach(e -> state.apply(e, new HashSet<>()));
    List<Event> again = planner.plan(desired, state.alerts(), Set.of(), now.plusSeconds(120));
    assertThat(again).hasSize(1);
    assertThat(again.get(0).id()).isNotEqualTo(first.get(0).id());
    again.forEach(e -> state.apply(e, new HashSet<>()));
    assertThat(state.alerts().get(c.alertId())).isPresent();

    AlertCondition ignored = new AlertCondition("incident-unacknowledged:X:1", "incident-unacknowledged", "X", null,
        examops.vocabulary.Severity.CRITICAL, "m", "m", now);
    assertThat(planner.plan(Map.of(ignored.alertId(), ignored), state.alerts(), Set.of(), now).stream()
        .map(Event::type).collect(Collectors.toSet())).contains(EventType.ALERT_RAISED, EventType.INCIDENT_ESCALATED);
  }
}
