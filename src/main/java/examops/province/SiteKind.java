package examops.province;

import examops.vocabulary.WireNames;
import java.util.Optional;

/** What a site is for: sitting the exam (điểm thi) or grading its papers (điểm chấm thi). */
public enum SiteKind {
  /** An exam-supervision site (điểm coi thi), busy on the exam days. */
  EXAM("exam"),
  /** A grading site (điểm chấm thi), busy for the days of the grading period after the papers. */
  GRADING("grading");

  private final String wireName;

  SiteKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<SiteKind> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<SiteKind> fromWireName(String name) {
    return NAMES.find(name);
  }
}
