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
 */
public record Principal(String jti, Role role, String district, String name, Instant expiresAt, boolean session) {

  public Principal {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (role == Role.DISTRICT && (district == null || district.isBlank())) {
      throw new IllegalArgumentException("a district credential names its district");
    }
    if (role != Role.DISTRICT) district = null;
    if (name == null || name.isBlank()) name = role == Role.DISTRICT ? district : role.wireName();
  }

  /** The {@code source} every event written with this credential carries: the log is the audit trail. */
  public String source() {
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
    return new JsonObject().put("jti", jti).put("role", role.wireName()).put("district", district).put("name", name)
        .put("source", source()).put("expiresAt", expiresAt.toString());
  }
}
