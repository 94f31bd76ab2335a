package examops.access;

import examops.config.AccessSettings;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the web layer needs to check credentials, built once per node.
 *
 * @param districtExists whether a district id is in the province data
 * @param siteDistrict the district of a site of the province data (empty for an unknown site)
 * @param unmetered credential ids the rate limit does not apply to: the node's own drill
 */
public record Access(Tokens tokens, TokenBook book, AccessLog log, Users users, AccessSettings settings,
    Predicate<String> districtExists, Function<String, Optional<String>> siteDistrict, Set<String> unmetered) {

  public Access(Tokens tokens, TokenBook book, AccessLog log, Users users, AccessSettings settings,
      Predicate<String> districtExists, Function<String, Optional<String>> siteDistrict) {
    this(tokens, book, log, users, settings, districtExists, siteDistrict, ConcurrentHashMap.newKeySet());
  }

  /** Longest a person's login session lasts. */
  public static final java.time.Duration SESSION = java.time.Duration.ofHours(12);
  /** A token's life when the issuer does not say ({@code --days}). */
  public static final int DEFAULT_DAYS = 30;

  public RateLimiter newRateLimiter() {
    return new RateLimiter(settings.ratePerSecond(), settings.rateBurst());
  }
}
