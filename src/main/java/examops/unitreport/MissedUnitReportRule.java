package examops.unitreport;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.province.Province;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A unit whose end-of-window report is past its due date and not submitted: the missed-duty alert. */
public final class MissedUnitReportRule implements Rule<UnitReports> {

  public static final String NAME = "unit-report-missed";

  private final Province province;
  private final List<ReportingUnit> units;

  public MissedUnitReportRule(Province province) {
    this.province = province;
    this.units = ReportingUnit.of(province);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<AlertCondition> evaluate(UnitReports reports, Instant now) {
    Instant due = province.afterExam().unitReportsDue();
    if (due == null || !now.isAfter(due)) return List.of();
    List<AlertCondition> out = new ArrayList<>();
    for (ReportingUnit u : units) {
      if (reports.first(u.id()).isPresent()) continue;
      out.add(new AlertCondition(AlertCondition.id(NAME, u.id(), due), NAME, u.id(), u.district(), Severity.MEDIUM,
          u.name().vi() + ": chưa gửi báo cáo kết quả thực hiện (hạn " + when(due) + ")",
          u.name().en() + ": end-of-window report not submitted (due " + when(due) + ")", due));
    }
    return out;
  }

  /** HH:mm dd/MM in the province's zone. */
  private String when(Instant t) {
    return java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM").withZone(province.zone()).format(t);
  }
}
