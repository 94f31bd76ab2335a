package examops.access;

import examops.event.EventType;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Who may write what: pure decisions the web layer asks before an event goes to the log. Each
 * answer is empty (allowed) or the reason for a 403.
 *
 * <ul>
 *   <li>monitoring results: agents and the command center;</li>
 *   <li>check-ins, incident reports, publishing updates: a district unit for its own district, or
 *       the command center; verifying a publishing item: the command center only;</li>
 *   <li>incident actions and alert acknowledgements: the command center; a district unit may
 *       {@code update} its own district's incidents;</li>
 *   <li>maintenance windows: the command center;</li>
 *   <li>the report and the board at a past moment: command and leadership;</li>
 *   <li>leadership: read-only;</li>
 *   <li>a site-scoped credential (a district credential for one site, {@code token --site}): its own
 *       site's check-ins and incident reports, nothing else; it reads what its district's viewers
 *       read, and its refusals never name another site or district.</li>
 * </ul>
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** May this credential write an event of this type at all (which district comes after)? */
  public static Optional<String> writeRefusal(Principal p, EventType type, JsonObject data) {
    Role r = p.role();
    if (r == Role.COMMAND) return Optional.empty();
    if (r == Role.LEADERSHIP) return refuse("leadership credentials are read-only");
    if (type == EventType.PROBE_RESULT) {
      return r == Role.AGENT ? Optional.empty() : refuse("monitoring results come from agents and the command center");
    }
    if (r == Role.AGENT) return refuse("an agent credential may only push monitoring results");
    if (p.siteScoped() && type != EventType.CHECKIN_SUBMITTED && type != EventType.INCIDENT_REPORTED) {
      return refuse("a site credential may only check in and report incidents for its own site");
    }
    return switch (type) {
      case CHECKIN_SUBMITTED, INCIDENT_REPORTED, INCIDENT_UPDATED -> Optional.empty();
      case UNIT_REPORT_SUBMITTED -> unitReportRefusal(p, data);
      case PUBLISHING_UPDATED -> "verified".equals(data == null ? null : data.getValue("state"))
          ? refuse("only the command center verifies a publishing item")
          : Optional.empty();
      case ALERT_ACKNOWLEDGED, ALERT_RAISED, ALERT_CLEARED -> refuse("only the command center acknowledges alerts");
      case MAINTENANCE_DECLARED, MAINTENANCE_ENDED -> refuse("only the command center declares and ends maintenance");
      default -> refuse("only the command center may " + verb(type) + " an incident");
    };
  }

  /**
   * The district an event is written for. A district credential speaks for its own district only:
   * naming none means its own, naming another is refused. Other roles write what they name.
   *
   * @return the district to write (possibly null), or the refusal
   */
  public static DistrictDecision district(Principal p, String named) {
    if (p.role() != Role.DISTRICT || p.district().equals(named)) return new DistrictDecision(named, null);
    if (named == null) return new DistrictDecision(p.district(), null);
    if (p.siteScoped()) {
      return new DistrictDecision(null, "this credential speaks for site " + p.site() + " only; it cannot write for another district");
    }
    return new DistrictDecision(null, "this credential speaks for district " + p.district() + " only; it cannot write for " + named);
  }

  /**
   * The site a check-in or incident report is written for. A site credential speaks for its own site
   * only: naming none means its own, naming another is refused (without naming it back). Other
   * credentials write what they name.
   *
   * @return the site to write (possibly null), or the refusal
   */
  public static SiteDecision site(Principal p, String named) {
    if (!p.siteScoped() || p.site().equals(named)) return new SiteDecision(named, null);
    if (named == null) return new SiteDecision(p.site(), null);
    return new SiteDecision(null, "this credential speaks for site " + p.site() + " only; it cannot write for another site");
  }

  /** The outcome of {@link #site}: the site to write, or why not. */
  public record SiteDecision(String site, String refusal) {}

  /** A district unit acts only on its own district's incidents. */
  public static Optional<String> incidentRefusal(Principal p, String incidentId, String incidentDistrict) {
    if (p.role() != Role.DISTRICT || p.district().equals(incidentDistrict)) return Optional.empty();
    return refuse("incident " + incidentId + " is not district " + p.district() + "'s; a district unit updates its own district's incidents only");
  }

  /**
   * Whether these credentials may see an incident at all: need-to-know ones (exam data) are the
   * command center's and leadership's. For anyone else such an incident does not exist: an action on
   * it is answered exactly as one on an absent incident, and a refusal never shows it.
   */
  public static boolean mayRead(Principal p, boolean needToKnow) {
    return !needToKnow || p.audience() == examops.vocabulary.Audience.FULL;
  }

  /** The report and the board at a past moment: the command center and leadership (they include need-to-know incidents). */
  public static Optional<String> fullBoardRefusal(Principal p) {
    return p.role() == Role.COMMAND || p.role() == Role.LEADERSHIP ? Optional.empty()
        : refuse("the report and the board at a past moment are for the command center and leadership");
  }

  /** Issuing and revoking tokens, and listing them. */
  public static Optional<String> manageTokensRefusal(Principal p) {
    return p.role() == Role.COMMAND ? Optional.empty() : refuse("only the command center issues and revokes tokens");
  }

  /**
   * A district unit submits and amends its own unit's report only (a provincial department's report is
   * the command center's to enter). The refusal names the credential's own district and nothing of the
   * other unit's report.
   */
  static Optional<String> unitReportRefusal(Principal p, JsonObject data) {
    Object unit = data == null ? null : data.getValue("unit");
    if (!(unit instanceof String) || p.district().equals(unit)) return Optional.empty(); // a non-string is the schema's 400
    return refuse("this credential submits the report of district " + p.district() + " only");
  }

  /** The outcome of {@link #district}: the district to write, or why not. */
  public record DistrictDecision(String district, String refusal) {}

  private static String verb(EventType type) {
    String wire = type.wireName();
    String past = wire.substring(wire.indexOf('.') + 1);
    return switch (past) {
      case "acknowledged" -> "acknowledge";
      case "assigned" -> "assign";
      case "escalated" -> "escalate";
      case "resolved" -> "resolve";
      case "reopened" -> "reopen";
      default -> "change";
    };
  }

  private static Optional<String> refuse(String why) {
    return Optional.of(why);
  }
}
