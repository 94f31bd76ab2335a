package examops.clock;

import examops.province.ExamSession;
import java.time.Duration;
import java.time.Instant;

/** Time left until a session's next milestone, e.g. "Toán starts in 00:25:00". */
public record Countdown(Milestone milestone, ExamSession session, Instant at, Duration remaining) {}
