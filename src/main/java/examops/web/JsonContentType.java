package examops.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Ingest bodies are JSON: a request that says it sends something else (a form, plain text, XML) is
 * answered 415 before its body is read. A request without a content type is let through, so that
 * body-less actions ({@code POST /api/v1/incidents/{id}/acknowledge}) stay simple to send.
 */
final class JsonContentType {

  private JsonContentType() {}

  static void check(RoutingContext ctx) {
    String type = ctx.request().getHeader("content-type");
    if (type == null || isJson(type)) {
      ctx.next();
      return;
    }
    Problem.send(ctx, 415, "content-type", "must be application/json, not " + abbreviate(type));
  }

  static boolean isJson(String contentType) {
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return mime.equals("application/json") || mime.startsWith("application/") && mime.endsWith("+json");
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }
}
