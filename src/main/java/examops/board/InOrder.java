package examops.board;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs tasks on a thread of its own, one at a time, in the order they were handed over: a reader
 * decodes the log on its thread while this one applies what it decoded. {@link #close()} waits for
 * every task, and throws what a task threw (the tasks after it are not run; handing over more then
 * throws an exception caused by it, so the reader stops early).
 */
final class InOrder implements AutoCloseable {

  private static final Runnable END = () -> {};
  /** Handed over in batches: one queue operation per task would cost as much as a small task. */
  private static final int BATCH = 256;

  private final BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(64);
  private final Thread thread;
  private List<Runnable> batch = new ArrayList<>(BATCH);
  private volatile RuntimeException failed;

  InOrder(String name) {
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a task; waits while the applying thread is far behind. */
  void run(Runnable task) {
    if (failed != null) throw new IllegalStateException("applying failed: " + failed.getMessage(), failed);
    batch.add(task);
    if (batch.size() == BATCH) handOver();
  }

  private void handOver() {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing over work", e);
    }
    batch = new ArrayList<>(BATCH);
  }

  private void loop() {
    try {
      while (true) {
        for (Runnable task : queue.take()) {
          if (task == END) return;
          if (failed == null) task.run();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failed = e;
      // keep taking, so the handing thread is never blocked on a full queue
      try {
        while (!queue.take().contains(END)) { /* drain */ }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    batch.add(END);
    handOver();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the work to finish", e);
    }
    if (failed != null) throw failed;
  }
}
