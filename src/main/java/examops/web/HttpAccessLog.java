package examops.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request, naming the client (through a trusted proxy, the client's own
 * address): refusals of credentials (401, 403, 429) at INFO, everything else at DEBUG
 * ({@code logger examops.web.HttpAccessLog}). The path is logged without its query, which may carry
 * an enrolment token.
 */
final class HttpAccessLog {

  private static final Logger LOG = LoggerFactory.getLogger(HttpAccessLog.class);

  private HttpAccessLog() {}

  static Handler<RoutingContext> handler() {
    return ctx -> {
      long t0 = System.nanoTime();
      ctx.addBodyEndHandler(v -> {
        int status = ctx.response().getStatusCode();
        boolean refusal = status == 401 || status == 403 || status == 429;
        if (refusal ? LOG.isInfoEnabled() : LOG.isDebugEnabled()) {
          String line = "{} {} {} {} {} ms";
          Object[] args = {Client.of(ctx).address(), ctx.request().method(), abbreviate(ctx.request().path()), status,
              (System.nanoTime() - t0) / 1_000_000};
          if (refusal) LOG.info(line, args);
          else LOG.debug(line, args);
        }
      });
      ctx.next();
    };
  }

  private static String abbreviate(String path) {
    if (path == null) return "";
    String p = path.length() > 200 ? path.substring(0, 200) + "…" : path;
    return p.replaceAll("[\\p{Cntrl}]", "?");
  }
}
