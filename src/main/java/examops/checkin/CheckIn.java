package examops.checkin;

import examops.event.Event;
import examops.event.EventCodec;
import examops.event.Payload;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.LinkState;
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
    CheckinCondition status,
    LinkState phone,
    LinkState fax,
    LinkState internet,
    String note,
    String source) {

  public static CheckIn from(Event e) {
    Payload.CheckinSubmitted d = e.as(Payload.CheckinSubmitted.class);
    return new CheckIn(e.id(), e.district(), d.site(), e.at(), e.receivedAt(), d.status(), d.phone(), d.fax(), d.internet(),
        d.note(), e.source());
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
        Instant.parse(j.getString("receivedAt")), CheckinCondition.fromWireName(j.getString("status")).orElseThrow(),
        link(j.getString("phone")), link(j.getString("fax")), link(j.getString("internet")), j.getString("note"),
        j.getString("source"));
  }

  private static LinkState link(String saved) {
    return saved == null ? null : LinkState.fromWireName(saved).orElseThrow();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", eventId).put("site", site)
        .put("at", EventCodec.iso(at)).put("receivedAt", receivedAt.toString())
        .put("status", status.wireName()).put("phone", wire(phone)).put("fax", wire(fax)).put("internet", wire(internet))
        .put("note", note).put("source", source);
  }

  /** A link's state as it travels, or null when the check-in said nothing of it. */
  public static String wire(LinkState link) {
    return link == null ? null : link.wireName();
  }
}
