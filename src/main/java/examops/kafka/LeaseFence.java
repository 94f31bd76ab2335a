package examops.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka side of the lease: one fenced writer for the events the holder writes and one for its
 * checkpoints (large records, a producer of their own), under transactional ids named after the lease.
 * {@link #take} fences every former holder's writers and returns the log's end as it stands after that:
 * all a former holder wrote lies before it.
 */
public final class LeaseFence implements AutoCloseable {

  private final String bootstrap;
  private final String clientId;
  private final FencedProducer events;
  private final FencedProducer checkpoints;
  private FencedLog log;

  /** @param onFenced told when Kafka refuses this node's writes: another node holds the lease now */
  public LeaseFence(String bootstrap, String leaseName, String nodeId, Consumer<String> onFenced) {
    this.bootstrap = bootstrap;
    this.clientId = "examops-" + nodeId + "-lease";
    this.events = new FencedProducer(KafkaSettings.durableProducer(bootstrap, clientId), leaseName, onFenced);
    this.checkpoints = new FencedProducer(KafkaSettings.checkpointProducer(bootstrap, clientId + "-checkpoints"),
        leaseName + ".checkpoints", onFenced);
  }

  /** Fences the former holder's writers; the future holds the end of the event topics after that. */
  public Future<Map<TopicPartition, Long>> take(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      events.fence();
      checkpoints.fence();
      return LogReader.committedEnd(bootstrap, clientId + "-end");
    }, false);
  }

  /** The writer of the holder's events (one per node). */
  public synchronized FencedLog log(Vertx vertx) {
    if (log == null) log = new FencedLog(vertx, events);
    return log;
  }

  public FencedProducer checkpointWriter() {
    return checkpoints;
  }

  @Override
  public synchronized void close() {
    if (log != null) log.close();
    events.close();
    checkpoints.close();
  }
}
