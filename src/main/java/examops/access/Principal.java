package examops.access;

import examops.vocabulary.Audience;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * The verified holder of a credential.
 *
 * @param jti the credential's id: what revocation and rate limiting are keyed by
 * @param district the district a {@link Role#DISTRICT} credential speaks for; null for other roles
 * @param name who holds it: a person's login, a device or an agent's name
 * @param session a person's login session (logging out revokes it) rather than an issued token
 * @param site the one site a site-scoped {@link Role#DISTRICT} credential speaks for (its staff's
 *     phone), or null: such a credential reads what its district's viewers read and writes only its
 *     own site's check-ins and incident reports
 */
public record Principal(String jti, Role role, String district, String name, Instant expiresAt, boolean session, String site) {

  /** A credential that speaks for a whole district (or for no district). */
  public Principal(String jti, Role role, String district, String name, Instant expiresAt, boolean session) {
    this(jti, role, district, name, expiresAt, session, null);
  }

  public Principal {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (role == Role.DISTRICT && (district == null || district.isBlank())) {
      throw new IllegalArgumentException("a district credential names its district");
    }
    if (role != Role.DISTRICT) district = null;
    if (site != null && (role != Role.DISTRICT || !site.startsWith(district + "/"))) {
      throw new IllegalArgumentException("a site credential is a district credential for a site of that district");
    }
    if (name == null || name.isBlank()) name = site != null ? site : role == Role.DISTRICT ? district : role.wireName();
  }

  /** Whether this credential speaks for one site only. */
  public boolean siteScoped() {
    return site != null;
  }

  /** The {@code source} every event written with this credential carries: the log is the audit trail. */
  public String source() {
    if (site != null) return "site:" + site;
    return role == Role.DISTRICT ? "district:" + district : role.wireName() + ":" + name;
  }

  /** Command and leadership see need-to-know incidents (exam-data); everyone else a board without them. */
  public Audience audience() {
    return role == Role.COMMAND || role == Role.LEADERSHIP ? Audience.FULL : Audience.RESTRICTED;
  }

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public JsonObject toJson() {
    return new JsonObject().put("jti", jti).put("role", role.wireName()).put("district", district).put("site", site).put("name", name)
        .put("source", source()).put("expiresAt", expiresAt.toString());
  }
}
