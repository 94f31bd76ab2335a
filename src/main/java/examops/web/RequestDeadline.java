package examops.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body must arrive whole within a deadline ({@code EXAMOPS_BODY_TIMEOUT}, 30 s): a client that sends its 64 KiB a
 * byte at a time (or starts a body and stops) would otherwise hold a connection and a buffer for as
 * long as it likes. Past the deadline it is answered 408 and the connection closed. Connections with
 * nothing going either way are closed by the server's idle timeout ({@link HttpVerticle#IDLE_SECONDS}).
 */
final class RequestDeadline {

  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

  private RequestDeadline() {}

  static Handler<RoutingContext> handler(Vertx vertx, int seconds) {
    return ctx -> {
      if (ctx.request().isEnded()) {
        ctx.next();
        return;
      }
      long timer = vertx.setTimer(seconds * 1000L, id -> expire(ctx, seconds));
      ctx.addEndHandler(v -> vertx.cancelTimer(timer));
      ctx.next();
    };
  }

  private static void expire(RoutingContext ctx, int seconds) {
    if (ctx.request().isEnded()) return;
    LOG.info("Closing a request from {} whose body did not arrive within {} s: {} {}", Client.of(ctx).address(), seconds,
        ctx.request().method(), ctx.request().path());
    if (!ctx.response().ended() && !ctx.response().headWritten()) {
      ctx.response().putHeader("Connection", "close");
      Problem.send(ctx, 408, "the request body did not arrive within " + seconds + " s");
    }
    ctx.request().connection().close();
  }
}
