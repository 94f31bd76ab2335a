package examops.monitoring;

import examops.cluster.Lease;
import examops.event.Event;
import examops.event.EventType;
import examops.kafka.FencedLog;
import examops.province.Probe;
import examops.province.ProbeType;
import examops.province.Province;
import examops.province.Target;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ExamOps' own active probes (HTTP with an expected status, TCP connect), each target on its own
 * interval with its own timeout, run only on the lease holder. A probe with phase settings (the
 * result-lookup portal on results day) is looked at on its shortest interval and probed when the
 * interval of the exam clock's current phase has passed. Results go to the log as
 * {@code probe.result} events like any agent's; flap damping happens where the state is derived.
 */
public final class ProbeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ProbeVerticle.class);

  private final Province province;
  private final Lease lease;
  private final Clock clock;
  private final String nodeId;
  private final FencedLog log;
  private HttpClient http;
  private NetClient tcp;
  private final examops.clock.ExamClock examClock;
  /** When each target was last probed (System.nanoTime), for probes whose interval follows the phase. */
  private final java.util.Map<String, Long> lastProbed = new java.util.HashMap<>();

  public ProbeVerticle(Province province, Lease lease, Clock clock, FencedLog log, String nodeId) {
    this.province = province;
    this.lease = lease;
    this.clock = clock;
    this.log = log;
    this.nodeId = nodeId;
    this.examClock = examops.clock.ExamClock.of(province);
  }

  @Override
  public Future<?> start() {
    List<Target> probed = province.targets().stream().filter(t -> t.activeProbe().isPresent()).toList();
    if (probed.isEmpty()) return Future.succeededFuture();
    http = vertx.createHttpClient(new HttpClientOptions().setTrustAll(false).setKeepAlive(false));
    tcp = vertx.createNetClient(new NetClientOptions());
    lease.whenHeld(() -> context.runOnContext(v -> {
      LOG.info("Probing {} targets", probed.size());
      probed.forEach(t -> vertx.setPeriodic(1, t.activeProbe().get().shortestInterval().toMillis(), id -> probeIfDue(t)));
    }));
    return Future.succeededFuture();
  }

  private void probeIfDue(Target t) {
    Probe p = t.activeProbe().get();
    if (!p.phases().isEmpty()) {
      long every = p.interval(examClock.phaseAt(clock.instant())).toNanos();
      long tick = p.shortestInterval().toNanos();
      Long last = lastProbed.get(t.id());
      // Half a tick of slack: the periodic timer fires a little early or late.
      if (last != null && System.nanoTime() - last < every - tick / 2) return;
    }
    lastProbed.put(t.id(), System.nanoTime());
    probe(t);
  }

  private void probe(Target t) {
    if (!lease.held()) return;
    Probe p = t.activeProbe().get();
    long t0 = System.nanoTime();
    Future<String> attempt = p.type() == ProbeType.HTTP ? http(p) : tcp(p);
    attempt.timeout(p.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).onComplete(ar -> {
      long latency = (System.nanoTime() - t0) / 1_000_000;
      JsonObject data = new JsonObject().put("target", t.id());
      if (ar.succeeded()) {
        data.put("status", "up").put("latencyMs", latency).put("detail", ar.result());
      } else {
        data.put("status", "down").put("detail", describe(ar.cause(), p));
      }
      OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), province.zone());
      Event e = new Event(UUID.randomUUID().toString(), EventType.PROBE_RESULT, at, clock.instant(), "probe:" + nodeId, t.district(), data);
      log.append(e).onFailure(err -> LOG.warn("Probe result for {} not written: {}", t.id(), err.toString()));
    });
  }

  private Future<String> http(Probe p) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(p.url())
            .setTimeout(p.timeout().toMillis()).setFollowRedirects(false))
        .compose(req -> req.send())
        .compose(resp -> {
          resp.end(); // drain and discard the body
          int expected = p.expectStatus() == 0 ? 200 : p.expectStatus();
          return resp.statusCode() == expected ? Future.succeededFuture("HTTP " + resp.statusCode())
              : Future.failedFuture(new IllegalStateException("HTTP " + resp.statusCode() + ", expected " + expected));
        });
  }

  private Future<String> tcp(Probe p) {
    return tcp.connect(p.port(), p.host()).map(socket -> {
      socket.close();
      return "TCP " + p.host() + ":" + p.port() + " open";
    });
  }

  private static String describe(Throwable err, Probe p) {
    if (err instanceof java.util.concurrent.TimeoutException || err instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
      return "no answer within " + p.timeout().toMillis() + " ms";
    }
    String m = err.getMessage();
    return m == null ? err.getClass().getSimpleName() : m.length() > 300 ? m.substring(0, 300) : m;
  }


}
