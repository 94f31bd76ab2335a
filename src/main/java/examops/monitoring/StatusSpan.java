package examops.monitoring;

import java.time.Instant;

/** A target held one status over [from, to). */
public record StatusSpan(Instant from, Instant to, HealthStatus status) {}
