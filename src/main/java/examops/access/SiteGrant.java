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

  /** The answer: the grant, or the field at fault ({@code site}, {@code role} or {@code district}) and why, in the API's words. */
  public record Checked(SiteGrant grant, String field, String refusal) {
    static Checked refused(String field, String refusal) {
      return new Checked(null, field, refusal);
    }
  }

  /**
   * @param site the site id asked for
   * @param role the role asked for, or null (a site token is a district token)
   * @param district the district asked for, or null (the site's)
   * @param siteDistrict the district of a site of the province data, empty for an unknown site
   */
  public static Checked check(String site, Role role, String district, Function<String, Optional<String>> siteDistrict) {
    Optional<String> home = siteDistrict.apply(site);
    if (home.isEmpty()) return Checked.refused("site", "unknown site '" + site + "' (not in the province data)");
    if (role != null && role != Role.DISTRICT) return Checked.refused("role", "site goes with role district (or no role) only");
    if (district != null && !district.equals(home.get())) {
      return Checked.refused("district", "site '" + site + "' is in district " + home.get() + ", not " + district);
    }
    return new Checked(new SiteGrant(home.get(), site), null, null);
  }
}
