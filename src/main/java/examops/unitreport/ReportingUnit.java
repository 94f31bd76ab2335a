package examops.unitreport;

import examops.province.LocalizedText;
import examops.province.Province;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit that owes an end-of-window report: each district unit, then each provincial department of
 * the province file.
 *
 * @param department true for a provincial department, false for a district unit
 */
public record ReportingUnit(String id, LocalizedText name, boolean department) {

  /** Every unit of the province, districts first, in the file's order. */
  public static List<ReportingUnit> of(Province province) {
    List<ReportingUnit> out = new ArrayList<>();
    province.districts().forEach(d -> out.add(new ReportingUnit(d.id(), d.name(), false)));
    province.departments().forEach(d -> out.add(new ReportingUnit(d.id(), d.name(), true)));
    return out;
  }

  public static Optional<ReportingUnit> find(Province province, String id) {
    return province.district(id).map(d -> new ReportingUnit(d.id(), d.name(), false))
        .or(() -> province.department(id).map(d -> new ReportingUnit(d.id(), d.name(), true)));
  }

  /** The district an event about this unit is written for: the district itself, none for a department. */
  public String district() {
    return department ? null : id;
  }
}
