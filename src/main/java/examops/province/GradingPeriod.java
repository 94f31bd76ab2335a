package examops.province;

import java.time.Instant;

/**
 * The days the papers are graded (chấm thi), after the exam days: the grading sites' own phase,
 * in which they check in on the grading cadence. End is exclusive.
 *
 * @param estimated true when the dates are the best known rather than the official plan's
 * @param note where the dates come from, or null
 */
public record GradingPeriod(Instant start, Instant end, boolean estimated, LocalizedText note) {

  /** The grading sites' phase at an instant. */
  public GradingPhase phaseAt(Instant t) {
    if (t.isBefore(start)) return GradingPhase.BEFORE_GRADING;
    return t.isBefore(end) ? GradingPhase.GRADING : GradingPhase.GRADING_DONE;
  }

  public boolean contains(Instant t) {
    return phaseAt(t) == GradingPhase.GRADING;
  }
}
