package examops.access;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development mode's ready-to-use credentials, printed at start so the one-command start gives a
 * working board: enrolment links for the command center, leadership, each district and each site with
 * a check-in duty of its own (a site token, as {@code token --site} makes), and an agent token. Signed
 * with the development secret kept under the data directory, so they keep working across restarts of
 * that directory until they expire.
 *
 * @param districts enrolment link per district id, in the province's order
 * @param sites enrolment link per site id (site tokens), in the province's order
 */
public record DevCredentials(String command, String leadership, Map<String, String> districts, Map<String, String> sites,
    String agentToken, Instant expiresAt) {

  static final Duration LIFETIME = Duration.ofDays(30);

  /** @param siteDistricts the sites to print a link for, each with its district, in the order to print them */
  public static DevCredentials mint(Tokens tokens, String baseUrl, List<String> districtIds, Map<String, String> siteDistricts,
      Instant now) {
    Instant until = now.plus(LIFETIME);
    Map<String, String> districts = new LinkedHashMap<>();
    for (String id : districtIds) districts.put(id, link(baseUrl, tokens.issue(Role.DISTRICT, id, id, until)));
    Map<String, String> sites = new LinkedHashMap<>();
    siteDistricts.forEach((site, district) -> sites.put(site, link(baseUrl, tokens.issueForSite(district, site, site, until))));
    return new DevCredentials(link(baseUrl, tokens.issue(Role.COMMAND, null, "dev-command", until)),
        link(baseUrl, tokens.issue(Role.LEADERSHIP, null, "dev-leadership", until)), Map.copyOf(districts),
        java.util.Collections.unmodifiableMap(sites), tokens.issue(Role.AGENT, null, "dev-agent", until).token(), until);
  }

  private static String link(String baseUrl, Tokens.Issued t) {
    return baseUrl + "/?access_token=" + t.token();
  }

  public void print(PrintStream out, List<String> districtOrder) {
    out.println();
    out.println("ExamOps is in DEVELOPMENT mode (no EXAMOPS_SECRET). Ready-to-use credentials, valid until "
        + expiresAt + " on this data directory:");
    out.println("  command center : " + command);
    out.println("  leadership     : " + leadership);
    for (String id : districtOrder) {
      if (districts.containsKey(id)) out.println("  district " + pad(id) + ": " + districts.get(id));
    }
    sites.forEach((id, link) -> out.println("  site " + id + " : " + link));
    out.println("  agent token    : " + agentToken + "   (send as: Authorization: Bearer <token>)");
    out.println("For a real exam window set EXAMOPS_SECRET and EXAMOPS_MODE=production; see README, \"Credentials\".");
    out.println();
    out.flush();
  }

  private static String pad(String id) {
    return id.length() >= 12 ? id : id + " ".repeat(12 - id.length());
  }
}
