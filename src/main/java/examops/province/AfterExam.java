package examops.province;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the province watches after the exam days: its stages (in time order, none overlapping) and
 * when every unit's end-of-window report is due. The whole block is optional in the file.
 *
 * @param unitReportsDue when the units' reports are due, or null when the file asks for none
 * @param unitReportsNote where that date comes from, or null
 */
public record AfterExam(List<AfterExamPeriod> periods, Instant unitReportsDue, LocalizedText unitReportsNote) {

  public static final AfterExam NONE = new AfterExam(List.of(), null, null);

  public AfterExam {
    periods = periods.stream().sorted(Comparator.comparing(AfterExamPeriod::start)).toList();
  }

  public Optional<AfterExamPeriod> period(AfterExamStage stage) {
    return periods.stream().filter(p -> p.stage() == stage).findFirst();
  }

  /** The stage running at an instant, if any. */
  public Optional<AfterExamPeriod> at(Instant t) {
    return periods.stream().filter(p -> p.contains(t)).findFirst();
  }

  public Optional<Instant> reportsDue() {
    return Optional.ofNullable(unitReportsDue);
  }
}
