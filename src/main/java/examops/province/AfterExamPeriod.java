package examops.province;

import java.time.Instant;

/**
 * One stage after the exam (results, choice adjustment, postal delivery), from the province file's
 * {@code afterExam}. End is exclusive.
 *
 * @param estimated true when the dates are the best known rather than the official plan's
 * @param note where the dates come from, or null
 */
public record AfterExamPeriod(AfterExamStage stage, Instant start, Instant end, boolean estimated, LocalizedText note) {

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
