package examops.province;

import examops.vocabulary.Phase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Check-in cadences per exam-clock phase, for districts and (where a site opts in) exam sites.
 * A phase without a cadence expects no check-ins.
 *
 * @param delayedAfter a check-in received more than this after its sender's time is shown delayed
 */
public record CheckinPolicy(
    Map<Phase, Cadence> district, Map<Phase, Cadence> site, Duration delayedAfter) {

  public CheckinPolicy {
    district = Map.copyOf(district);
    site = Map.copyOf(site);
  }

  public Optional<Cadence> districtCadence(Phase phase) {
    return Optional.ofNullable(district.get(phase));
  }

  public Optional<Cadence> siteCadence(Phase phase) {
    return Optional.ofNullable(site.get(phase));
  }
}
