package examops.event;

import examops.vocabulary.WireNames;
import java.util.Optional;

/** Every event type ExamOps knows, with its wire name and the stream (topic) it travels on. */
public enum EventType {
  PROBE_RESULT("probe.result", Stream.MONITORING),
  MAINTENANCE_DECLARED("maintenance.declared", Stream.MONITORING),
  MAINTENANCE_ENDED("maintenance.ended", Stream.MONITORING),
  INCIDENT_REPORTED("incident.reported", Stream.INCIDENTS),
  INCIDENT_ACKNOWLEDGED("incident.acknowledged", Stream.INCIDENTS),
  INCIDENT_ASSIGNED("incident.assigned", Stream.INCIDENTS),
  INCIDENT_UPDATED("incident.updated", Stream.INCIDENTS),
  INCIDENT_ESCALATED("incident.escalated", Stream.INCIDENTS),
  INCIDENT_RESOLVED("incident.resolved", Stream.INCIDENTS),
  INCIDENT_REOPENED("incident.reopened", Stream.INCIDENTS),
  PUBLISHING_UPDATED("publishing.updated", Stream.PUBLISHING),
  CHECKIN_SUBMITTED("checkin.submitted", Stream.CHECKINS),
  /** A unit's end-of-window report or an amendment of it; on the check-ins topic, keyed {@code report:<unit>}. */
  UNIT_REPORT_SUBMITTED("unitreport.submitted", Stream.CHECKINS),
  ALERT_RAISED("alert.raised", Stream.ALERTS),
  ALERT_CLEARED("alert.cleared", Stream.ALERTS),
  ALERT_ACKNOWLEDGED("alert.acknowledged", Stream.ALERTS),
  NOTIFICATION_SENT("notification.sent", Stream.NOTIFICATIONS),
  NOTIFICATION_FAILED("notification.failed", Stream.NOTIFICATIONS);

  private static final WireNames<EventType> NAMES = new WireNames<>(values(), t -> t.wireName);

  private final String wireName;
  private final Stream stream;

  EventType(String wireName, Stream stream) {
    this.wireName = wireName;
    this.stream = stream;
  }

  public String wireName() {
    return wireName;
  }

  public Stream stream() {
    return stream;
  }

  public static Optional<EventType> fromWireName(String name) {
    return NAMES.find(name);
  }

  /** The event streams; each has one topic. */
  public enum Stream {
    MONITORING("examops.monitoring"),
    INCIDENTS("examops.incidents"),
    PUBLISHING("examops.publishing"),
    CHECKINS("examops.checkins"),
    ALERTS("examops.alerts"),
    NOTIFICATIONS("examops.notifications");

    private final String topic;

    Stream(String topic) {
      this.topic = topic;
    }

    public String topic() {
      return topic;
    }
  }
}
