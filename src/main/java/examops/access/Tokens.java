package examops.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs and verifies ExamOps tokens: JWTs (HS256, vertx-auth-jwt) with the claims {@code jti},
 * {@code role}, {@code district} (district role only), {@code site} (a site-scoped district token only), {@code sub} (the holder's name), {@code iat},
 * {@code exp} and {@code iss: examops}. Every token expires; none outlives {@link #MAX_LIFETIME}, so a
 * revocation kept that long covers the token for good.
 */
public final class Tokens {

  public static final String ISSUER = "examops";
  public static final Duration MAX_LIFETIME = Duration.ofDays(366);

  /** A freshly signed token and what it says. */
  public record Issued(String token, Principal principal) {}

  private final JWTAuth jwt;

  public Tokens(Vertx vertx, String secret) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER)));
  }

  /** Signs a token for this holder, valid until {@code expiresAt}; a new {@code jti} each time. */
  public Issued issue(Role role, String district, String name, Instant expiresAt) {
    return sign(new Principal(UUID.randomUUID().toString(), role, district, name, expiresAt, false));
  }

  /** Signs a site-scoped token: a district credential for one site of the district ({@code site} claim). */
  public Issued issueForSite(String district, String site, String name, Instant expiresAt) {
    return sign(new Principal(UUID.randomUUID().toString(), Role.DISTRICT, district, name, expiresAt, false, site));
  }

  /** Signs a person's login session (marked {@code ses}: logging out revokes it). */
  public Issued session(Role role, String district, String name, Instant expiresAt) {
    return sign(new Principal(UUID.randomUUID().toString(), role, district, name, expiresAt, true));
  }

  private Issued sign(Principal p) {
    JsonObject claims = new JsonObject().put("jti", p.jti()).put("role", p.role().wireName())
        .put("exp", p.expiresAt().getEpochSecond());
    if (p.session()) claims.put("ses", true);
    if (p.district() != null) claims.put("district", p.district());
    if (p.site() != null) claims.put("site", p.site());
    String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER).setSubject(p.name()));
    return new Issued(token, p);
  }

  /** Checks signature, issuer and expiry and reads the claims; fails with a message fit for a 401. */
  public Future<Principal> verify(String token) {
    if (token == null || token.isBlank()) return Future.failedFuture("no token");
    return jwt.authenticate(new TokenCredentials(token))
        .recover(err -> Future.failedFuture("invalid or expired token"))
        .compose(user -> {
          // vertx-auth-jwt keeps the verified claims among the user's attributes; get() looks them up.
          Object exp = user.get("exp");
          Object jti = user.get("jti");
          Object district = user.get("district");
          Object sub = user.get("sub");
          Object site = user.get("site");
          var role = Role.fromWireName(user.get("role") instanceof String r ? r : null);
          if (!(exp instanceof Number) || !(jti instanceof String) || role.isEmpty()
              || role.get() == Role.DISTRICT && !(district instanceof String)
              || site != null && !(site instanceof String s && role.get() == Role.DISTRICT && s.startsWith(district + "/"))) {
            return Future.failedFuture("token lacks the ExamOps claims (jti, role, district, exp) or names a site outside its district");
          }
          return Future.succeededFuture(new Principal((String) jti, role.get(), district instanceof String d ? d : null,
              sub instanceof String n ? n : null, Instant.ofEpochSecond(((Number) exp).longValue()),
              Boolean.TRUE.equals(user.get("ses")), (String) site));
        });
  }
}
