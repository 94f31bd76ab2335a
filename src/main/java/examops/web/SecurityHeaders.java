package examops.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Headers on every answer: a Content-Security-Policy that allows scripts, styles and connections
 * from this origin only (the pages have no inline script, style or handler, and must keep it so),
 * no framing unless a kiosk origin is allowed ({@code EXAMOPS_FRAME_ANCESTORS}), no MIME sniffing,
 * no Referer leaving the node; and pages (HTML) revalidated on every load, so that a new release
 * and its scripts are picked up together.
 */
final class SecurityHeaders {

  private SecurityHeaders() {}

  static String contentSecurityPolicy(List<String> frameAncestors) {
    String ancestors = frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors);
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors;
  }

  static Handler<RoutingContext> handler(List<String> frameAncestors) {
    String csp = contentSecurityPolicy(frameAncestors);
    boolean noFraming = frameAncestors.isEmpty();
    return ctx -> {
      MultiMap h = ctx.response().headers();
      h.set("Content-Security-Policy", csp);
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Referrer-Policy", "no-referrer");
      if (noFraming) h.set("X-Frame-Options", "DENY");
      ctx.addHeadersEndHandler(v -> {
        String type = ctx.response().headers().get("content-type");
        String path = ctx.request().path();
        boolean page = type != null && type.startsWith("text/html") || path != null && (path.endsWith("/") || path.endsWith(".html"));
        if (page) ctx.response().headers().set("Cache-Control", "no-cache");
      });
      ctx.next();
    };
  }
}
