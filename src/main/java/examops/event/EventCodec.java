package examops.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one mapping between {@link Event} and its JSON envelope. Expects input the validator passed;
 * the payload is decoded here, once, into its {@link Payload} record.
 */
public final class EventCodec {

  private EventCodec() {}

  public static JsonObject toJson(Event e) {
    JsonObject json = new JsonObject()
        .put("id", e.id())
        .put("type", e.type().wireName())
        .put("at", iso(e.at()))
        .put("receivedAt", e.receivedAt().toString());
    if (e.source() != null) json.put("source", e.source());
    if (e.district() != null) json.put("district", e.district());
    return json.put("data", e.data());
  }

  /** ISO-8601 with seconds always written (OffsetDateTime.toString drops ":00", which RFC 3339 forbids). */
  public static String iso(OffsetDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public static Buffer encode(Event e) {
    return toJson(e).toBuffer();
  }

  /**
   * Builds an event from an envelope that passed schema validation.
   *
   * @param fallbackReceivedAt used when the envelope has no {@code receivedAt} (records written
   *     straight to Kafka by outside producers: the record's timestamp)
   */
  public static Event fromJson(JsonObject json, Instant fallbackReceivedAt) {
    EventType type = EventType.fromWireName(json.getString("type"))
        .orElseThrow(() -> new IllegalArgumentException("unknown event type " + json.getString("type")));
    String received = json.getString("receivedAt");
    return fromParts(json, type, OffsetDateTime.parse(json.getString("at")),
        received == null ? fallbackReceivedAt : OffsetDateTime.parse(received).toInstant());
  }

  /** As {@link #fromJson(JsonObject, Instant)}, with the type, {@code at} and {@code receivedAt} already read (the validator has). */
  static Event fromParts(JsonObject json, EventType type, OffsetDateTime at, Instant receivedAt) {
    JsonObject data = json.getJsonObject("data");
    return new Event(json.getString("id"), type, at, receivedAt, json.getString("source"), json.getString("district"),
        data, Payload.decode(type, data));
  }
}
