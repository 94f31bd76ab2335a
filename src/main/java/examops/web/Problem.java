package examops.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Answers with a JSON error body that names the field at fault, the same shape on every path. */
final class Problem {

  private Problem() {}

  static void send(RoutingContext ctx, int status, String field, String message) {
    send(ctx, status, field, message, null);
  }

  /** With the entity as it stands, when the sender may see it (a refused incident action shows the incident). */
  static void send(RoutingContext ctx, int status, String field, String message, JsonObject current) {
    JsonObject body = new JsonObject().put("error", message).put("status", status);
    if (field != null && !field.isEmpty()) body.put("field", field);
    if (current != null) body.put("current", current);
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(body.encode());
  }

  static void send(RoutingContext ctx, int status, String message) {
    send(ctx, status, null, message);
  }
}
