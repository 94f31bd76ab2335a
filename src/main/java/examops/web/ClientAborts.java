package examops.web;

import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that goes away in the middle of its request (a phone losing signal, a scanner, a reset
 * connection) is not a failure of ours: it is logged at DEBUG, once, instead of the router's ERROR
 * stack trace that every such request used to leave.
 */
final class ClientAborts {

  private static final Logger LOG = LoggerFactory.getLogger(ClientAborts.class);

  private ClientAborts() {}

  /** Failure handler, first on every route; passes anything else on. */
  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    boolean aborted = failure instanceof IOException || failure instanceof HttpClosedException || ctx.response().closed();
    if (!aborted) {
      ctx.next();
      return;
    }
    LOG.debug("Client {} went away during {} {}: {}", Client.of(ctx).address(), ctx.request().method(), ctx.request().path(),
        failure == null ? "connection closed" : failure.toString());
    if (!ctx.response().closed() && !ctx.response().ended()) ctx.request().connection().close();
  }
}
