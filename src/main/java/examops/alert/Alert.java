package examops.alert;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An alert raised by a rule: active until cleared; acknowledging silences it but keeps it shown. */
public record Alert(String id, String rule, String subject, String severity, String message,
    Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy) {

  public Alert acknowledged(Instant at, String by) {
    return new Alert(id, rule, subject, severity, message, raisedAt, at, by);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("rule", rule).put("subject", subject).put("severity", severity)
        .put("message", message).put("raisedAt", raisedAt.toString())
        .put("acknowledged", acknowledgedAt != null)
        .put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toString())
        .put("acknowledgedBy", acknowledgedBy);
  }
}
