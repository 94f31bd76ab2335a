package examops.unitreport;

import java.util.List;
import java.util.Optional;

/** What may be read of the units' reports ({@link UnitReportBook}): nothing here changes them. */
public interface UnitReports {

  /** The unit's report as it stands (its latest version). */
  Optional<UnitReport> latest(String unit);

  /** The unit's first version: when it first submitted. */
  Optional<UnitReport> first(String unit);

  /** Every version kept, oldest first. */
  List<UnitReport> history(String unit);
}
