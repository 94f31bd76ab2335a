package examops.access;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development mode's ready-to-use credentials, printed at start so the one-command start gives a
 * working board: enrolment links for the command center, leadership and each district, and an
 * agent token. Signed with the development secret kept under the data directory, so they keep
 * working across restarts of that directory until they expire.
 *
 * @param districts enrolment link per district id, in the province's order
 */
public record DevCredentials(String command, String leadership, Map<String, String> districts, String agentToken,
    Instant expiresAt) {

  static final Duration LIFETIME = Duration.ofDays(30);

  public static DevCredentials mint(Tokens tokens, String baseUrl, List<String> districtIds, Instant now) {
    Instant until = now.plus(LIFETIME);
    Map<String, String> districts = new LinkedHashMap<>();
    for (String id : districtIds) districts.put(id, link(baseUrl, tokens.issue(Role.DISTRICT, id, id, until)));
    return new DevCredentials(link(baseUrl, tokens.issue(Role.COMMAND, null, "dev-command", until)),
        link(baseUrl, tokens.issue(Role.LEADERSHIP, null, "dev-leadership", until)), Map.copyOf(districts),
        tokens.issue(Role.AGENT, null, "dev-agent", until).token(), until);
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
    out.println("  agent token    : " + agentToken + "   (send as: Authorization: Bearer <token>)");
    out.println("For a real exam window set EXAMOPS_SECRET and EXAMOPS_MODE=production; see README, \"Credentials\".");
    out.println();
    out.flush();
  }

  private static String pad(String id) {
    return id.length() >= 12 ? id : id + " ".repeat(12 - id.length());
  }
}
