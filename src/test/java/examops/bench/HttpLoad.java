package examops.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** An in-process HTTP load generator on Vert.x's client: closed loops on N connections, or a paced rate. */
final class HttpLoad implements AutoCloseable {

  /** Called with the request and when (System.nanoTime) its 202 arrived. */
  interface OnAccepted {
    void accepted(BenchEvents.Rec rec, long nanos);
  }

  final AtomicLong accepted = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  private final HttpClient client;
  private final int port;
  private final String authorization;
  private volatile boolean running = true;

  /** @param token the bearer token every request carries */
  HttpLoad(Vertx vertx, int port, String token, int connections) {
    this.port = port;
    this.authorization = "Bearer " + token;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  Future<Integer> post(BenchEvents.Rec rec, OnAccepted onAccepted) {
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(rec.path()).putHeader("content-type", "application/json")
        .putHeader("authorization", authorization);
    return client.request(o).compose(req -> req.send(Buffer.buffer(rec.value())))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .andThen(ar -> {
          if (ar.failed()) failed.incrementAndGet();
          else if (ar.result() == 202) {
            accepted.incrementAndGet();
            if (onAccepted != null) onAccepted.accepted(rec, System.nanoTime());
          } else refused.incrementAndGet();
        });
  }

  /** {@code loops} requests in flight at all times until {@link #stop()}. */
  void closedLoops(int loops, Supplier<BenchEvents.Rec> next) {
    for (int i = 0; i < loops; i++) loop(next);
  }

  private void loop(Supplier<BenchEvents.Rec> next) {
    if (!running) return;
    BenchEvents.Rec rec;
    synchronized (this) {
      rec = next.get();
    }
    post(rec, null).onComplete(ar -> loop(next));
  }

  /** {@code perSecond} requests a second, sent every 10 ms, until {@link #stop()}. */
  void paced(Vertx vertx, int perSecond, Supplier<BenchEvents.Rec> next, OnAccepted onAccepted) {
    double perTick = perSecond / 100.0;
    long t0 = System.nanoTime();
    long[] sent = {0};
    vertx.setPeriodic(10, id -> {
      if (!running) {
        vertx.cancelTimer(id);
        return;
      }
      long due = (long) ((System.nanoTime() - t0) / 10_000_000L * perTick);
      for (; sent[0] < due; sent[0]++) post(next.get(), onAccepted);
    });
  }

  void stop() {
    running = false;
  }

  @Override
  public void close() {
    stop();
    client.close();
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }

  static Future<Void> sleep(Vertx vertx, long ms) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(ms, id -> p.complete());
    return p.future();
  }
}
