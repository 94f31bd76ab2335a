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
 * {@code data} is the type's payload as it travels, already validated against its schema: it is what
 * is written and fingerprinted. {@code payload} is the same, typed ({@link Payload}): what the code
 * reads.
 */
public record Event(
    String id,
    EventType type,
    OffsetDateTime at,
    Instant receivedAt,
    String source,
    String district,
    JsonObject data,
    Payload payload) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(payload, "payload");
    data = data == null ? new JsonObject() : data;
  }

  /** An event built in code: its payload is decoded from {@code data} here. */
  public Event(String id, EventType type, OffsetDateTime at, Instant receivedAt, String source, String district,
      JsonObject data) {
    this(id, type, at, receivedAt, source, district, data == null ? new JsonObject() : data,
        Payload.decode(type, data == null ? new JsonObject() : data));
  }

  /**
   * The payload as the record its type carries.
   *
   * @throws IllegalStateException when this event's type carries another
   */
  public <P extends Payload> P as(Class<P> kind) {
    if (!kind.isInstance(payload)) {
      throw new IllegalStateException("a " + type.wireName() + " carries " + payload.getClass().getSimpleName() + ", not "
          + kind.getSimpleName());
    }
    return kind.cast(payload);
  }

  public Instant atInstant() {
    return at.toInstant();
  }

  /** The Kafka record key: keeps one entity's events in order on one partition. */
  public String key() {
    if (payload instanceof Payload.ProbeResult p) return p.target();
    if (payload instanceof Payload.OfMaintenance m) return "maintenance:" + m.windowId();
    if (payload instanceof Payload.OfIncident i) return i.incidentId();
    if (payload instanceof Payload.PublishingUpdated p) return district + ":" + p.channel().wireName() + ":" + p.item();
    if (payload instanceof Payload.UnitReportSubmitted r) return "report:" + r.unit();
    if (payload instanceof Payload.CheckinSubmitted c) return c.site() == null ? district : district + "/" + c.site();
    if (payload instanceof Payload.OfAlert a) return a.alertId();
    return ((Payload.NotificationOutcome) payload).notificationId();
  }

  public String topic() {
    return type.stream().topic();
  }
}
