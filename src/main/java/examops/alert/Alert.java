package examops.alert;

import examops.vocabulary.Severity;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An alert raised by a rule: active until cleared; acknowledging silences it but keeps it shown.
 *
 * @param district the district it concerns, or null for provincial subjects
 * @param messageEn the message in English, or null when the rule gave none
 */
public record Alert(String id, String rule, String subject, Severity severity, String message,
    Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, String district, String messageEn) {

  public Alert acknowledged(Instant at, String by) {
    return new Alert(id, rule, subject, severity, message, raisedAt, at, by, district, messageEn);
  }

  /** Every field, as a checkpoint keeps it. */
  public JsonObject save() {
    return new JsonObject().put("id", id).put("rule", rule).put("subject", subject).put("severity", severity.wireName())
        .put("message", message).put("raisedAt", raisedAt.toString())
        .put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toString())
        .put("acknowledgedBy", acknowledgedBy).put("district", district).put("messageEn", messageEn);
  }

  /** An alert as {@link #save()} wrote it. */
  public static Alert restore(JsonObject j) {
    String ack = j.getString("acknowledgedAt");
    return new Alert(j.getString("id"), j.getString("rule"), j.getString("subject"),
        Severity.fromWireName(j.getString("severity")).orElseThrow(),
        j.getString("message"), Instant.parse(j.getString("raisedAt")), ack == null ? null : Instant.parse(ack),
        j.getString("acknowledgedBy"), j.getString("district"), j.getString("messageEn"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("rule", rule).put("subject", subject).put("severity", severity.wireName())
        .put("message", message).put("raisedAt", raisedAt.toString())
        .put("acknowledged", acknowledgedAt != null)
        .put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toString())
        .put("acknowledgedBy", acknowledgedBy);
  }
}
