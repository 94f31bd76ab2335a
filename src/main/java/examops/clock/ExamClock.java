package examops.clock;

import examops.province.ExamSession;
import examops.province.ExamWindow;
import examops.province.Province;
import examops.province.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the exam window's phase from the timetable at a given instant. Pure: the instant comes in
 * (from a {@link java.time.Clock}, a {@link RehearsalClock} or an event), so rules, the board and
 * tests all see the same phase for the same instant.
 *
 * <p>The exam days run from local midnight of the first timetable entry to the end of the local day
 * of the last one (the reserve day included). Inside them, session-open and in-session come from the
 * exam sessions, the whole local day of the site check-in entry is the site-check-in day, and the
 * rest is between sessions. Before them is before-window, after them reporting until the window
 * closes, then after-window.
 */
public final class ExamClock {

  private final ExamWindow window;
  private final List<ExamSession> exams;
  private final ExamSession siteCheckIn;
  private final ZoneId zone;
  private final Instant examDaysStart;
  private final Instant examDaysEnd;

  public ExamClock(ExamWindow window, List<ExamSession> timetable, ZoneId zone) {
    if (timetable.isEmpty()) throw new IllegalArgumentException("the timetable is empty");
    this.window = window;
    this.zone = zone;
    this.exams = timetable.stream().filter(ExamSession::isExam)
        .sorted(Comparator.comparing(ExamSession::open)).toList();
    this.siteCheckIn = timetable.stream().filter(s -> s.kind() == SessionKind.SITE_CHECK_IN)
        .findFirst().orElse(null);
    Instant first = timetable.stream().map(ExamSession::open).min(Comparator.naturalOrder()).orElseThrow();
    Instant last = timetable.stream().map(ExamSession::end).max(Comparator.naturalOrder()).orElseThrow();
    this.examDaysStart = startOfDay(localDate(first));
    this.examDaysEnd = startOfDay(localDate(last).plusDays(1));
  }

  public static ExamClock of(Province province) {
    return new ExamClock(province.window(), province.timetable(), province.zone());
  }

  public ZoneId zone() {
    return zone;
  }

  public ExamWindow window() {
    return window;
  }

  public Phase phaseAt(Instant t) {
    return at(t).phase();
  }

  public ClockReading at(Instant now) {
    boolean inWindow = window.contains(now);
    Optional<ExamSession> next = exams.stream().filter(s -> s.open().isAfter(now)).findFirst();
    Optional<ExamSession> running = exams.stream()
        .filter(s -> !now.isBefore(s.open()) && now.isBefore(s.end())).findFirst();
    if (!now.isBefore(window.end())) {
      return new ClockReading(now, Phase.AFTER_WINDOW, false, Optional.empty(), Optional.empty(), Optional.empty());
    }
    if (running.isPresent()) {
      ExamSession s = running.get();
      boolean open = now.isBefore(s.start());
      Countdown countdown = open
          ? countdown(Milestone.SESSION_STARTS, s, s.start(), now)
          : countdown(Milestone.SESSION_ENDS, s, s.end(), now);
      return new ClockReading(now, open ? Phase.SESSION_OPEN : Phase.IN_SESSION, inWindow,
          running, next, Optional.of(countdown));
    }
    Optional<Countdown> toNext = next.map(s -> countdown(Milestone.SESSION_OPENS, s, s.open(), now));
    if (siteCheckIn != null && localDate(now).equals(localDate(siteCheckIn.open()))) {
      return new ClockReading(now, Phase.SITE_CHECK_IN_DAY, inWindow, Optional.of(siteCheckIn), next, toNext);
    }
    Phase phase = now.isBefore(examDaysStart) ? Phase.BEFORE_WINDOW
        : now.isBefore(examDaysEnd) ? Phase.BETWEEN_SESSIONS
        : Phase.REPORTING;
    return new ClockReading(now, phase, inWindow, Optional.empty(), next, toNext);
  }

  private static Countdown countdown(Milestone m, ExamSession s, Instant at, Instant now) {
    return new Countdown(m, s, at, Duration.between(now, at));
  }

  private LocalDate localDate(Instant t) {
    return t.atZone(zone).toLocalDate();
  }

  private Instant startOfDay(LocalDate d) {
    return d.atStartOfDay(zone).toInstant();
  }
}
