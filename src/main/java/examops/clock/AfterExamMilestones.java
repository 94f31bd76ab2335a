package examops.clock;

import examops.province.AfterExam;
import examops.province.AfterExamPeriod;
import examops.province.AfterExamStage;
import examops.province.ExamWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The milestones after the exam days, in time order: each stage's start and end, the units' reports
 * due, and the window's close (only with stages or reports: none at all for a file without
 * {@code afterExam}). Pure, like {@link ExamClock}.
 */
final class AfterExamMilestones {

  /** One milestone at one instant. */
  record Point(Milestone milestone, Instant at, AfterExamStage stage) {}

  private final List<Point> points;

  AfterExamMilestones(AfterExam afterExam, ExamWindow window) {
    List<Point> all = new ArrayList<>();
    for (AfterExamPeriod p : afterExam.periods()) {
      switch (p.stage()) {
        case RESULTS -> {
          all.add(new Point(Milestone.RESULTS_PUBLISHED, p.start(), p.stage()));
          all.add(new Point(Milestone.RESULTS_DAY_ENDS, p.end(), p.stage()));
        }
        case ADJUSTMENT -> {
          all.add(new Point(Milestone.ADJUSTMENT_OPENS, p.start(), p.stage()));
          all.add(new Point(Milestone.ADJUSTMENT_CLOSES, p.end(), p.stage()));
        }
        case DELIVERY -> {
          all.add(new Point(Milestone.DELIVERY_STARTS, p.start(), p.stage()));
          all.add(new Point(Milestone.DELIVERY_ENDS, p.end(), p.stage()));
        }
      }
    }
    afterExam.reportsDue().ifPresent(due -> all.add(new Point(Milestone.UNIT_REPORTS_DUE, due, null)));
    // A file without the weeks after the exam keeps the clock it had: no countdown after the papers.
    if (!all.isEmpty()) all.add(new Point(Milestone.WINDOW_CLOSES, window.end(), null));
    all.sort(Comparator.comparing(Point::at).thenComparing(Point::milestone));
    this.points = List.copyOf(all);
  }

  List<Point> points() {
    return points;
  }

  /** The first milestone strictly after {@code now}. */
  Optional<Countdown> next(Instant now) {
    return points.stream().filter(p -> p.at().isAfter(now)).findFirst()
        .map(p -> new Countdown(p.milestone(), null, p.at(), Duration.between(now, p.at()), p.stage()));
  }

  /** The milestones already reached at {@code now}. */
  List<Point> reached(Instant now) {
    return points.stream().filter(p -> !p.at().isAfter(now)).toList();
  }
}
