package examops.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster-wide lease: the Vert.x shared-data lock of that name (Hazelcast-backed when clustered),
 * taken and held for the node's life. The rules and the probes run only where it is held, so exactly
 * one node evaluates them; when the holder dies Hazelcast releases its lock and a node waiting for it
 * takes over.
 *
 * <p>The holder also announces itself in a cluster-wide map under a short time-to-live, so every node
 * can say who holds the lease (and a dead holder's name fades within seconds).
 */
public final class Lease {

  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
  /** How long one attempt waits for the lock; a node not holding it always has an attempt waiting. */
  static final long TRY_EVERY_MS = 1_000;
  /** How long the holder's name stays announced without being renewed (renewed every {@link #TRY_EVERY_MS}). */
  static final long ANNOUNCE_TTL_MS = 3_000;
  static final String HOLDERS = "examops.lease.holders";

  private final Vertx vertx;
  private final String name;
  private final String nodeId;
  private final List<Runnable> onAcquired = new ArrayList<>();
  private volatile boolean held;
  private volatile String holder;
  private volatile boolean stopped;
  private Lock lock;
  private long timer = -1;

  public Lease(Vertx vertx, String name, String nodeId) {
    this.vertx = vertx;
    this.name = name;
    this.nodeId = nodeId;
  }

  /** Runs {@code action} once the lease is held (at once if it already is). */
  public synchronized void whenHeld(Runnable action) {
    if (held) action.run(); else onAcquired.add(action);
  }

  public void start() {
    tryAcquire();
  }

  private void tryAcquire() {
    if (stopped) return;
    long t0 = System.nanoTime();
    vertx.sharedData().getLockWithTimeout(name, TRY_EVERY_MS).onComplete(ar -> {
      if (stopped && ar.failed()) return;
      if (ar.succeeded()) {
        acquired(ar.result());
      } else {
        learnHolder();
        // An attempt that waited its whole time found the lease taken: wait again at once, so the
        // lock passes the moment it is released. One that failed early is an error: pause.
        boolean timedOut = System.nanoTime() - t0 >= TRY_EVERY_MS * 900_000L;
        schedule(timedOut ? 1 : TRY_EVERY_MS, this::tryAcquire);
      }
    });
  }

  private void acquired(Lock l) {
    List<Runnable> actions;
    synchronized (this) {
      if (stopped) {
        l.release();
        return;
      }
      lock = l;
      held = true;
      holder = nodeId;
      actions = List.copyOf(onAcquired);
      onAcquired.clear();
    }
    LOG.info("Node {} holds the lease '{}': it runs the rules and the probes", nodeId, name);
    announce();
    actions.forEach(Runnable::run);
  }

  private void announce() {
    if (stopped) return;
    holders().compose(m -> m.put(name, nodeId, ANNOUNCE_TTL_MS))
        .onFailure(e -> LOG.warn("Could not announce the lease holder: {}", e.toString()))
        .onComplete(ar -> schedule(TRY_EVERY_MS, this::announce));
  }

  private void learnHolder() {
    holders().compose(m -> m.get(name)).onSuccess(h -> holder = h);
  }

  private Future<AsyncMap<String, String>> holders() {
    try {
      return vertx.sharedData().getAsyncMap(HOLDERS);
    } catch (RuntimeException e) { // Hazelcast no longer running (the node is stopping)
      return Future.failedFuture(e);
    }
  }

  private synchronized void schedule(long delayMs, Runnable action) {
    if (!stopped) timer = vertx.setTimer(delayMs, id -> action.run());
  }

  public boolean held() {
    return held;
  }

  /** The node id of the lease holder as last seen, or null when none is known. */
  public String holder() {
    return holder;
  }

  public synchronized void release() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    if (lock != null) lock.release();
    lock = null;
    held = false;
  }
}
