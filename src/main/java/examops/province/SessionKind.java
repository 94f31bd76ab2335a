package examops.province;

import examops.vocabulary.WireNames;
import java.util.Optional;

/** What a timetable entry is. */
public enum SessionKind {
  /** The day candidates check in at their sites (làm thủ tục dự thi). */
  SITE_CHECK_IN("site-check-in"),
  /** A paper being sat. */
  EXAM("exam"),
  /** The reserve day, held only if needed; it keeps the exam days open until it ends. */
  RESERVE("reserve");

  private final String wireName;

  SessionKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<SessionKind> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<SessionKind> fromWireName(String name) {
    return NAMES.find(name);
  }
}
