package examops.unitreport;

import java.time.Instant;

/**
 * Where a unit stands with its report at an instant, against the due date.
 *
 * @param state {@code submitted} (on time), {@code late} (first submitted after the due date),
 *     {@code missing} (past due, nothing yet) or {@code pending} (not yet due, nothing yet)
 */
public record UnitReportStanding(String state, boolean late, boolean missing) {

  public static UnitReportStanding evaluate(UnitReport first, Instant due, Instant now) {
    if (first != null) {
      boolean late = due != null && first.submittedAt().isAfter(due);
      return new UnitReportStanding(late ? "late" : "submitted", late, false);
    }
    boolean missing = due != null && now.isAfter(due);
    return new UnitReportStanding(missing ? "missing" : "pending", false, missing);
  }
}
