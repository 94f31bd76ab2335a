package examops.province;

import java.time.Duration;

/**
 * A probe's settings for one exam-clock phase (e.g. the result-lookup portal on results day: probed
 * more often, slow sooner). Either may be left to the probe's own.
 */
public record ProbeTuning(Duration interval, long latencyThresholdMs) {}
