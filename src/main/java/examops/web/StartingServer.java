package examops.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * Holds the node's HTTP port while it cannot serve yet (the embedded broker starting, the topics waiting
 * for enough Kafka brokers): {@code /health} answers 503 with what the node is waiting for, every other
 * path 503 with {@code Retry-After}. Closed just before the real server takes the port.
 */
public final class StartingServer {

  private final String nodeId;
  private final Supplier<String> waitingFor;
  private HttpServer server;

  private StartingServer(String nodeId, Supplier<String> waitingFor) {
    this.nodeId = nodeId;
    this.waitingFor = waitingFor;
  }

  public static Future<StartingServer> listen(Vertx vertx, String host, int port, String nodeId, Supplier<String> waitingFor) {
    StartingServer s = new StartingServer(nodeId, waitingFor);
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(s::answer)
        .listen()
        .map(server -> {
          s.server = server;
          return s;
        });
  }

  private void answer(HttpServerRequest request) {
    String reason = waitingFor.get();
    JsonObject body = "/health".equals(request.path())
        ? new JsonObject().put("status", "starting").put("node", nodeId).put("reason", reason)
        : new JsonObject().put("error", "the node is starting: " + reason + "; retry later").put("status", 503);
    request.response().setStatusCode(503).putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("retry-after", "5").end(body.encode());
  }

  public int actualPort() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
