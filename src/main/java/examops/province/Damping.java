package examops.province;

/**
 * Flap damping: a target goes down only after {@code failuresToDown} failures in a row and comes
 * back only after {@code successesToUp} successes in a row, so one lost probe does not page anyone.
 */
public record Damping(int failuresToDown, int successesToUp) {}
