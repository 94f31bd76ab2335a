package examops.province;

import java.time.Instant;

/**
 * The span ExamOps watches: preparation before the exam days, the exam days, and reporting after.
 * End is exclusive.
 */
public record ExamWindow(Instant start, Instant end) {

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
