package examops.vocabulary;

import java.util.Optional;

/** The kinds of incident the command center triages differently. */
public enum IncidentCategory {
  SECURITY("security"),
  OUTAGE("outage"),
  NETWORK("network"),
  /** A threat to the exam's databases (bảo mật cơ sở dữ liệu của kỳ thi). */
  EXAM_DATA("exam-data"),
  OTHER("other");

  private final String wireName;

  IncidentCategory(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<IncidentCategory> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<IncidentCategory> fromWireName(String name) {
    return NAMES.find(name);
  }
}
