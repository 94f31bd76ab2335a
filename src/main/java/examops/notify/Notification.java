package examops.notify;

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
public record Notification(String id, String alertId, String rule, String subject, String severity,
    String channel, String recipient, String recipientName, int reminder, Status status, int attempts,
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

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("alertId", alertId).put("rule", rule).put("subject", subject)
        .put("severity", severity).put("channel", channel).put("recipient", recipient).put("recipientName", recipientName)
        .put("reminder", reminder).put("status", status.wireName()).put("attempts", attempts).put("error", error)
        .put("at", at.toString()).put("nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString())
        .put("text", text);
  }
}
