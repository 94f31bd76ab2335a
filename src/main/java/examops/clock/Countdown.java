package examops.clock;

import examops.province.AfterExamStage;
import examops.province.ExamSession;
import java.time.Duration;
import java.time.Instant;

/**
 * Time left until the next milestone, e.g. "Toán starts in 00:25:00" or "results published in 2 days".
 *
 * @param session the session the milestone belongs to, or null for a milestone after the exam days
 * @param stage the after-exam stage the milestone belongs to, or null
 */
public record Countdown(Milestone milestone, ExamSession session, Instant at, Duration remaining, AfterExamStage stage) {

  public Countdown(Milestone milestone, ExamSession session, Instant at, Duration remaining) {
    this(milestone, session, at, remaining, null);
  }
}
