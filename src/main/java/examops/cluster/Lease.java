package examops.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster-wide lease: the Vert.x shared-data lock of that name (Hazelcast-backed when clustered),
 * taken and held for the node's life. The rules and the probes run only where it is held, so exactly
 * one node evaluates them; when the holder dies its lock is released and another node takes over
 * at its next try.
 */
public final class Lease {

  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
  static final long TRY_EVERY_MS = 1_000;

  private final Vertx vertx;
  private final String name;
  private final String nodeId;
  private final List<Runnable> onAcquired = new ArrayList<>();
  private volatile boolean held;
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
    vertx.sharedData().getLockWithTimeout(name, TRY_EVERY_MS).onComplete(ar -> {
      if (ar.succeeded()) {
        List<Runnable> actions;
        synchronized (this) {
          lock = ar.result();
          held = true;
          actions = List.copyOf(onAcquired);
          onAcquired.clear();
        }
        LOG.info("Node {} holds the lease '{}': it runs the rules and the probes", nodeId, name);
        actions.forEach(Runnable::run);
      } else {
        timer = vertx.setTimer(TRY_EVERY_MS, id -> tryAcquire());
      }
    });
  }

  public boolean held() {
    return held;
  }

  public synchronized void release() {
    if (timer >= 0) vertx.cancelTimer(timer);
    if (lock != null) lock.release();
    lock = null;
    held = false;
  }
}
