package examops.web;

import examops.access.Access;
import examops.access.Principal;
import examops.access.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Finds and checks the credentials of a request: {@code Authorization: Bearer <token>}, else the
 * session cookie, else (WebSocket and enrolment only) the {@code access_token} query parameter.
 * A token must be validly signed, unexpired and not revoked. Decides nothing about roles: that is
 * {@link examops.access.AccessPolicy}'s.
 */
final class Authenticator {

  static final String COOKIE = "examops_session";
  static final String QUERY_TOKEN = "access_token";
  private static final String PRINCIPAL = "examops.principal";

  private final Access access;
  private final RateLimiter limiter;
  private final Stats stats;

  Authenticator(Access access, RateLimiter limiter, Stats stats) {
    this.access = access;
    this.limiter = limiter;
    this.stats = stats;
  }

  /**
   * Whether the request's credentials are the session cookie (the browser attaches it by itself, so
   * such writes are checked for their origin); a bearer token always takes precedence.
   */
  static boolean viaCookie(HttpServerRequest req) {
    return req.getHeader("Authorization") == null && req.getCookie(COOKIE) != null;
  }

  /** The verified holder of the request's credentials; fails with the reason for a 401. */
  Future<Principal> authenticate(HttpServerRequest req, boolean allowQueryToken) {
    String token = null;
    String header = req.getHeader("Authorization");
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) return Future.failedFuture("Authorization must be 'Bearer <token>'");
      token = header.substring(7).trim();
    } else if (req.getCookie(COOKIE) != null) {
      token = req.getCookie(COOKIE).getValue();
    } else if (allowQueryToken) {
      token = req.getParam(QUERY_TOKEN);
    }
    if (token == null || token.isBlank()) {
      return Future.failedFuture("credentials required: Authorization: Bearer <token>, or log in");
    }
    return verify(token);
  }

  Future<Principal> verify(String token) {
    return access.tokens().verify(token).compose(p -> access.book().revoked(p.jti())
        ? Future.failedFuture("this token has been revoked") : Future.succeededFuture(p));
  }

  /** Route handler: lets a request with valid credentials through, else answers 401. */
  void require(RoutingContext ctx) {
    authenticate(ctx.request(), false).onSuccess(p -> {
      ctx.put(PRINCIPAL, p);
      ctx.next();
    }).onFailure(err -> unauthorized(ctx, err.getMessage()));
  }

  /** Route handler for writes: one token-bucket per credential; 429 with Retry-After when empty. */
  void rateLimit(RoutingContext ctx) {
    String jti = principal(ctx).jti();
    long wait = access.unmetered().contains(jti) ? 0 : limiter.acquire(jti);
    if (wait == 0) {
      ctx.next();
      return;
    }
    stats.rejected(429);
    ctx.response().putHeader("Retry-After", String.valueOf(wait));
    Problem.send(ctx, 429, "too many requests with this credential; retry after " + wait + " s");
  }

  static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** Whether a WebSocket client's credentials still hold (checked as deltas go out). */
  boolean stillValid(Principal p) {
    return !p.expired(Instant.now()) && !access.book().revoked(p.jti());
  }

  void unauthorized(RoutingContext ctx, String why) {
    stats.rejected(401);
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"examops\"");
    Problem.send(ctx, 401, why);
  }

  void forbidden(RoutingContext ctx, String field, String why) {
    stats.rejected(403);
    Problem.send(ctx, 403, field, why);
  }

  /** The token as an HttpOnly, SameSite=Strict cookie that lasts as long as the token. */
  static void setSessionCookie(RoutingContext ctx, String token, Principal p) {
    long maxAge = Math.max(0, Duration.between(Instant.now(), p.expiresAt()).toSeconds());
    ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(Client.of(ctx).https()).setMaxAge(maxAge));
  }

  static void clearSessionCookie(RoutingContext ctx) {
    ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(Client.of(ctx).https()).setMaxAge(0));
  }
}
