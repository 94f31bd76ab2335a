package examops.web;

import examops.access.Access;
import examops.cluster.Lease;
import examops.access.AccessPolicy;
import examops.access.LoginThrottle;
import examops.access.RateLimiter;
import examops.board.Board;
import examops.board.PastBoards;
import examops.kafka.CheckpointStore;
import examops.kafka.LogCut;
import examops.kafka.RecordDecoder;
import examops.board.ReferenceCheck;
import examops.config.WebSettings;
import examops.event.EventType;
import examops.event.EventValidator;
import examops.kafka.BrokerWatch;
import examops.kafka.EventLog;
import examops.kafka.ReplayProgress;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP and WebSocket: translates requests into events and board reads; decides nothing itself. */
public final class HttpVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
  /**
   * A connection with nothing read or written for this long is closed (board sockets get a heartbeat
   * every 2 s). Longer than a report may take to generate ({@code GET /api/v1/report} answers when it is
   * done, up to 15 minutes on a long log read whole), so that the answer is not cut off; slow bodies are
   * bounded apart ({@code EXAMOPS_BODY_TIMEOUT}).
   */
  static final int IDLE_SECONDS = 16 * 60;
  /** Bodies above this are answered 413 before they are read whole. */
  static final long MAX_BODY_BYTES = 64 * 1024;

  /**
   * What /health and /metrics need to know about the rest of the node.
   *
   * @param brokerStopped why the embedded broker stopped for good (the node needs a restart), or null
   * @param brokers the Kafka brokers registered, the most seen, and since when some are missing
   * @param leaseLost when and why this node last lost the lease it believed it held, or null
   */
  public record NodeInfo(String nodeId, Supplier<ReplayProgress> replay, Supplier<Boolean> leader,
      Supplier<String> leaseHolder, Supplier<String> brokerStopped, Supplier<String> scrape, Supplier<Lease.Loss> leaseLost,
      Supplier<BrokerWatch.Brokers> brokers) {}

  private final int port;
  private final String host;
  private final Board board;
  private final EventValidator validator;
  private final ReferenceCheck references;
  private final String bootstrap;
  private final NodeInfo node;
  private final Stats stats;
  private final Access access;
  private final WebSettings web;
  private EventLog log;
  private HttpServer server;

  public HttpVerticle(String host, int port, Board board, EventValidator validator, ReferenceCheck references,
      String bootstrap, NodeInfo node, Stats stats, Access access, WebSettings web) {
    this.access = access;
    this.web = web;
    this.host = host;
    this.port = port;
    this.board = board;
    this.validator = validator;
    this.references = references;
    this.bootstrap = bootstrap;
    this.node = node;
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    log = new EventLog(vertx, bootstrap, "examops-" + node.nodeId() + "-ingest");
    IngestHandler ingest = new IngestHandler(vertx, validator, references, log, board, stats);
    RateLimiter limiter = access.newRateLimiter();
    Authenticator auth = new Authenticator(access, limiter, stats);
    SessionRoutes sessions = new SessionRoutes(vertx, access, auth, new LoginThrottle());
    TokenRoutes tokens = new TokenRoutes(vertx, access, auth, this::publicUrl);
    BoardSocket socket = new BoardSocket(vertx, board, stats, auth::stillValid, web.socketsPerCredential());
    CrossSiteWrites crossSite = new CrossSiteWrites(this::publicUrl, stats);
    Router router = Router.router(vertx);
    router.route().handler(Client.resolver(web.trustedProxies())).failureHandler(ClientAborts::handle);
    router.route().handler(HttpAccessLog.handler());
    router.route().handler(SecurityHeaders.handler(web.frameAncestors()));
    router.route().handler(RequestDeadline.handler(vertx, web.bodySeconds()));
    // Open: ops tooling (load balancers, Prometheus) reads these without credentials; neither shows board content.
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    router.post("/api/v1/*").handler(JsonContentType::check);
    router.post("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/v1/login").handler(crossSite::checkOrigin).handler(sessions::login);
    router.route("/api/v1/*").handler(auth::require);
    router.post("/api/v1/*").handler(crossSite::check);
    router.post("/api/v1/*").handler(auth::rateLimit);
    router.post("/api/v1/logout").handler(sessions::logout);
    router.get("/api/v1/me").handler(sessions::me);
    router.get("/api/v1/board").handler(ctx -> fullAudienceFor(ctx, ctx.request().getParam("at") != null, auth));
    PastBoards past = new PastBoards(board.province(), new CheckpointStore(bootstrap, "examops-" + node.nodeId() + "-history"),
        new LogCut(bootstrap, new RecordDecoder(validator, references::problem)));
    router.get("/api/v1/board").handler(TimeTravelHandler.create(vertx, past, board));
    router.get("/api/v1/board").handler(this::snapshot);
    router.post("/api/v1/monitoring").handler(ctx -> ingest.ingest(ctx, EventType.PROBE_RESULT));
    router.post("/api/v1/checkins").handler(ctx -> ingest.ingest(ctx, EventType.CHECKIN_SUBMITTED));
    router.post("/api/v1/unit-reports").handler(ctx -> ingest.ingest(ctx, EventType.UNIT_REPORT_SUBMITTED));
    router.post("/api/v1/publishing").handler(ctx -> ingest.ingest(ctx, EventType.PUBLISHING_UPDATED));
    router.post("/api/v1/incidents").handler(ctx -> ingest.ingest(ctx, EventType.INCIDENT_REPORTED));
    router.post("/api/v1/incidents/:id/:action").handler(ingest::incidentAction);
    router.post("/api/v1/alerts/:id/acknowledge").handler(ingest::acknowledgeAlert);
    router.post("/api/v1/maintenance").handler(ctx -> ingest.ingest(ctx, EventType.MAINTENANCE_DECLARED));
    router.post("/api/v1/maintenance/:id/end").handler(ingest::endMaintenance);
    router.route("/api/v1/report*").handler(ctx -> fullAudienceFor(ctx, true, auth));
    router.get("/api/v1/dlq").handler(ctx -> fullAudienceFor(ctx, true, auth)).handler(this::deadLetters);
    examops.report.ReportRoutes.mount(router, vertx, board, past);
    router.route("/api/v1/tokens*").handler(tokens::commandOnly);
    router.post("/api/v1/tokens").handler(tokens::issue);
    router.get("/api/v1/tokens").handler(tokens::list);
    router.post("/api/v1/tokens/:jti/revoke").handler(tokens::revoke);
    router.route("/api/*").handler(ctx -> Problem.send(ctx, 404, "no such API path: " + ctx.request().method() + " " + ctx.request().path()));
    router.get("/ws/board").handler(ctx -> openSocket(ctx, auth, socket));
    router.get("/*").handler(sessions::enrol);
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    router.errorHandler(413, ctx -> Problem.send(ctx, 413, "body larger than " + MAX_BODY_BYTES + " bytes"));
    router.errorHandler(500, ctx -> {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
      Problem.send(ctx, 500, "internal error");
    });
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setIdleTimeout(IDLE_SECONDS)
            .setMaxWebSocketMessageSize(BoardSocket.MAX_MESSAGE_BYTES).setRegisterWebSocketWriteHandlers(false))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  /** The report and the board at a past moment are the command center's and leadership's (need-to-know included). */
  private static void fullAudienceFor(RoutingContext ctx, boolean applies, Authenticator auth) {
    var refusal = applies ? AccessPolicy.fullBoardRefusal(Authenticator.principal(ctx)) : java.util.Optional.<String>empty();
    if (refusal.isPresent()) auth.forbidden(ctx, null, refusal.get());
    else ctx.next();
  }

  /**
   * {@code WS /ws/board}: the upgrade is accepted only with valid credentials (header, session
   * cookie, or {@code access_token}: browsers cannot set headers on a WebSocket); else 401.
   */
  private void openSocket(RoutingContext ctx, Authenticator auth, BoardSocket socket) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      Problem.send(ctx, 400, "this is a WebSocket endpoint");
      return;
    }
    auth.authenticate(ctx.request(), true)
        .onFailure(err -> auth.unauthorized(ctx, err.getMessage()))
        .onSuccess(p -> {
          if (!socket.reserve(p)) {
            stats.rejected(429);
            ctx.response().putHeader("Retry-After", "30");
            Problem.send(ctx, 429, "this credential already has " + socket.maxPerCredential()
                + " board connections open on this node; close one (another tab or screen) first");
            return;
          }
          ctx.request().toWebSocket()
              .onSuccess(ws -> socket.accept(ws, p, Client.of(ctx).address()))
              .onFailure(err -> {
                socket.release(p);
                LOG.debug("WebSocket upgrade failed: {}", err.toString());
              });
        });
  }

  /**
   * The address people open, for links this node hands out: {@code EXAMOPS_PUBLIC_URL}, else this
   * node's own address. Never the request's Host header, which whoever sends the request chooses.
   */
  String publicUrl() {
    if (web.publicUrl() != null) return web.publicUrl();
    return "http://" + ("0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host) + ":" + server.actualPort();
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void health(RoutingContext ctx) {
    ReplayProgress replay = node.replay().get();
    BrokerWatch.Loss brokerLoss = board.health().brokerLoss();
    String brokerStopped = node.brokerStopped().get();
    boolean ready = board.health().caughtUp() && (replay == null || replay.error() == null) && brokerLoss == null && brokerStopped == null;
    JsonObject body = new JsonObject()
        .put("status", brokerStopped != null ? "broker-stopped" : brokerLoss != null ? "broker-unreachable" : ready ? "ok" : "starting")
        .put("reason", brokerStopped)
        .put("broker", brokers(brokerLoss == null ? new JsonObject().put("reachable", true)
            : new JsonObject().put("reachable", false).put("since", brokerLoss.since().toString()).put("error", brokerLoss.error())))
        .put("node", node.nodeId())
        .put("leader", node.leader().get())
        .put("leaseHolder", node.leaseHolder().get())
        .put("leaseLost", leaseLost())
        .put("version", board.appliedVersion())
        .put("replay", replay == null ? null : replay.toJson().put("fromCheckpoint", board.health().startedFrom()));
    ctx.response().setStatusCode(ready ? 200 : 503).putHeader("content-type", "application/json").end(body.encode());
  }

  /** {@code registered}, {@code seen} (the most at once) and, while fewer are registered, {@code missingSince}. */
  private JsonObject brokers(JsonObject broker) {
    BrokerWatch.Brokers b = node.brokers().get();
    if (b == null || b.most() == 0) return broker;
    broker.put("registered", b.registered()).put("seen", b.most());
    if (b.missingSince() != null) broker.put("missingSince", b.missingSince().toString());
    return broker;
  }

  /** When and why this node last lost the lease while it believed it held it (null when it never did). */
  private JsonObject leaseLost() {
    Lease.Loss loss = node.leaseLost().get();
    return loss == null ? null : new JsonObject().put("at", loss.at().toString()).put("reason", loss.reason());
  }

  private void snapshot(RoutingContext ctx) {
    board.snapshot(Authenticator.principal(ctx).audience()).onSuccess(state -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store").end(state.encode())).onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/dlq?limit=n}: the latest records that went to the dead-letter topic, and why. */
  private void deadLetters(RoutingContext ctx) {
    int limit;
    try {
      limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > Board.RECENT_DEAD_LETTERS) {
      Problem.send(ctx, 400, "limit", "must be a whole number from 1 to " + Board.RECENT_DEAD_LETTERS);
      return;
    }
    board.deadLetters(limit).onSuccess(body -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store").end(body.encode())).onFailure(ctx::fail);
  }

  /** Prometheus text of this node's registry (JVM, Vert.x, Kafka clients, ExamOps's meters: {@code NodeMetrics}). */
  private void metrics(RoutingContext ctx) {
    vertx.executeBlocking(node.scrape()::get, false)
        .onSuccess(text -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(text))
        .onFailure(ctx::fail);
  }

  /** The producer ingest writes with, for its metrics. */
  public org.apache.kafka.clients.producer.Producer<String, byte[]> ingestClient() {
    return log.client();
  }

  @Override
  public Future<?> stop() {
    return log == null ? Future.succeededFuture() : log.close();
  }
}
