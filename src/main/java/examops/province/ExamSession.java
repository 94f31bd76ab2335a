package examops.province;

import java.time.Instant;

/**
 * One timetable entry.
 *
 * @param open when candidates gather at the sites (the session's open phase begins)
 * @param start when the paper starts
 * @param end when the paper ends
 */
public record ExamSession(
    String id, SessionKind kind, LocalizedText name, Instant open, Instant start, Instant end) {

  public boolean isExam() {
    return kind == SessionKind.EXAM;
  }
}
