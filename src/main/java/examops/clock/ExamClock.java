package examops.clock;

import examops.province.AfterExam;
import examops.province.ExamSession;
import examops.province.ExamWindow;
import examops.province.Province;
import examops.province.SessionKind;
import examops.vocabulary.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the exam window's phase from the timetable at a given instant. Pure: the instant comes in
 * (from a {@link java.time.Clock}, a {@link RehearsalClock} or an event), so rules, the board and
 * tests all see the same phase for the same instant.
 *
 * <p>The exam days run from local midnight of the first timetable entry to the end of the local day
 * of the last one (the reserve day included). Inside them, session-open and in-session come from the
 * exam sessions, the whole local day of the site check-in entry is the site-check-in day, and the
 * rest is between sessions. Before them is before-window, after them reporting until the window
 * closes, then after-window. After the exam days, the province's after-exam stages (results day,
 * choice adjustment, postal delivery) are phases of their own while they run; the countdown then goes
 * to the next of their milestones, the units' reports due and the window's close.
 */
public final class ExamClock {

  private final ExamWindow window;
  private final List<ExamSession> exams;
  private final ExamSession siteCheckIn;
  private final ZoneId zone;
  private final Instant examDaysStart;
  private final Instant examDaysEnd;
  /** Every instant at which the phase may change, in order. */
  private final List<Instant> boundaries;
  private final AfterExam afterExam;
  private final AfterExamMilestones milestones;

  public ExamClock(ExamWindow window, List<ExamSession> timetable, ZoneId zone) {
    this(window, timetable, zone, AfterExam.NONE);
  }

  public ExamClock(ExamWindow window, List<ExamSession> timetable, ZoneId zone, AfterExam afterExam) {
    if (timetable.isEmpty()) throw new IllegalArgumentException("the timetable is empty");
    this.window = window;
    this.zone = zone;
    this.afterExam = afterExam;
    this.milestones = new AfterExamMilestones(afterExam, window);
    this.exams = timetable.stream().filter(ExamSession::isExam)
        .sorted(Comparator.comparing(ExamSession::open)).toList();
    this.siteCheckIn = timetable.stream().filter(s -> s.kind() == SessionKind.SITE_CHECK_IN)
        .findFirst().orElse(null);
    Instant first = timetable.stream().map(ExamSession::open).min(Comparator.naturalOrder()).orElseThrow();
    Instant last = timetable.stream().map(ExamSession::end).max(Comparator.naturalOrder()).orElseThrow();
    this.examDaysStart = startOfDay(localDate(first));
    this.examDaysEnd = startOfDay(localDate(last).plusDays(1));
    Stream<Instant> checkInDay = siteCheckIn == null ? Stream.empty()
        : Stream.of(startOfDay(localDate(siteCheckIn.open())), startOfDay(localDate(siteCheckIn.open()).plusDays(1)));
    this.boundaries = Stream.of(
            Stream.of(window.start(), window.end(), examDaysStart, examDaysEnd),
            checkInDay,
            exams.stream().flatMap(s -> Stream.of(s.open(), s.start(), s.end())),
            afterExam.periods().stream().flatMap(p -> Stream.of(p.start(), p.end())))
        .flatMap(x -> x).distinct().sorted().toList();
  }

  public static ExamClock of(Province province) {
    return new ExamClock(province.window(), province.timetable(), province.zone(), province.afterExam());
  }

  public ZoneId zone() {
    return zone;
  }

  public ExamWindow window() {
    return window;
  }

  /** Every instant at which the phase may change, in order. */
  public List<Instant> boundaries() {
    return boundaries;
  }

  public Phase phaseAt(Instant t) {
    if (!t.isBefore(window.end())) return Phase.AFTER_WINDOW;
    for (ExamSession s : exams) {
      if (!t.isBefore(s.open()) && t.isBefore(s.end())) {
        return t.isBefore(s.start()) ? Phase.SESSION_OPEN : Phase.IN_SESSION;
      }
    }
    if (siteCheckIn != null && localDate(t).equals(localDate(siteCheckIn.open()))) return Phase.SITE_CHECK_IN_DAY;
    if (t.isBefore(examDaysStart)) return Phase.BEFORE_WINDOW;
    if (t.isBefore(examDaysEnd)) return Phase.BETWEEN_SESSIONS;
    return afterExam.at(t).map(p -> p.stage().phase()).orElse(Phase.REPORTING);
  }

  /**
   * When the phase in force at {@code t} began, or null for the before-window phase (it has no
   * beginning).
   */
  public Instant phaseSince(Instant t) {
    Phase phase = phaseAt(t);
    return boundaries.stream()
        .filter(b -> !b.isAfter(t) && phaseAt(b.minusNanos(1)) != phase)
        .reduce((a, b) -> b)
        .orElse(null);
  }

  public ClockReading at(Instant now) {
    Phase phase = phaseAt(now);
    boolean inWindow = window.contains(now);
    if (phase == Phase.AFTER_WINDOW) {
      return new ClockReading(now, phase, phaseSince(now), false, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Optional<ExamSession> next = exams.stream().filter(s -> s.open().isAfter(now)).findFirst();
    Optional<ExamSession> current = switch (phase) {
      case SESSION_OPEN, IN_SESSION -> exams.stream()
          .filter(s -> !now.isBefore(s.open()) && now.isBefore(s.end())).findFirst();
      case SITE_CHECK_IN_DAY -> Optional.of(siteCheckIn);
      default -> Optional.empty();
    };
    Optional<Countdown> countdown = switch (phase) {
      case SESSION_OPEN -> current.map(s -> countdown(Milestone.SESSION_STARTS, s, s.start(), now));
      case IN_SESSION -> current.map(s -> countdown(Milestone.SESSION_ENDS, s, s.end(), now));
      default -> next.map(s -> countdown(Milestone.SESSION_OPENS, s, s.open(), now))
          .or(() -> milestones.next(now));
    };
    return new ClockReading(now, phase, phaseSince(now), inWindow, current, next, countdown);
  }

  /** The milestones after the exam days reached by {@code now}, oldest first, each with its instant. */
  public List<ReachedMilestone> reached(Instant now) {
    return milestones.reached(now).stream().map(p -> new ReachedMilestone(p.milestone(), p.at(), p.stage())).toList();
  }

  /** Every milestone after the exam days, reached or not, in time order. */
  public List<ReachedMilestone> milestonesAfterExam() {
    return milestones.points().stream().map(p -> new ReachedMilestone(p.milestone(), p.at(), p.stage())).toList();
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
