package examops.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import examops.vocabulary.Channel;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.DeliveryChannel;
import examops.vocabulary.HealthStatus;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.LinkState;
import examops.vocabulary.PublishingState;
import examops.vocabulary.Severity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tier.Unit
class PayloadTest {

  private static final EventValidator VALIDATOR = new EventValidator();
  private static final Instant NOW = Instant.parse("2020-08-09T00:10:00Z");

  /** Every type's payload with its required fields only. */
  private static final Map<EventType, JsonObject> MINIMAL = new EnumMap<>(EventType.class);
  /** Every type's payload with every field its schema knows. */
  private static final Map<EventType, JsonObject> FULL = new EnumMap<>(EventType.class);

  static {
    JsonObject follow = new JsonObject().put("incidentId", "inc-1");
    JsonObject followFull = new JsonObject().put("incidentId", "inc-1").put("by", "Trực ban").put("assignee", "Anh Tuấn")
        .put("severity", "high").put("note", "đã gọi điện");
    MINIMAL.put(EventType.PROBE_RESULT, new JsonObject().put("target", "portal").put("status", "up"));
    FULL.put(EventType.PROBE_RESULT, new JsonObject().put("target", "portal").put("status", "degraded").put("latencyMs", 812.5)
        .put("detail", "HTTP 200"));
    MINIMAL.put(EventType.MAINTENANCE_DECLARED, new JsonObject().put("windowId", "mw-1").put("targets", new JsonArray().add("portal"))
        .put("to", "2020-08-09T09:00:00+07:00").put("reason", "nâng cấp"));
    FULL.put(EventType.MAINTENANCE_DECLARED, MINIMAL.get(EventType.MAINTENANCE_DECLARED).copy()
        .put("from", "2020-08-09T08:00+07:00").put("by", "Phòng CNTT"));
    MINIMAL.put(EventType.MAINTENANCE_ENDED, new JsonObject().put("windowId", "mw-1"));
    FULL.put(EventType.MAINTENANCE_ENDED, new JsonObject().put("windowId", "mw-1").put("note", "xong").put("by", "Phòng CNTT"));
    MINIMAL.put(EventType.INCIDENT_REPORTED, new JsonObject().put("incidentId", "inc-1").put("title", "Mất điện")
        .put("severity", "critical").put("category", "exam-data"));
    FULL.put(EventType.INCIDENT_REPORTED, MINIMAL.get(EventType.INCIDENT_REPORTED).copy().put("site", "long-xuyen/thpt-1")
        .put("targets", new JsonArray().add("portal").add("dns")).put("description", "cả khu").put("by", "Điểm thi 1"));
    for (EventType t : List.of(EventType.INCIDENT_ACKNOWLEDGED, EventType.INCIDENT_UPDATED, EventType.INCIDENT_ESCALATED,
        EventType.INCIDENT_RESOLVED, EventType.INCIDENT_REOPENED)) {
      MINIMAL.put(t, follow);
      FULL.put(t, followFull);
    }
    MINIMAL.put(EventType.INCIDENT_ASSIGNED, follow.copy().put("assignee", "Anh Tuấn"));
    FULL.put(EventType.INCIDENT_ASSIGNED, followFull);
    MINIMAL.put(EventType.PUBLISHING_UPDATED, new JsonObject().put("channel", "radio").put("item", "schedule").put("state", "in-progress"));
    FULL.put(EventType.PUBLISHING_UPDATED, MINIMAL.get(EventType.PUBLISHING_UPDATED).copy().put("evidence", "https://x.vn/a")
        .put("by", "Đài huyện"));
    MINIMAL.put(EventType.CHECKIN_SUBMITTED, new JsonObject().put("status", "ok"));
    FULL.put(EventType.CHECKIN_SUBMITTED, new JsonObject().put("site", "long-xuyen/thpt-1").put("status", "issue").put("phone", "ok")
        .put("fax", "down").put("internet", "slow").put("note", "mạng chậm"));
    MINIMAL.put(EventType.UNIT_REPORT_SUBMITTED, new JsonObject().put("unit", "long-xuyen").put("summary", "Hoàn thành"));
    FULL.put(EventType.UNIT_REPORT_SUBMITTED, MINIMAL.get(EventType.UNIT_REPORT_SUBMITTED).copy().put("incidents", "không")
        .put("figures", new JsonArray().add(new JsonObject().put("label", "Số điểm thi").put("value", "12")))
        .put("attachments", new JsonArray().add(new JsonObject().put("url", "https://example.vn/bc.pdf"))
            .add(new JsonObject().put("title", "Biên bản").put("url", "https://example.vn/bb.pdf")))
        .put("by", "Nguyễn Văn A"));
    MINIMAL.put(EventType.ALERT_RAISED, new JsonObject().put("alertId", "a-1").put("rule", "target-down").put("subject", "portal")
        .put("severity", "critical").put("message", "Cổng thông tin không truy cập được"));
    FULL.put(EventType.ALERT_RAISED, MINIMAL.get(EventType.ALERT_RAISED).copy().put("by", "rules").put("messageEn", "Portal down")
        .put("onset", "2020-08-09T07:01:30.5+07:00"));
    for (EventType t : List.of(EventType.ALERT_CLEARED, EventType.ALERT_ACKNOWLEDGED)) {
      MINIMAL.put(t, new JsonObject().put("alertId", "a-1"));
      FULL.put(t, new JsonObject().put("alertId", "a-1").put("rule", "target-down").put("subject", "portal").put("severity", "low")
          .put("message", "đã xử lý").put("by", "Trực ban"));
    }
    JsonObject sent = new JsonObject().put("notificationId", "a-1:0:c-1:email").put("alertId", "a-1").put("rule", "target-down")
        .put("subject", "portal").put("severity", "high").put("channel", "email").put("recipient", "c-1").put("reminder", 0)
        .put("attempt", 1).put("alertRaisedAt", "2020-08-09T07:01:00+07:00");
    MINIMAL.put(EventType.NOTIFICATION_SENT, sent);
    FULL.put(EventType.NOTIFICATION_SENT, sent.copy().put("recipientName", "Anh Tuấn").put("text", "Cổng thông tin..."));
    MINIMAL.put(EventType.NOTIFICATION_FAILED, sent.copy().put("channel", "webhook").put("final", false).put("error", "timeout"));
    FULL.put(EventType.NOTIFICATION_FAILED, MINIMAL.get(EventType.NOTIFICATION_FAILED).copy().put("recipientName", "Anh Tuấn")
        .put("text", "Cổng...").put("nextAttemptAt", "2020-08-09T07:03:00.250+07:00"));
  }

  /** An envelope in the order and shape {@link EventCodec} writes, so that encoding gives back its bytes. */
  private static JsonObject envelope(EventType type, JsonObject data) {
    JsonObject j = new JsonObject().put("id", "e-1").put("type", type.wireName()).put("at", "2020-08-09T07:05:00+07:00")
        .put("receivedAt", "2020-08-09T00:05:01Z").put("source", "test");
    if (type == EventType.CHECKIN_SUBMITTED || type == EventType.UNIT_REPORT_SUBMITTED) j.put("district", "long-xuyen");
    return j.put("data", data.copy());
  }

  private static Event valid(EventType type, JsonObject data) {
    Validation v = VALIDATOR.validate(envelope(type, data).toBuffer(), NOW);
    assertThat(v).as("%s %s", type, data).isInstanceOf(Validation.Valid.class);
    return ((Validation.Valid) v).event();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  @DisplayName("every event type decodes to its record, with only its required fields and with all of them, and encodes back to the same bytes")
  void everyTypeDecodes(EventType type) {
    for (JsonObject data : List.of(MINIMAL.get(type), FULL.get(type))) {
      Buffer sent = envelope(type, data).toBuffer();
      Event e = valid(type, data);
      assertThat(e.payload()).isEqualTo(Payload.decode(type, data));
      assertThat(EventCodec.encode(e)).isEqualTo(sent);
      assertThat(EventCodec.fromJson(EventCodec.toJson(e), NOW).payload()).isEqualTo(e.payload());
    }
  }

  @Test
  @DisplayName("the records carry the closed sets as enums and the optional fields as the event said them")
  void fullFieldsTyped() {
    Payload.ProbeResult probe = valid(EventType.PROBE_RESULT, FULL.get(EventType.PROBE_RESULT)).as(Payload.ProbeResult.class);
    assertThat(probe).isEqualTo(new Payload.ProbeResult("portal", HealthStatus.DEGRADED, 812.5, "HTTP 200"));

    Payload.IncidentReported inc = valid(EventType.INCIDENT_REPORTED, FULL.get(EventType.INCIDENT_REPORTED))
        .as(Payload.IncidentReported.class);
    assertThat(inc.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(inc.category()).isEqualTo(IncidentCategory.EXAM_DATA);
    assertThat(inc.targets()).containsExactly("portal", "dns");
    assertThat(inc.by()).isEqualTo("Điểm thi 1");

    Payload.CheckinSubmitted c = valid(EventType.CHECKIN_SUBMITTED, FULL.get(EventType.CHECKIN_SUBMITTED)).as(Payload.CheckinSubmitted.class);
    assertThat(c).isEqualTo(new Payload.CheckinSubmitted("long-xuyen/thpt-1", CheckinCondition.ISSUE, LinkState.OK, LinkState.DOWN,
        LinkState.SLOW, "mạng chậm"));

    Payload.PublishingUpdated p = valid(EventType.PUBLISHING_UPDATED, FULL.get(EventType.PUBLISHING_UPDATED))
        .as(Payload.PublishingUpdated.class);
    assertThat(p.channel()).isEqualTo(Channel.RADIO);
    assertThat(p.state()).isEqualTo(PublishingState.IN_PROGRESS);

    Payload.MaintenanceDeclared m = valid(EventType.MAINTENANCE_DECLARED, FULL.get(EventType.MAINTENANCE_DECLARED))
        .as(Payload.MaintenanceDeclared.class);
    assertThat(m.from()).isEqualTo(OffsetDateTime.parse("2020-08-09T08:00:00+07:00"));
    assertThat(m.to().toInstant()).isEqualTo(Instant.parse("2020-08-09T02:00:00Z"));

    Payload.UnitReportSubmitted r = valid(EventType.UNIT_REPORT_SUBMITTED, FULL.get(EventType.UNIT_REPORT_SUBMITTED))
        .as(Payload.UnitReportSubmitted.class);
    assertThat(r.figures()).containsExactly(new Payload.UnitReportSubmitted.Figure("Số điểm thi", "12"));
    assertThat(r.attachments()).containsExactly(new Payload.UnitReportSubmitted.Attachment(null, "https://example.vn/bc.pdf"),
        new Payload.UnitReportSubmitted.Attachment("Biên bản", "https://example.vn/bb.pdf"));

    Payload.AlertRaised a = valid(EventType.ALERT_RAISED, FULL.get(EventType.ALERT_RAISED)).as(Payload.AlertRaised.class);
    assertThat(a.onset().toInstant()).isEqualTo(Instant.parse("2020-08-09T00:01:30.5Z"));

    Payload.NotificationOutcome n = valid(EventType.NOTIFICATION_FAILED, FULL.get(EventType.NOTIFICATION_FAILED))
        .as(Payload.NotificationOutcome.class);
    assertThat(n.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
    assertThat(n.severity()).isEqualTo(Severity.HIGH);
    assertThat(n.finalAttempt()).isFalse();
    assertThat(n.attempt()).isEqualTo(1);
    assertThat(n.nextAttemptAt().toInstant()).isEqualTo(Instant.parse("2020-08-09T00:03:00.25Z"));
  }

  @Test
  @DisplayName("an optional field left out reads as null (or an empty list), never as a default that looks said")
  void missingOptionals() {
    Payload.ProbeResult probe = valid(EventType.PROBE_RESULT, MINIMAL.get(EventType.PROBE_RESULT)).as(Payload.ProbeResult.class);
    assertThat(probe.latencyMs()).isNull();
    assertThat(probe.detail()).isNull();
    Payload.CheckinSubmitted c = valid(EventType.CHECKIN_SUBMITTED, MINIMAL.get(EventType.CHECKIN_SUBMITTED)).as(Payload.CheckinSubmitted.class);
    assertThat(c.site()).isNull();
    assertThat(c.phone()).isNull();
    assertThat(c.internet()).isNull();
    Payload.IncidentReported inc = valid(EventType.INCIDENT_REPORTED, MINIMAL.get(EventType.INCIDENT_REPORTED)).as(Payload.IncidentReported.class);
    assertThat(inc.targets()).isEmpty();
    assertThat(inc.by()).isNull();
    Payload.IncidentFollowUp ack = valid(EventType.INCIDENT_ACKNOWLEDGED, MINIMAL.get(EventType.INCIDENT_ACKNOWLEDGED))
        .as(Payload.IncidentFollowUp.class);
    assertThat(ack.severity()).isNull();
    assertThat(ack.assignee()).isNull();
    assertThat(valid(EventType.MAINTENANCE_DECLARED, MINIMAL.get(EventType.MAINTENANCE_DECLARED)).as(Payload.MaintenanceDeclared.class).from())
        .isNull();
    Payload.UnitReportSubmitted r = valid(EventType.UNIT_REPORT_SUBMITTED, MINIMAL.get(EventType.UNIT_REPORT_SUBMITTED))
        .as(Payload.UnitReportSubmitted.class);
    assertThat(r.figures()).isEmpty();
    assertThat(r.attachments()).isEmpty();
    Payload.NotificationOutcome sent = valid(EventType.NOTIFICATION_SENT, MINIMAL.get(EventType.NOTIFICATION_SENT))
        .as(Payload.NotificationOutcome.class);
    assertThat(sent.finalAttempt()).isFalse();
    assertThat(sent.error()).isNull();
    assertThat(sent.nextAttemptAt()).isNull();
  }

  @Test
  @DisplayName("odd but valid values decode: a whole-number latency, a time without seconds, an escalation without a severity")
  void oddOptionals() {
    Event probe = valid(EventType.PROBE_RESULT, new JsonObject().put("target", "portal").put("status", "down").put("latencyMs", 0));
    assertThat(probe.as(Payload.ProbeResult.class).latencyMs()).isEqualTo(0.0);
    Event end = valid(EventType.MAINTENANCE_DECLARED, MINIMAL.get(EventType.MAINTENANCE_DECLARED).copy().put("to", "2020-08-09T09:30Z"));
    assertThat(end.as(Payload.MaintenanceDeclared.class).to().toInstant()).isEqualTo(Instant.parse("2020-08-09T09:30:00Z"));
    Event esc = valid(EventType.INCIDENT_ESCALATED, new JsonObject().put("incidentId", "inc-1").put("note", ""));
    assertThat(esc.as(Payload.IncidentFollowUp.class).severity()).isNull();
    assertThat(esc.as(Payload.IncidentFollowUp.class).note()).isEmpty();
  }

  @Test
  @DisplayName("a field the payload record does not know survives encoding and decoding, byte for byte")
  void unknownFieldRoundTrip() {
    JsonObject data = FULL.get(EventType.CHECKIN_SUBMITTED).copy().put("battery", 42).put("extra", new JsonObject().put("a", new JsonArray().add(1).add(2)));
    Event built = new Event("e-1", EventType.CHECKIN_SUBMITTED, OffsetDateTime.parse("2020-08-09T07:05:00+07:00"),
        Instant.parse("2020-08-09T00:05:01Z"), "test", "long-xuyen", data);
    Buffer bytes = EventCodec.encode(built);
    assertThat(bytes).isEqualTo(envelope(EventType.CHECKIN_SUBMITTED, data).toBuffer());
    Event read = EventCodec.fromJson(bytes.toJsonObject(), NOW);
    assertThat(read.data().getInteger("battery")).isEqualTo(42);
    assertThat(read.payload()).isEqualTo(built.payload());
    assertThat(EventCodec.encode(read)).isEqualTo(bytes);
  }

  @Test
  @DisplayName("each entity's record key reads the payload as it did the JSON")
  void keys() {
    assertThat(valid(EventType.PROBE_RESULT, MINIMAL.get(EventType.PROBE_RESULT)).key()).isEqualTo("portal");
    assertThat(valid(EventType.MAINTENANCE_ENDED, MINIMAL.get(EventType.MAINTENANCE_ENDED)).key()).isEqualTo("maintenance:mw-1");
    assertThat(valid(EventType.INCIDENT_REPORTED, MINIMAL.get(EventType.INCIDENT_REPORTED)).key()).isEqualTo("inc-1");
    assertThat(valid(EventType.INCIDENT_RESOLVED, MINIMAL.get(EventType.INCIDENT_RESOLVED)).key()).isEqualTo("inc-1");
    assertThat(valid(EventType.PUBLISHING_UPDATED, MINIMAL.get(EventType.PUBLISHING_UPDATED)).key()).isEqualTo("null:radio:schedule");
    assertThat(valid(EventType.CHECKIN_SUBMITTED, MINIMAL.get(EventType.CHECKIN_SUBMITTED)).key()).isEqualTo("long-xuyen");
    assertThat(valid(EventType.CHECKIN_SUBMITTED, FULL.get(EventType.CHECKIN_SUBMITTED)).key()).isEqualTo("long-xuyen/long-xuyen/thpt-1");
    assertThat(valid(EventType.UNIT_REPORT_SUBMITTED, MINIMAL.get(EventType.UNIT_REPORT_SUBMITTED)).key()).isEqualTo("report:long-xuyen");
    assertThat(valid(EventType.ALERT_ACKNOWLEDGED, MINIMAL.get(EventType.ALERT_ACKNOWLEDGED)).key()).isEqualTo("a-1");
    assertThat(valid(EventType.NOTIFICATION_FAILED, MINIMAL.get(EventType.NOTIFICATION_FAILED)).key()).isEqualTo("a-1:0:c-1:email");
  }

  @Test
  @DisplayName("an event built in code with a value outside a closed set is refused naming the field")
  void builtWithBadValue() {
    assertThatThrownBy(() -> new Event("e-1", EventType.CHECKIN_SUBMITTED, OffsetDateTime.parse("2020-08-09T07:05:00+07:00"), NOW,
        "test", "long-xuyen", new JsonObject().put("status", "fine")))
        .isInstanceOf(UndecodablePayload.class).hasMessageContaining("data.status");
    assertThatThrownBy(() -> new Event("e-1", EventType.CHECKIN_SUBMITTED, OffsetDateTime.parse("2020-08-09T07:05:00+07:00"), NOW,
        "test", "long-xuyen", new JsonObject().put("status", "ok").put("fax", "slowish")))
        .isInstanceOf(UndecodablePayload.class).hasMessageContaining("data.fax");
  }

  @Test
  @DisplayName("a date-time the schema's pattern lets through that is no date is refused at the edge, naming the field")
  void impossibleDate() {
    Validation v = VALIDATOR.validate(envelope(EventType.MAINTENANCE_DECLARED,
        MINIMAL.get(EventType.MAINTENANCE_DECLARED).copy().put("to", "2020-02-30T09:00+07:00")).toBuffer(), NOW);
    assertThat(v).isInstanceOf(Validation.Invalid.class);
    assertThat(((Validation.Invalid) v).field()).isEqualTo("data.to");
    assertThat(((Validation.Invalid) v).message()).isEqualTo("data.to: '2020-02-30T09:00+07:00' is not a date-time with an offset");
    Validation onset = VALIDATOR.validate(envelope(EventType.ALERT_RAISED,
        MINIMAL.get(EventType.ALERT_RAISED).copy().put("onset", "2020-08-09T24:30:00+07:00")).toBuffer(), NOW);
    assertThat(((Validation.Invalid) onset).field()).isEqualTo("data.onset");
  }

  @Test
  @DisplayName("asking an event for another type's record names both")
  void wrongRecord() {
    Event e = valid(EventType.PROBE_RESULT, MINIMAL.get(EventType.PROBE_RESULT));
    assertThatThrownBy(() -> e.as(Payload.CheckinSubmitted.class)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("probe.result").hasMessageContaining("CheckinSubmitted");
  }
}
