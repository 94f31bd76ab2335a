package examops.notification;

import examops.vocabulary.DeliveryChannel;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Where one notification stands, folded from its {@code notification.*} events.
 *
 * @param id alert id, reminder, recipient and channel (see {@link NotificationId})
 * @param attempts how many delivery attempts have an outcome in the log
 * @param at when the latest outcome was recorded
 * @param nextAttemptAt when a retry is due, while {@link Status#RETRYING}
 */
public record Notification(String id, String alertId, String rule, String subject, Severity severity,
    DeliveryChannel channel, String recipient, String recipientName, int reminder, Status status, int attempts,
    String error, Instant at, Instant nextAttemptAt, Instant alertRaisedAt, String text) {

  /** Retrying is not an end: a sent or failed notification is done, and never delivered again. */
  public enum Status {
    SENT("sent"), RETRYING("retrying"), FAILED("failed");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public boolean done() {
    return status != Status.RETRYING;
  }

  /** Every field, as a checkpoint keeps it. */
  public JsonObject save() {
    return new JsonObject().put("id", id).put("alertId", alertId).put("rule", rule).put("subject", subject)
        .put("severity", severity.wireName()).put("channel", channel.wireName()).put("recipient", recipient)
        .put("recipientName", recipientName).put("reminder", reminder).put("status", status.name()).put("attempts", attempts).put("error", error)
        .put("at", at.toString()).put("nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString())
        .put("alertRaisedAt", alertRaisedAt.toString()).put("text", text);
  }

  /** A notification as {@link #save()} wrote it. */
  public static Notification restore(JsonObject j) {
    String next = j.getString("nextAttemptAt");
    return new Notification(j.getString("id"), j.getString("alertId"), j.getString("rule"), j.getString("subject"),
        Severity.fromWireName(j.getString("severity")).orElseThrow(), DeliveryChannel.fromWireName(j.getString("channel")).orElseThrow(),
        j.getString("recipient"), j.getString("recipientName"),
        j.getInteger("reminder"), Status.valueOf(j.getString("status")), j.getInteger("attempts"), j.getString("error"),
        Instant.parse(j.getString("at")), next == null ? null : Instant.parse(next), Instant.parse(j.getString("alertRaisedAt")),
        j.getString("text"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("alertId", alertId).put("rule", rule).put("subject", subject)
        .put("severity", severity.wireName()).put("channel", channel.wireName()).put("recipient", recipient)
        .put("recipientName", recipientName).put("reminder", reminder).put("status", status.wireName()).put("attempts", attempts).put("error", error)
        .put("at", at.toString()).put("nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString())
        .put("text", text);
  }
}
