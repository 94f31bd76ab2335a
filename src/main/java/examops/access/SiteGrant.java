package examops.access;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a site token is issued for: a district credential for one site of the province data. The command
 * line ({@code token --site}) and {@code POST /api/v1/tokens} (body {@code "site"}) check it by this one rule:
 * the site is in the province data, the role is district (or not given), and a district, if given, is the
 * site's own.
 */
public record SiteGrant(String district, String site) {

  /** A grant refused: the field at fault ({@code site}, {@code role} or {@code district}) and why, in the API's words. */
  public static final class Refused extends IllegalArgumentException {
    private final String field;

    Refused(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * @param site the site id asked for
   * @param role the role asked for, or null (a site token is a district token)
   * @param district the district asked for, or null (the site's)
   * @param siteDistrict the district of a site of the province data, empty for an unknown site
   */
  public static SiteGrant check(String site, Role role, String district, Function<String, Optional<String>> siteDistrict) {
    String home = siteDistrict.apply(site).orElseThrow(() -> new Refused("site", "unknown site '" + site + "' (not in the province data)"));
    if (role != null && role != Role.DISTRICT) throw new Refused("role", "site goes with role district (or no role) only");
    if (district != null && !district.equals(home)) {
      throw new Refused("district", "site '" + site + "' is in district " + home + ", not " + district);
    }
    return new SiteGrant(home, site);
  }
}
