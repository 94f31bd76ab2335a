package examops.incident;

import java.util.Arrays;
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

  public static Optional<IncidentCategory> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
