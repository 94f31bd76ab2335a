package examops.checkin;

import examops.event.Event;
import examops.event.EventCodec;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One district's (or exam site's) report that all is well, or not. */
public record CheckIn(
    String eventId,
    String district,
    String site,
    OffsetDateTime at,
    Instant receivedAt,
    String status,
    String phone,
    String fax,
    String internet,
    String note,
    String source) {

  public static CheckIn from(Event e) {
    JsonObject d = e.data();
    return new CheckIn(e.id(), e.district(), d.getString("site"), e.at(), e.receivedAt(), d.getString("status"),
        d.getString("phone"), d.getString("fax"), d.getString("internet"), d.getString("note"), e.source());
  }

  /**
   * The time the check-in counts for: the sender's, but never later than receipt, so a phone whose
   * clock runs ahead cannot check in for the future.
   */
  public Instant countsAt() {
    Instant sent = at.toInstant();
    return sent.isAfter(receivedAt) ? receivedAt : sent;
  }

  /** A check-in as {@link #toJson()} wrote it, with its district beside it. */
  public static CheckIn fromJson(JsonObject j) {
    return new CheckIn(j.getString("id"), j.getString("district"), j.getString("site"), OffsetDateTime.parse(j.getString("at")),
        Instant.parse(j.getString("receivedAt")), j.getString("status"), j.getString("phone"), j.getString("fax"),
        j.getString("internet"), j.getString("note"), j.getString("source"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", eventId).put("site", site)
        .put("at", EventCodec.iso(at)).put("receivedAt", receivedAt.toString())
        .put("status", status).put("phone", phone).put("fax", fax).put("internet", internet)
        .put("note", note).put("source", source);
  }
}
