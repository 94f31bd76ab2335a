package examops.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Writes that ride on the session cookie must come from our own pages. SameSite=Strict does not
 * stop a page on another port of the same host (same site, different origin), and a form or a
 * {@code no-cors} fetch needs no preflight; so a cookie-authenticated write needs:
 *
 * <ul>
 *   <li>{@code Sec-Fetch-Site}, when the browser sends it, of {@code same-origin};</li>
 *   <li>{@code Origin}, when sent, equal to this node's public origin or to the origin the request
 *       itself names in {@code Host} (which a page elsewhere cannot choose);</li>
 *   <li>a JSON body ({@code Content-Type: application/json}), which no form can send and no
 *       cross-origin fetch can send without a preflight we never grant.</li>
 * </ul>
 *
 * Requests with a bearer token are not affected: a browser never attaches one by itself.
 */
final class CrossSiteWrites {

  private final Supplier<String> publicOrigin;
  private final Stats stats;

  CrossSiteWrites(Supplier<String> publicOrigin, Stats stats) {
    this.publicOrigin = publicOrigin;
    this.stats = stats;
  }

  /** Route handler for cookie-authenticated writes; anything else passes. */
  void check(RoutingContext ctx) {
    if (!Authenticator.viaCookie(ctx.request())) {
      ctx.next();
      return;
    }
    String refusal = refusal(ctx);
    if (refusal == null) {
      ctx.next();
      return;
    }
    stats.rejected(403);
    Problem.send(ctx, 403, refusal);
  }

  /** Login sets a cookie rather than using one, but a cross-site login is refused the same way. */
  void checkOrigin(RoutingContext ctx) {
    String refusal = originRefusal(ctx);
    if (refusal == null) {
      ctx.next();
      return;
    }
    stats.rejected(403);
    Problem.send(ctx, 403, refusal);
  }

  private String refusal(RoutingContext ctx) {
    String origin = originRefusal(ctx);
    if (origin != null) return origin;
    String type = ctx.request().getHeader("content-type");
    if (type == null || !JsonContentType.isJson(type)) {
      return "a write signed in by the session cookie must send Content-Type: application/json";
    }
    return null;
  }

  private String originRefusal(RoutingContext ctx) {
    String site = ctx.request().getHeader("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin")) {
      return "cross-origin write refused (Sec-Fetch-Site: " + abbreviate(site) + ")";
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !sameOrigin(ctx, origin.toLowerCase(Locale.ROOT))) {
      return "cross-origin write refused (Origin: " + abbreviate(origin) + ")";
    }
    return null;
  }

  /** The configured public origin, or the origin the request names itself ({@code Host}, which a page elsewhere cannot set). */
  private boolean sameOrigin(RoutingContext ctx, String origin) {
    if (origin.equals(publicOrigin.get())) return true;
    String host = ctx.request().getHeader("Host");
    return host != null && origin.equals(((Client.of(ctx).https() ? "https://" : "http://") + host).toLowerCase(Locale.ROOT));
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }
}
