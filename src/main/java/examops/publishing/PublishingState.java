package examops.publishing;

import java.time.Instant;

/**
 * One checklist item's progress in one district. {@code done} is the unit's claim; it counts as
 * complete only once the command center has {@code verified} the evidence.
 */
public record PublishingState(String state, String evidence, String by, Instant updatedAt, String verifiedBy) {

  public static final PublishingState NOT_STARTED = new PublishingState("not-started", null, null, null, null);

  public boolean complete() {
    return "verified".equals(state);
  }

  public boolean claimedDone() {
    return "done".equals(state) || "verified".equals(state);
  }
}
