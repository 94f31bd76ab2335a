package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.CheckinCondition;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reducer alone: no Vert.x, no broker. */
@Tier.Unit
class BoardStateTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private final BoardState state = new BoardState(PROVINCE);
  private final Set<Change> changes = new LinkedHashSet<>();

  private static Event event(String id, EventType type, String district, String at, JsonObject data) {
    OffsetDateTime t = OffsetDateTime.parse(at);
    return new Event(id, type, t, t.toInstant(), "test", district, data);
  }

  private static Event checkin(String id, String district, String at, String status) {
    return event(id, EventType.CHECKIN_SUBMITTED, district, at, new JsonObject().put("status", status));
  }

  private static Event incident(String id, EventType type, String incidentId, String at) {
    JsonObject d = new JsonObject().put("incidentId", incidentId);
    if (type == EventType.INCIDENT_REPORTED) d.put("title", "t").put("severity", "critical").put("category", "security");
    return event(id, type, "long-xuyen", at, d);
  }

  @Test
  @DisplayName("each applied event raises the version by one and names what changed")
  void versionAndChanges() {
    assertThat(state.apply(checkin("e1", "an-phu", "2020-08-09T07:00:00+07:00", "ok"), changes)).isTrue();
    assertThat(state.version()).isEqualTo(1);
    assertThat(changes).contains(new Change(Section.DISTRICTS, "an-phu"), new Change(Section.STATS, null));
  }

  @Test
  @DisplayName("an event id seen before changes nothing and is counted as a duplicate")
  void duplicateIgnored() {
    state.apply(checkin("e1", "an-phu", "2020-08-09T07:00:00+07:00", "ok"), changes);
    changes.clear();
    assertThat(state.apply(checkin("e1", "an-phu", "2020-08-09T07:30:00+07:00", "critical"), changes)).isFalse();
    assertThat(state.version()).isEqualTo(1);
    assertThat(state.duplicates()).isEqualTo(1);
    assertThat(changes).isEmpty();
    assertThat(state.checkins().latest("an-phu").orElseThrow().status()).isEqualTo(CheckinCondition.OK);
  }

  @Test
  @DisplayName("the latest check-in is the one made last, even when an older one arrives after it")
  void latestBySenderTime() {
    state.apply(checkin("late-news", "an-phu", "2020-08-09T08:00:00+07:00", "ok"), changes);
    state.apply(checkin("old-news", "an-phu", "2020-08-09T07:00:00+07:00", "critical"), changes);
    assertThat(state.checkins().latest("an-phu").orElseThrow().eventId()).isEqualTo("late-news");
    assertThat(state.checkins().history("an-phu")).hasSize(2);
  }

  @Test
  @DisplayName("an incident walks reported → acknowledged → resolved → reopened, and illegal steps change nothing")
  void incidentLifecycle() {
    assertThat(state.apply(incident("i1", EventType.INCIDENT_ACKNOWLEDGED, "INC-9", "2020-08-09T07:00:00+07:00"), changes))
        .as("acknowledging an incident that was never reported").isFalse();
    assertThat(state.apply(incident("i2", EventType.INCIDENT_REPORTED, "INC-9", "2020-08-09T07:00:00+07:00"), changes)).isTrue();
    assertThat(state.apply(incident("i3", EventType.INCIDENT_REOPENED, "INC-9", "2020-08-09T07:01:00+07:00"), changes)).isFalse();
    assertThat(state.apply(incident("i3b", EventType.INCIDENT_RESOLVED, "INC-9", "2020-08-09T07:02:00+07:00"), changes))
        .as("resolving before anyone acknowledged it").isFalse();
    assertThat(state.apply(incident("i4", EventType.INCIDENT_ACKNOWLEDGED, "INC-9", "2020-08-09T07:03:00+07:00"), changes)).isTrue();
    assertThat(state.apply(incident("i5", EventType.INCIDENT_ACKNOWLEDGED, "INC-9", "2020-08-09T07:04:00+07:00"), changes)).isFalse();
    assertThat(state.apply(incident("i6", EventType.INCIDENT_RESOLVED, "INC-9", "2020-08-09T07:30:00+07:00"), changes)).isTrue();
    JsonObject inc = state.incidents().toJson("INC-9");
    assertThat(inc.getString("state")).isEqualTo("resolved");
    assertThat(inc.getLong("timeToAcknowledgeSec")).isEqualTo(180);
    assertThat(inc.getLong("timeToResolveSec")).isEqualTo(1800);
    assertThat(inc.getJsonArray("timeline")).hasSize(3);
    assertThat(state.apply(incident("i7", EventType.INCIDENT_REOPENED, "INC-9", "2020-08-09T08:00:00+07:00"), changes)).isTrue();
    assertThat(state.incidents().get("INC-9").orElseThrow().state().wireName()).isEqualTo("reported");
    assertThat(state.refused()).isEqualTo(4);
  }

  @Test
  @DisplayName("escalating without a severity raises it one step")
  void escalationRaisesSeverity() {
    JsonObject d = new JsonObject().put("incidentId", "E").put("title", "t").put("severity", "medium").put("category", "network");
    state.apply(event("e1", EventType.INCIDENT_REPORTED, "an-phu", "2020-08-09T07:00:00+07:00", d), changes);
    state.apply(incident("e2", EventType.INCIDENT_ESCALATED, "E", "2020-08-09T07:10:00+07:00"), changes);
    assertThat(state.incidents().toJson("E").getString("severity")).isEqualTo("high");
    assertThat(state.incidents().toJson("E").getInteger("escalations")).isEqualTo(1);
  }

  @Test
  @DisplayName("an alert is raised once, acknowledged once, and gone when cleared")
  void alerts() {
    JsonObject raised = new JsonObject().put("alertId", "a1").put("rule", "checkin-missed").put("subject", "an-phu")
        .put("severity", "high").put("message", "m");
    assertThat(state.apply(event("r1", EventType.ALERT_RAISED, null, "2020-08-09T07:00:00+07:00", raised), changes)).isTrue();
    assertThat(state.apply(event("r2", EventType.ALERT_RAISED, null, "2020-08-09T07:00:01+07:00", raised), changes)).isFalse();
    assertThat(state.apply(event("k1", EventType.ALERT_ACKNOWLEDGED, null, "2020-08-09T07:01:00+07:00",
        new JsonObject().put("alertId", "a1")), changes)).isTrue();
    assertThat(state.alerts().get("a1").orElseThrow().acknowledgedAt()).isNotNull();
    assertThat(state.apply(event("c1", EventType.ALERT_CLEARED, null, "2020-08-09T07:05:00+07:00",
        new JsonObject().put("alertId", "a1")), changes)).isTrue();
    assertThat(state.alerts().active()).isEmpty();
  }

  @Test
  @DisplayName("a publishing item claimed done counts as complete only once verified, and keeps who did it")
  void publishingVerification() {
    assertThat(state.apply(event("p0", EventType.PUBLISHING_UPDATED, "an-phu", "2020-08-05T09:00:00+07:00",
        new JsonObject().put("channel", "radio").put("item", "timetable").put("state", "verified").put("by", "trực ban")), changes))
        .as("verifying an item nobody claimed done").isFalse();
    assertThat(state.apply(event("p0b", EventType.PUBLISHING_UPDATED, "an-phu", "2020-08-05T09:30:00+07:00",
        new JsonObject().put("channel", "radio").put("item", "timetable").put("state", "done")), changes))
        .as("claiming done without evidence").isFalse();
    state.apply(event("p1", EventType.PUBLISHING_UPDATED, "an-phu", "2020-08-05T10:00:00+07:00",
        new JsonObject().put("channel", "radio").put("item", "timetable").put("state", "done").put("evidence", "3 lần/ngày").put("by", "đài an phú")), changes);
    var claimed = state.publishing().state("an-phu:radio:timetable");
    assertThat(claimed.state().wireName()).isEqualTo("done");
    state.apply(event("p2", EventType.PUBLISHING_UPDATED, "an-phu", "2020-08-05T11:00:00+07:00",
        new JsonObject().put("channel", "radio").put("item", "timetable").put("state", "verified").put("by", "trực ban")), changes);
    var verified = state.publishing().state("an-phu:radio:timetable");
    assertThat(verified.state().wireName()).isEqualTo("verified");
    assertThat(verified.verifiedBy()).isEqualTo("trực ban");
    assertThat(verified.evidence()).isEqualTo("3 lần/ngày");
    assertThat(verified.doneAt()).isEqualTo(claimed.doneAt());
  }

  @Test
  @DisplayName("the same events in the same order always give the same state")
  void deterministic() {
    List<Event> log = List.of(checkin("a", "an-phu", "2020-08-09T07:00:00+07:00", "ok"),
        incident("b", EventType.INCIDENT_REPORTED, "X", "2020-08-09T07:01:00+07:00"),
        incident("c", EventType.INCIDENT_RESOLVED, "X", "2020-08-09T07:02:00+07:00"));
    BoardState other = new BoardState(PROVINCE);
    log.forEach(e -> state.apply(e, changes));
    log.forEach(e -> other.apply(e, new LinkedHashSet<>()));
    var view = new BoardView(PROVINCE);
    Instant now = Instant.parse("2020-08-09T01:00:00Z");
    assertThat(view.snapshot(other, now)).isEqualTo(view.snapshot(state, now));
  }
}
