package examops.web;

import examops.access.Access;
import examops.access.AccessCli;
import examops.access.AccessPolicy;
import examops.access.Principal;
import examops.access.Role;
import examops.access.SiteGrant;
import examops.access.Tokens;
import examops.admission.PlausibleInput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The command center's token desk: {@code POST /api/v1/tokens} issues one (and records it on
 * {@code examops.access}), {@code GET /api/v1/tokens} lists those issued, and
 * {@code POST /api/v1/tokens/{jti}/revoke} revokes one on every node, for good.
 */
final class TokenRoutes {

  private final Vertx vertx;
  private final Access access;
  private final Authenticator auth;
  private final java.util.function.Supplier<String> publicUrl;

  /** @param publicUrl the origin enrolment links point at ({@code EXAMOPS_PUBLIC_URL}): never the request's Host header */
  TokenRoutes(Vertx vertx, Access access, Authenticator auth, java.util.function.Supplier<String> publicUrl) {
    this.vertx = vertx;
    this.access = access;
    this.auth = auth;
    this.publicUrl = publicUrl;
  }

  /** Route handler: only the command center gets past. */
  void commandOnly(RoutingContext ctx) {
    Optional<String> no = AccessPolicy.manageTokensRefusal(Authenticator.principal(ctx));
    if (no.isPresent()) auth.forbidden(ctx, null, no.get());
    else ctx.next();
  }

  /**
   * Body {@code {"role", "district", "site", "name", "days"}}; answers 201 with the token and its enrolment link.
   * With {@code site} it is a site token (a district token for that one site, as {@code token --site}): the role
   * may be left out, the district too (the site's), and a district given must be the site's.
   */
  void issue(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx).orElse(null);
    if (body == null) {
      Problem.send(ctx, 400, "", "expected a JSON object without repeated keys: {\"role\": \"district\", \"district\": \"long-xuyen\", \"name\": \"...\", \"days\": 30}");
      return;
    }
    if (body.containsKey("site")) {
      issueForSite(ctx, body);
      return;
    }
    Role role = Role.fromWireName(body.getValue("role") instanceof String s ? s : null).orElse(null);
    if (role == null) {
      Problem.send(ctx, 400, "role", "role must be one of " + Role.names());
      return;
    }
    String district = body.getValue("district") instanceof String s ? s : null;
    if (role == Role.DISTRICT && (district == null || !access.districtExists().test(district))) {
      Problem.send(ctx, 422, "district", "a district token needs a district of the province data, got '" + district + "'");
      return;
    }
    if (role != Role.DISTRICT && district != null) {
      Problem.send(ctx, 400, "district", "district goes with role district only");
      return;
    }
    Lifetime life = lifetime(ctx, body);
    if (life == null) return;
    answer(ctx, access.tokens().issue(role, district, life.name(), life.expires()));
  }

  private void issueForSite(RoutingContext ctx, JsonObject body) {
    if (!(body.getValue("site") instanceof String site) || site.isBlank() || site.length() > 200) {
      Problem.send(ctx, 400, "site", "site must be a site id of the province data, e.g. \"long-xuyen/thpt-long-xuyen\"");
      return;
    }
    Role role = null;
    if (body.getValue("role") != null) {
      role = Role.fromWireName(body.getValue("role") instanceof String s ? s : null).orElse(null);
      if (role == null) {
        Problem.send(ctx, 400, "role", "role must be one of " + Role.names());
        return;
      }
    }
    if (body.getValue("district") != null && !(body.getValue("district") instanceof String)) {
      Problem.send(ctx, 400, "district", "district must be a district id");
      return;
    }
    SiteGrant.Checked checked = SiteGrant.check(site, role, body.getString("district"), access.siteDistrict());
    if (checked.grant() == null) {
      Problem.send(ctx, "role".equals(checked.field()) ? 400 : 422, checked.field(), checked.refusal());
      return;
    }
    SiteGrant grant = checked.grant();
    Lifetime life = lifetime(ctx, body);
    if (life == null) return;
    answer(ctx, access.tokens().issueForSite(grant.district(), grant.site(), life.name(), life.expires()));
  }

  /** A token's holder name and expiry from the body, or null once a 400 is sent. */
  private static Lifetime lifetime(RoutingContext ctx, JsonObject body) {
    int days;
    try {
      days = AccessCli.days(body.getValue("days") == null ? null : String.valueOf(body.getValue("days")));
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "days", e.getMessage().replace("--days", "days"));
      return null;
    }
    if (body.getValue("name") instanceof String s && PlausibleInput.firstInvisible(s) >= 0) {
      Problem.send(ctx, 400, "name", "name holds an invisible formatting character (bidirectional or zero-width text is not accepted)");
      return null;
    }
    String name = body.getValue("name") instanceof String s && !s.isBlank() && s.length() <= 200 ? s : null;
    return new Lifetime(name, Instant.now().plus(Duration.ofDays(days)));
  }

  private record Lifetime(String name, Instant expires) {}

  private void answer(RoutingContext ctx, Tokens.Issued t) {
    Principal by = Authenticator.principal(ctx);
    recorded(ctx, access.log().issued(t.principal(), by.source())).onSuccess(r -> ctx.response().setStatusCode(201)
        .putHeader("content-type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(t.principal().toJson().put("token", t.token()).put("link", publicUrl.get() + "/?access_token=" + t.token()).encode()));
  }

  /** Body optional {@code {"reason": "..."}}; 200 once the revocation is on the log (and in force here). */
  void revoke(RoutingContext ctx) {
    String jti = ctx.pathParam("jti");
    if (jti == null || jti.isBlank() || jti.length() > 100) {
      Problem.send(ctx, 400, "jti", "a token id (jti) of 1 to 100 characters");
      return;
    }
    JsonObject body = JsonBody.object(ctx).orElse(null);
    if (body == null && JsonBody.present(ctx)) {
      Problem.send(ctx, 400, "", "body must be empty or {\"reason\": \"...\"}");
      return;
    }
    String reason = body == null || !(body.getValue("reason") instanceof String s) ? null : s;
    Principal by = Authenticator.principal(ctx);
    recorded(ctx, access.log().revoke(jti, access.book().expiryOf(jti), by.source(), reason))
        .onSuccess(r -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
            .end(new JsonObject().put("jti", jti).put("revoked", true).put("by", by.source()).encode()));
  }

  void list(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("tokens", new JsonArray(access.book().issued())).encode());
  }

  /** Completes once Kafka has the record; answers 503 with Retry-After (and fails) when it does not. */
  private Future<JsonObject> recorded(RoutingContext ctx, java.util.concurrent.CompletionStage<JsonObject> write) {
    return Future.fromCompletionStage(write, vertx.getOrCreateContext()).onFailure(err -> {
      ctx.response().putHeader("Retry-After", IngestHandler.RETRY_AFTER_SECONDS);
      Problem.send(ctx, 503, "the access log did not confirm the write in time; retry");
    });
  }

}
