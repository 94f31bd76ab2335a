package examops.board;

import examops.kafka.BrokerWatch;
import examops.kafka.ReplayProgress;

/**
 * How far this node's board has got with the log and whether it can trust what it shows: replay
 * progress, caught up or not, where it started from, and whether the broker has been out of reach.
 * Written on the board's context, read from anywhere (health checks, the rules loop, the notifier).
 */
public final class NodeHealth {

  private volatile ReplayProgress progress;
  private volatile boolean caughtUp;
  private volatile long startedFrom;
  private volatile BrokerWatch.Loss brokerLoss;

  /** Whether the board has read the log up to where it stood when this node started; from then on it stays true. */
  public boolean caughtUp() {
    return caughtUp;
  }

  public ReplayProgress progress() {
    return progress;
  }

  /** The records of the log the checkpoint this node started from covered (0 when it read the log from its beginning). */
  public long startedFrom() {
    return startedFrom;
  }

  /**
   * While Kafka cannot be reached the board may miss what others report: it is out of date since
   * then. Null while the broker answers.
   */
  public BrokerWatch.Loss brokerLoss() {
    return brokerLoss;
  }

  void progress(ReplayProgress p) {
    progress = p;
  }

  /** A batch was applied at this progress: once it says caught up, the board is. */
  void applied(ReplayProgress p) {
    progress = p;
    if (p.caughtUp()) caughtUp = true;
  }

  void startedFrom(long records) {
    startedFrom = records;
  }

  void brokerLoss(BrokerWatch.Loss loss) {
    brokerLoss = loss;
  }
}
