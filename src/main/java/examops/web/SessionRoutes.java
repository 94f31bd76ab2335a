package examops.web;

import examops.access.Access;
import examops.access.LoginThrottle;
import examops.access.Principal;
import examops.access.Users;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a browser signs in: an enrolment link ({@code ?access_token=} on any page), or a person's
 * name and password ({@code POST /api/v1/login}); both end in a session cookie that holds a signed
 * token, so any node accepts it without shared session storage. {@code POST /api/v1/logout} ends it.
 */
final class SessionRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRoutes.class);
  /** Longer login names are refused before anything is counted or logged. */
  static final int MAX_NAME_LENGTH = 200;

  private final Vertx vertx;
  private final Access access;
  private final Authenticator auth;
  private final LoginThrottle throttle;

  SessionRoutes(Vertx vertx, Access access, Authenticator auth, LoginThrottle throttle) {
    this.vertx = vertx;
    this.access = access;
    this.auth = auth;
    this.throttle = throttle;
  }

  /**
   * A page opened with {@code ?access_token=<token>}: the token becomes the session cookie and a
   * redirect takes it out of the address bar (and so out of history and later Referer headers).
   */
  void enrol(RoutingContext ctx) {
    String token = ctx.request().getParam(Authenticator.QUERY_TOKEN);
    if (token == null) {
      ctx.next();
      return;
    }
    auth.verify(token).onSuccess(p -> {
      Authenticator.setSessionCookie(ctx, token, p);
      ctx.response().setStatusCode(303).putHeader("Location", landing(ctx, p))
          .putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer").end();
    }).onFailure(err -> {
      if (wantsPage(ctx)) {
        // A person who opened an expired or revoked link lands on the sign-in page, told why, not on a JSON error.
        ctx.response().setStatusCode(303).putHeader("Location", "/login.html?link=invalid&next="
                + URLEncoder.encode(ctx.request().path(), StandardCharsets.UTF_8))
            .putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer").end();
      } else {
        auth.unauthorized(ctx, "this link does not sign you in: " + err.getMessage());
      }
    });
  }

  /** A browser navigating to a page (it asks for HTML), not a script or a tool. */
  private static boolean wantsPage(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  /**
   * Where an enrolment link lands: the page it named, without the token; a district unit's link to
   * the bare address opens its own district page, not the province board (links printed at start and
   * issued through the API name the bare address for every role).
   */
  private static String landing(RoutingContext ctx, Principal p) {
    String path = ctx.request().path();
    boolean bare = path.equals("/") || path.equals("/index.html");
    return bare && p.role() == examops.access.Role.DISTRICT ? "/district.html" + query(ctx) : SafeRedirect.path(path) + query(ctx);
  }

  private static String query(RoutingContext ctx) {
    StringBuilder query = new StringBuilder();
    MultiMap params = ctx.queryParams();
    for (Map.Entry<String, String> e : params) {
      if (e.getKey().equals(Authenticator.QUERY_TOKEN)) continue;
      query.append(query.length() == 0 ? '?' : '&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /**
   * {@code POST /api/v1/login} {@code {"name", "password"}}: 200 with who you are, and the session
   * cookie. Failed attempts are throttled per account and client address ({@link LoginThrottle}).
   */
  void login(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx).orElse(null);
    if (body == null || !(body.getValue("name") instanceof String name) || !(body.getValue("password") instanceof String password)
        || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      Problem.send(ctx, 400, "", "expected {\"name\": \"...\", \"password\": \"...\"} (a name of 1 to " + MAX_NAME_LENGTH + " characters)");
      return;
    }
    String client = Client.of(ctx).address();
    long wait = throttle.waitSeconds(name, client);
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(wait));
      Problem.send(ctx, 429, "too many failed logins for this name from this address; retry after " + wait + " s");
      return;
    }
    vertx.<Optional<Users.User>>executeBlocking(() -> access.users().check(name, password), false).onSuccess(user -> {
      if (user.isEmpty()) {
        throttle.failed(name, client);
        LOG.info("Failed login for '{}' from {}", printable(name), client);
        auth.unauthorized(ctx, "wrong name or password");
        return;
      }
      throttle.succeeded(name, client);
      Users.User u = user.get();
      var issued = access.tokens().session(u.role(), u.district(), u.name(), Instant.now().plus(Access.SESSION));
      Authenticator.setSessionCookie(ctx, issued.token(), issued.principal());
      LOG.info("{} logged in from {}", issued.principal().source(), client);
      ctx.response().putHeader("content-type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
          .end(issued.principal().toJson().encode());
    }).onFailure(ctx::fail);
  }

  /** A name as a log line may show it: no line breaks or other controls a client could forge lines with. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), 100));
    s.codePoints().limit(100).forEach(c -> out.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
    return out.toString();
  }

  /** {@code POST /api/v1/logout}: clears the cookie; a login session is revoked on every node too. */
  void logout(RoutingContext ctx) {
    Principal p = Authenticator.principal(ctx);
    Authenticator.clearSessionCookie(ctx);
    if (!p.session()) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    io.vertx.core.Future.fromCompletionStage(access.log().revoke(p.jti(), p.expiresAt(), p.source(), "logout"), vertx.getOrCreateContext())
        .onSuccess(r -> ctx.response().setStatusCode(204).end())
        .onFailure(err -> {
          ctx.response().putHeader("Retry-After", IngestHandler.RETRY_AFTER_SECONDS);
          Problem.send(ctx, 503, "the cookie is cleared, but the session could not be revoked in time; retry");
        });
  }

  /** {@code GET /api/v1/me}: who these credentials are (role, district, name, expiry). */
  void me(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(Authenticator.principal(ctx).toJson().encode());
  }
}
