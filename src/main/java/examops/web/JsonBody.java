package examops.web;

import examops.event.StrictJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * A small request body (login, tokens, revocation) read as strictly as an event: with a repeated key,
 * {@code {"role":"leadership","role":"command"}} would otherwise mean whatever the last one says.
 */
final class JsonBody {

  private JsonBody() {}

  /** The body as a JSON object; empty when it is absent, not JSON, repeats a key, or is not an object. */
  static Optional<JsonObject> object(RoutingContext ctx) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) return Optional.empty();
    try {
      return StrictJson.parse(body) instanceof JsonObject json ? Optional.of(json) : Optional.empty();
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  /** Whether the request carries a body at all. */
  static boolean present(RoutingContext ctx) {
    return ctx.body() != null && ctx.body().length() > 0;
  }
}
