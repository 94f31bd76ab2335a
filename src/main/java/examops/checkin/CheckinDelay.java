package examops.checkin;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a check-in took to reach ExamOps ({@code receivedAt − at}). One queued offline or held
 * up by a congested network is shown as delayed rather than silently back-dated.
 */
public record CheckinDelay(Duration delay, boolean delayed) {

  /**
   * @param at the sender's time
   * @param receivedAt when ExamOps accepted it
   * @param threshold a delay longer than this is "delayed" (exactly the threshold is not)
   */
  public static CheckinDelay of(Instant at, Instant receivedAt, Duration threshold) {
    // A sender's clock running ahead gives a negative delay: that is not a delay.
    Duration delay = Duration.between(at, receivedAt);
    if (delay.isNegative()) delay = Duration.ZERO;
    return new CheckinDelay(delay, delay.compareTo(threshold) > 0);
  }
}
