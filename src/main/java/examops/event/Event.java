package examops.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The envelope every fact travels in (see ARCHITECTURE.md, "Event envelope").
 *
 * <p>{@code at} is the sender's time, kept with its offset so the board shows the sender's wall
 * clock; {@code receivedAt} is when ExamOps accepted it (set on ingest, or the Kafka record time for
 * records written straight to a topic), so a late report shows as delayed instead of back-dated.
 * {@code data} is the type's payload, already validated against its schema.
 */
public record Event(
    String id,
    EventType type,
    OffsetDateTime at,
    Instant receivedAt,
    String source,
    String district,
    JsonObject data) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(receivedAt, "receivedAt");
    data = data == null ? new JsonObject() : data;
  }

  public Instant atInstant() {
    return at.toInstant();
  }

  /** The Kafka record key: keeps one entity's events in order on one partition. */
  public String key() {
    return switch (type.stream()) {
      case MONITORING -> type == EventType.PROBE_RESULT ? data.getString("target") : "maintenance:" + data.getString("windowId");
      case INCIDENTS -> data.getString("incidentId");
      case PUBLISHING -> district + ":" + data.getString("channel") + ":" + data.getString("item");
      case CHECKINS -> type == EventType.UNIT_REPORT_SUBMITTED ? "report:" + data.getString("unit")
          : data.getString("site") == null ? district : district + "/" + data.getString("site");
      case ALERTS -> data.getString("alertId");
      case NOTIFICATIONS -> data.getString("notificationId");
    };
  }

  public String topic() {
    return type.stream().topic();
  }
}
