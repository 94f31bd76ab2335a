package examops.drill;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the drill through the real ingest API of this node, each step when the exam clock reaches
 * it, in order. A step answered 503 is retried with the same id; one answered 4xx is logged (the
 * script is wrong, or the board refused a move) and skipped.
 */
public final class DrillVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DrillVerticle.class);
  static final long TICK_MS = 50;

  private final List<DrillStep> steps;
  private final Clock clock;
  private final Supplier<Integer> port;
  private final Supplier<String> authorization;
  private HttpClient http;
  private int next;
  private boolean sending;
  private long lastProgressLog;

  /**
   * @param port the node's HTTP port, known once its server listens
   * @param authorization the Authorization header value to send, or null when none is needed
   */
  public DrillVerticle(List<DrillStep> steps, Clock clock, Supplier<Integer> port, Supplier<String> authorization) {
    this.steps = List.copyOf(steps);
    this.clock = clock;
    this.port = port;
    this.authorization = authorization;
  }

  @Override
  public Future<?> start() {
    http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1"), new PoolOptions().setHttp1MaxSize(16));
    LOG.info("Drill: {} steps from {} to {}", steps.size(), steps.isEmpty() ? "-" : steps.get(0).at(),
        steps.isEmpty() ? "-" : steps.get(steps.size() - 1).at());
    vertx.setPeriodic(TICK_MS, id -> tick());
    return Future.succeededFuture();
  }

  private void tick() {
    if (sending || next >= steps.size() || steps.get(next).at().isAfter(clock.instant())) return;
    sending = true;
    sendDue().onComplete(ar -> sending = false);
  }

  /**
   * Sends every step now due: one entity's steps (an incident's actions, a checklist item's moves)
   * one after another in order, different entities side by side, so a burst of agent results never
   * holds up a district's check-in. If anything fails the whole batch goes again next tick: the ids
   * are fixed, so what already landed is not applied twice.
   */
  private Future<Void> sendDue() {
    Instant now = clock.instant();
    int end = next;
    Map<String, List<DrillStep>> byEntity = new LinkedHashMap<>();
    while (end < steps.size() && !steps.get(end).at().isAfter(now)) {
      DrillStep step = steps.get(end++);
      byEntity.computeIfAbsent(entity(step), k -> new ArrayList<>()).add(step);
    }
    int batchEnd = end;
    List<Future<Void>> lanes = byEntity.values().stream().map(this::sendInOrder).toList();
    return Future.all(lanes).<Void>mapEmpty().onSuccess(v -> {
      next = batchEnd;
      logProgress();
    }).recover(err -> {
      LOG.warn("Drill: {}; the batch goes again", err.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> sendInOrder(List<DrillStep> lane) {
    Future<Void> chain = Future.succeededFuture();
    for (DrillStep step : lane) {
      chain = chain.compose(v -> send(step)).compose(status -> {
        if (status == 503) return Future.failedFuture("the event log is unavailable (503)");
        if (status >= 400) LOG.warn("Drill step {} {} answered {}", step.path(), step.body().getString("id"), status);
        return Future.succeededFuture();
      });
    }
    return chain;
  }

  /** What a step is about: steps about the same thing must arrive in order. */
  static String entity(DrillStep step) {
    JsonObject d = step.body().getJsonObject("data");
    String path = step.path();
    if (path.startsWith("/api/v1/incidents")) {
      String[] parts = path.split("/"); // "", api, v1, incidents, {id}, {action}
      return "incident:" + (parts.length > 4 ? parts[4] : d.getString("incidentId"));
    }
    if (path.startsWith("/api/v1/publishing")) return "publishing:" + step.body().getString("district") + ":" + d.getString("channel") + ":" + d.getString("item");
    if (path.startsWith("/api/v1/checkins")) return "checkin:" + step.body().getString("district");
    return "target:" + d.getString("target");
  }

  private Future<Integer> send(DrillStep step) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port.get()).setURI(step.path())
        .putHeader("content-type", "application/json").setTimeout(15_000);
    String auth = authorization.get();
    if (auth != null) options.putHeader("authorization", auth);
    return http.request(options).compose(req -> req.send(Buffer.buffer(step.body().encode())))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }

  private void logProgress() {
    long now = System.currentTimeMillis();
    if (now - lastProgressLog < 30_000 && next < steps.size()) return;
    lastProgressLog = now;
    LOG.info("Drill: {} of {} steps played (exam clock {})", next, steps.size(), clock.instant());
  }
}
