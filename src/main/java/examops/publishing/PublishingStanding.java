package examops.publishing;

import examops.vocabulary.PublishingState;
import java.time.Duration;
import java.time.Instant;

/**
 * An item's standing against its due time, for the board and the report.
 *
 * @param late done after its due time, or not done and past it (exactly at the due time is not late)
 * @param complete verified by the command center; a district's claim alone never completes an item
 * @param lateBy how far past due (the claim's time, or now when not done); zero when not late
 */
public record PublishingStanding(
    PublishingState state, Instant due, boolean late, boolean complete, Duration lateBy) {

  /**
   * Lateness is judged on when the district claimed it done, not on when it was verified: the
   * second pair of eyes should not make a district late.
   */
  public static PublishingStanding evaluate(PublishingStatus status, Instant due, Instant now) {
    Instant reference = status.doneAt() != null ? status.doneAt() : now;
    boolean late = reference.isAfter(due);
    return new PublishingStanding(status.state(), due, late, status.state() == PublishingState.VERIFIED,
        late ? Duration.between(due, reference) : Duration.ZERO);
  }

  /** Claimed done, waiting for the command center. */
  public boolean awaitingVerification() {
    return state == PublishingState.DONE;
  }

  /** Not done and past due: what the board calls missing. */
  public boolean missing() {
    return late && (state == PublishingState.NOT_STARTED || state == PublishingState.IN_PROGRESS);
  }
}
