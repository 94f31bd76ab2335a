package examops.clock;

import examops.province.ExamSession;
import examops.vocabulary.Phase;
import java.time.Instant;
import java.util.Optional;

/**
 * The exam clock at one instant.
 *
 * @param phaseSince when the phase began; null for before-window, which has no beginning
 * @param inWindow whether the instant is inside the province's window (before it, nothing is due)
 * @param current the session open or running, or the site check-in entry on its day
 * @param next the next exam session to open
 * @param countdown to the current session's start or end, else to the next session's open
 */
public record ClockReading(
    Instant at,
    Phase phase,
    Instant phaseSince,
    boolean inWindow,
    Optional<ExamSession> current,
    Optional<ExamSession> next,
    Optional<Countdown> countdown) {}
