package examops.publishing;

import examops.vocabulary.PublishingState;
import java.time.Instant;

/**
 * One district's progress on one checklist item.
 *
 * @param evidence a link or a note showing it was done, or null
 * @param by who made the latest change
 * @param doneAt when it was (last) claimed done, or null when it is not done
 * @param verifiedAt when the command center verified it, or null
 */
public record PublishingStatus(
    PublishingState state, String evidence, String by, Instant updatedAt, Instant doneAt,
    Instant verifiedAt, String verifiedBy) {

  public static PublishingStatus notStarted() {
    return new PublishingStatus(PublishingState.NOT_STARTED, null, null, null, null, null, null);
  }

  /**
   * Applies an update. Marking done needs evidence (given now or already on the item); verifying
   * needs a done item. Any other change by the district withdraws a verification, since the
   * evidence it vouched for may have changed. That only the command center verifies is the
   * caller's check (roles are the web layer's).
   */
  public PublishingResult apply(PublishingState next, String newEvidence, String who, Instant at) {
    String evidence = newEvidence == null || newEvidence.isBlank() ? this.evidence : newEvidence;
    return switch (next) {
      case VERIFIED -> state != PublishingState.DONE
          ? new PublishingResult.Rejected(state, "only a done item can be verified; it is " + state.wireName())
          : applied(new PublishingStatus(PublishingState.VERIFIED, evidence, who, at, doneAt, at, who));
      case DONE -> evidence == null
          ? new PublishingResult.Rejected(state, "evidence (a link or a note) is required to mark it done")
          : applied(new PublishingStatus(PublishingState.DONE, evidence, who, at,
              // Re-submitting while already done keeps the first claim, which is what lateness is judged on.
              state == PublishingState.DONE ? doneAt : at, null, null));
      case NOT_STARTED, IN_PROGRESS -> applied(new PublishingStatus(next, evidence, who, at, null, null, null));
    };
  }

  /** Every field, as a checkpoint keeps it. */
  public io.vertx.core.json.JsonObject save() {
    return new io.vertx.core.json.JsonObject().put("state", state.name()).put("evidence", evidence).put("by", by)
        .put("updatedAt", str(updatedAt)).put("doneAt", str(doneAt)).put("verifiedAt", str(verifiedAt)).put("verifiedBy", verifiedBy);
  }

  /** A status as {@link #save()} wrote it. */
  public static PublishingStatus restore(io.vertx.core.json.JsonObject j) {
    return new PublishingStatus(PublishingState.valueOf(j.getString("state")), j.getString("evidence"), j.getString("by"),
        instant(j.getString("updatedAt")), instant(j.getString("doneAt")), instant(j.getString("verifiedAt")), j.getString("verifiedBy"));
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  private static PublishingResult applied(PublishingStatus s) {
    return new PublishingResult.Applied(s);
  }
}
