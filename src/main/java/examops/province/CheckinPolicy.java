package examops.province;

import examops.vocabulary.Phase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Check-in cadences per exam-clock phase, for districts and (where a site opts in) exam sites, and
 * the grading sites' cadence during the grading period. A phase without a cadence expects no
 * check-ins.
 *
 * @param delayedAfter a check-in received more than this after its sender's time is shown delayed
 * @param grading the grading sites' cadence while grading runs, or null when they are not asked
 */
public record CheckinPolicy(
    Map<Phase, Cadence> district, Map<Phase, Cadence> site, Duration delayedAfter, Cadence grading) {

  public CheckinPolicy {
    district = Map.copyOf(district);
    site = Map.copyOf(site);
  }

  /** A policy without a grading cadence. */
  public CheckinPolicy(Map<Phase, Cadence> district, Map<Phase, Cadence> site, Duration delayedAfter) {
    this(district, site, delayedAfter, null);
  }

  public Optional<Cadence> districtCadence(Phase phase) {
    return Optional.ofNullable(district.get(phase));
  }

  public Optional<Cadence> siteCadence(Phase phase) {
    return Optional.ofNullable(site.get(phase));
  }

  public Optional<Cadence> gradingCadence() {
    return Optional.ofNullable(grading);
  }
}
