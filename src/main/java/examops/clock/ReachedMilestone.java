package examops.clock;

import examops.province.AfterExamStage;
import java.time.Instant;

/** A milestone after the exam days and its instant (its stage, or null for the reports due and the window's close). */
public record ReachedMilestone(Milestone milestone, Instant at, AfterExamStage stage) {}
