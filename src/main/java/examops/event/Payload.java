package examops.event;

import examops.vocabulary.Channel;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.DeliveryChannel;
import examops.vocabulary.HealthStatus;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.LinkState;
import examops.vocabulary.PublishingState;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an event says, typed: one record per event type (or per family of types sharing a schema),
 * decoded once from the validated {@code data} (by {@link EventCodec}, or by {@link Event}'s
 * constructor for an event built in code). Field names and wire values are spelled here and in the
 * schemas only; the books, rules and admission read these records. Optional fields are null when
 * absent. The JSON stays on the event ({@link Event#data()}): it is what is written, so a field a
 * newer schema adds survives a round trip.
 *
 * <p>Decoding on the reader's decoding threads adds 3-7% to validating an event and takes about a
 * quarter off applying it on the board's one thread, which no longer looks fields up by name
 * ({@code examops.bench.DecodeCost}, same run: 1.75 → 1.86 µs and 1.64 → 1.23 µs per event).
 */
public sealed interface Payload {

  /** The payload of an event of this type, from its {@code data}. */
  static Payload decode(EventType type, JsonObject data) {
    PayloadFields d = new PayloadFields(data);
    return switch (type) {
      case PROBE_RESULT -> ProbeResult.from(d);
      case MAINTENANCE_DECLARED -> MaintenanceDeclared.from(d);
      case MAINTENANCE_ENDED -> MaintenanceEnded.from(d);
      case INCIDENT_REPORTED -> IncidentReported.from(d);
      case INCIDENT_ACKNOWLEDGED, INCIDENT_ASSIGNED, INCIDENT_UPDATED, INCIDENT_ESCALATED, INCIDENT_RESOLVED,
          INCIDENT_REOPENED -> IncidentFollowUp.from(d);
      case PUBLISHING_UPDATED -> PublishingUpdated.from(d);
      case CHECKIN_SUBMITTED -> CheckinSubmitted.from(d);
      case UNIT_REPORT_SUBMITTED -> UnitReportSubmitted.from(d);
      case ALERT_RAISED -> AlertRaised.from(d);
      case ALERT_CLEARED, ALERT_ACKNOWLEDGED -> AlertFollowUp.from(d);
      case NOTIFICATION_SENT, NOTIFICATION_FAILED -> NotificationOutcome.from(d);
    };
  }

  /** The payloads of one maintenance window's events. */
  sealed interface OfMaintenance extends Payload {
    String windowId();
  }

  /** The payloads of one incident's events. */
  sealed interface OfIncident extends Payload {
    String incidentId();

    /** Who acted, as the sender typed it (null: the event's source). */
    String by();
  }

  /** The payloads of one alert's events. */
  sealed interface OfAlert extends Payload {
    String alertId();
  }

  /** {@code probe.result}: one observation of a target. */
  record ProbeResult(String target, HealthStatus status, Double latencyMs, String detail) implements Payload {
    static ProbeResult from(PayloadFields d) {
      return new ProbeResult(d.text("target"), d.required("status", HealthStatus.fromWireName(d.text("status"))),
          d.number("latencyMs"), d.text("detail"));
    }
  }

  /** {@code maintenance.declared}: an ad-hoc window; {@code from} null means from the event's time. */
  record MaintenanceDeclared(String windowId, List<String> targets, OffsetDateTime from, OffsetDateTime to, String reason,
      String by) implements OfMaintenance {
    static MaintenanceDeclared from(PayloadFields d) {
      return new MaintenanceDeclared(d.text("windowId"), d.texts("targets"), d.time("from"), d.time("to"), d.text("reason"),
          d.text("by"));
    }
  }

  /** {@code maintenance.ended}. */
  record MaintenanceEnded(String windowId, String note, String by) implements OfMaintenance {
    static MaintenanceEnded from(PayloadFields d) {
      return new MaintenanceEnded(d.text("windowId"), d.text("note"), d.text("by"));
    }
  }

  /** {@code incident.reported}; {@code targets} is empty when none were named. */
  record IncidentReported(String incidentId, String title, Severity severity, IncidentCategory category, String site,
      List<String> targets, String description, String by) implements OfIncident {
    static IncidentReported from(PayloadFields d) {
      List<String> targets = d.texts("targets");
      return new IncidentReported(d.text("incidentId"), d.text("title"),
          d.required("severity", Severity.fromWireName(d.text("severity"))),
          d.required("category", IncidentCategory.fromWireName(d.text("category"))), d.text("site"),
          targets == null ? List.of() : targets, d.text("description"), d.text("by"));
    }
  }

  /**
   * Every later step of an incident (acknowledged, assigned, updated, escalated, resolved, reopened):
   * they share one shape; the event's type says which step it is.
   */
  record IncidentFollowUp(String incidentId, String by, String assignee, Severity severity, String note)
      implements OfIncident {
    static IncidentFollowUp from(PayloadFields d) {
      return new IncidentFollowUp(d.text("incidentId"), d.text("by"), d.text("assignee"),
          d.optional("severity", Severity.fromWireName(d.text("severity"))), d.text("note"));
    }
  }

  /** {@code publishing.updated}: a checklist item's progress. */
  record PublishingUpdated(Channel channel, String item, PublishingState state, String evidence, String by)
      implements Payload {
    static PublishingUpdated from(PayloadFields d) {
      return new PublishingUpdated(d.required("channel", Channel.fromWireName(d.text("channel"))), d.text("item"),
          d.required("state", PublishingState.fromWireName(d.text("state"))), d.text("evidence"), d.text("by"));
    }
  }

  /** {@code checkin.submitted}: a district's (or, with {@code site}, an exam site's) report and its links. */
  record CheckinSubmitted(String site, CheckinCondition status, LinkState phone, LinkState fax, LinkState internet,
      String note) implements Payload {
    static CheckinSubmitted from(PayloadFields d) {
      return new CheckinSubmitted(d.text("site"), d.required("status", CheckinCondition.fromWireName(d.text("status"))),
          d.optional("phone", LinkState.fromWireName(d.text("phone"))),
          d.optional("fax", LinkState.fromWireName(d.text("fax"))),
          d.optional("internet", LinkState.fromWireName(d.text("internet"))), d.text("note"));
    }
  }

  /** {@code unitreport.submitted}: a unit's end-of-window report (or an amendment of it). */
  record UnitReportSubmitted(String unit, String summary, String incidents, List<Figure> figures,
      List<Attachment> attachments, String by) implements Payload {

    /** A figure the unit vouches for. */
    public record Figure(String label, String value) {}

    /** A link the unit attaches; {@code title} may be null. */
    public record Attachment(String title, String url) {}

    static UnitReportSubmitted from(PayloadFields d) {
      return new UnitReportSubmitted(d.text("unit"), d.text("summary"), d.text("incidents"),
          d.objects("figures", f -> new Figure(f.text("label"), f.text("value"))),
          d.objects("attachments", a -> new Attachment(a.text("title"), a.text("url"))), d.text("by"));
    }
  }

  /** {@code alert.raised}: a rule's alert; {@code onset} (optional) is when its condition began. */
  record AlertRaised(String alertId, String rule, String subject, Severity severity, String message, String messageEn,
      OffsetDateTime onset, String by) implements OfAlert {
    static AlertRaised from(PayloadFields d) {
      return new AlertRaised(d.text("alertId"), d.text("rule"), d.text("subject"),
          d.required("severity", Severity.fromWireName(d.text("severity"))), d.text("message"), d.text("messageEn"),
          d.time("onset"), d.text("by"));
    }
  }

  /** {@code alert.cleared} and {@code alert.acknowledged}: only the id is required. */
  record AlertFollowUp(String alertId, String rule, String subject, Severity severity, String message, String by)
      implements OfAlert {
    static AlertFollowUp from(PayloadFields d) {
      return new AlertFollowUp(d.text("alertId"), d.text("rule"), d.text("subject"),
          d.optional("severity", Severity.fromWireName(d.text("severity"))), d.text("message"), d.text("by"));
    }
  }

  /**
   * {@code notification.sent} and {@code notification.failed}: one delivery attempt's outcome. For a
   * sent one, {@code finalAttempt} is false and {@code error} and {@code nextAttemptAt} are null.
   */
  record NotificationOutcome(String notificationId, String alertId, String rule, String subject, Severity severity,
      DeliveryChannel channel, String recipient, String recipientName, int reminder, int attempt,
      OffsetDateTime alertRaisedAt, String text, boolean finalAttempt, String error, OffsetDateTime nextAttemptAt)
      implements Payload {
    static NotificationOutcome from(PayloadFields d) {
      return new NotificationOutcome(d.text("notificationId"), d.text("alertId"), d.text("rule"), d.text("subject"),
          d.required("severity", Severity.fromWireName(d.text("severity"))),
          d.required("channel", DeliveryChannel.fromWireName(d.text("channel"))), d.text("recipient"),
          d.text("recipientName"), d.whole("reminder"), d.whole("attempt"), d.time("alertRaisedAt"), d.text("text"),
          d.flag("final"), d.text("error"), d.time("nextAttemptAt"));
    }
  }
}
