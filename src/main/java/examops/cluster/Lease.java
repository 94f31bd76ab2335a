package examops.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
 *
 * <p>A lock alone cannot stop a holder that was frozen (SIGSTOP, a long pause, a cut network) while the
 * cluster gave its lock to another node: on waking it still believes it holds the lease. So taking the
 * lease runs {@link #takeWith take steps} first (the node fences the previous holder's Kafka writer and
 * reads the log to its end), and the holder {@link #confirmWith confirms} the lease against Kafka now and
 * then; a holder whose writes or confirmation Kafka refuses has {@link #lost} the lease: it stops every
 * lease duty, says so, and waits to take the lease again. Its lock is never released (the cluster
 * already released it, and releasing a Hazelcast lock by force would free the new holder's).
 */
public final class Lease {

  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
  /** How long one attempt waits for the lock; a node not holding it always has an attempt waiting. */
  static final long TRY_EVERY_MS = 1_000;
  /** How long the holder's name stays announced without being renewed (renewed every {@link #TRY_EVERY_MS}). */
  static final long ANNOUNCE_TTL_MS = 3_000;
  static final String HOLDERS = "examops.lease.holders";
  /** How long a node that lost the lease waits before it tries to take it again (the cluster settles first). */
  static final long RETRY_AFTER_LOSS_MS = 10_000;

  /** When and why this node last lost the lease while it believed it held it. */
  public record Loss(Instant at, String reason) {}

  private final Vertx vertx;
  private final String name;
  private final String nodeId;
  private final List<Runnable> onAcquired = new ArrayList<>();
  private volatile boolean held;
  private volatile String holder;
  private volatile boolean stopped;
  private volatile Loss lastLoss;
  private Lock lock;
  private final Set<Long> timers = new HashSet<>();
  private final List<Supplier<Future<?>>> takeSteps = new ArrayList<>();
  private Supplier<Future<?>> confirmation;
  private long confirmEveryMs;
  private BooleanSupplier othersVisible = () -> true;
  /** Counts takings, so a confirmation or step of an earlier taking does not act on a later one. */
  private long taking;

  public Lease(Vertx vertx, String name, String nodeId) {
    this.vertx = vertx;
    this.name = name;
    this.nodeId = nodeId;
  }

  /**
   * Runs {@code action} the first time the lease is held (at once if it already is). The lease can be lost
   * and taken again later: duties started here look at {@link #held()} before each piece of work.
   */
  public synchronized void whenHeld(Runnable action) {
    if (held) action.run(); else onAcquired.add(action);
  }

  /** A step run once the lock is taken and before the lease counts as held; a failed step is run again. */
  public synchronized Lease takeWith(Supplier<Future<?>> step) {
    takeSteps.add(step);
    return this;
  }

  /** While held, {@code check} runs every {@code everyMs}; the check itself reports a loss through {@link #lost}. */
  public synchronized Lease confirmWith(Supplier<Future<?>> check, long everyMs) {
    confirmation = check;
    confirmEveryMs = everyMs;
    return this;
  }

  /** Whether another member of the cluster can be seen: a node that lost the lease tries again only then. */
  public synchronized Lease othersVisible(BooleanSupplier visible) {
    othersVisible = visible;
    return this;
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
    long mine;
    synchronized (this) {
      if (stopped) {
        l.release();
        return;
      }
      lock = l;
      mine = ++taking;
    }
    takeSteps(mine);
  }

  /** The take steps in order; when one fails, all of them again a second later (the lock stays taken). */
  private void takeSteps(long mine) {
    Future<?> chain = Future.succeededFuture();
    for (Supplier<Future<?>> step : List.copyOf(takeSteps)) chain = chain.compose(v -> step.get());
    chain.onComplete(ar -> {
      if (stopped || mine != taking) return;
      if (ar.succeeded()) {
        nowHeld(mine);
      } else {
        LOG.warn("Node {} has the lock of '{}' but cannot take the lease yet ({}); trying again", nodeId, name, ar.cause().toString());
        schedule(TRY_EVERY_MS, () -> takeSteps(mine));
      }
    });
  }

  private void nowHeld(long mine) {
    List<Runnable> actions;
    synchronized (this) {
      if (stopped || mine != taking) return;
      held = true;
      holder = nodeId;
      actions = List.copyOf(onAcquired);
      onAcquired.clear();
    }
    LOG.info("Node {} holds the lease '{}': it runs the rules and the probes", nodeId, name);
    announce(mine);
    if (confirmation != null) schedule(confirmEveryMs, () -> confirm(mine));
    actions.forEach(Runnable::run);
  }

  private void confirm(long mine) {
    if (stopped || !held || mine != taking) return;
    confirmation.get().onComplete(ar -> {
      if (ar.failed() && held && mine == taking) LOG.debug("Lease confirmation failed: {}", ar.cause().toString());
      schedule(confirmEveryMs, () -> confirm(mine));
    });
  }

  /**
   * This node learnt it no longer holds the lease (Kafka refused its writes: another node took the lease
   * while this one was frozen or cut off). It stops its lease duties at once and tries again later.
   */
  public void lost(String reason) {
    synchronized (this) {
      if (!held || stopped) return;
      held = false;
      lock = null; // released by the cluster already; never released by force from here
      taking++;
      lastLoss = new Loss(Instant.now(), reason);
    }
    LOG.error("Node {} LOST the lease '{}': {}. Another node took it over (this one was paused or cut off for longer "
        + "than the cluster waits); this node stops running the rules, probes, notifications and checkpoints, keeps "
        + "serving its screens, and tries to take the lease again once it sees another member of its cluster", nodeId, name, reason);
    learnHolder();
    schedule(RETRY_AFTER_LOSS_MS, this::retryAfterLoss);
  }

  private void retryAfterLoss() {
    if (stopped || held) return;
    if (othersVisible.getAsBoolean()) tryAcquire();
    else schedule(TRY_EVERY_MS, this::retryAfterLoss);
  }

  /** The last loss of the lease by this node, or null. */
  public Loss lastLoss() {
    return lastLoss;
  }

  private void announce(long mine) {
    if (stopped || !held || mine != taking) return;
    holders().compose(m -> m.put(name, nodeId, ANNOUNCE_TTL_MS))
        .onFailure(e -> LOG.warn("Could not announce the lease holder: {}", e.toString()))
        .onComplete(ar -> schedule(TRY_EVERY_MS, () -> announce(mine)));
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
    if (!stopped) timers.add(vertx.setTimer(delayMs, id -> {
      synchronized (this) {
        timers.remove(id);
      }
      action.run();
    }));
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
    timers.forEach(vertx::cancelTimer);
    timers.clear();
    if (lock != null) lock.release();
    lock = null;
    held = false;
  }
}
