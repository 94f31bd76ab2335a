package examops.kafka;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka ends the process through {@link Exit} when the broker meets a fault it cannot survive (its log
 * directory gone or unwritable, a full disk): {@code Exit.halt} by default, which took the whole node
 * down, HTTP side included, within seconds. Here those calls mark the embedded broker failed instead,
 * so the node stays up and says it needs a restart. Kafka's {@link Exit} is process-wide; a node runs
 * one embedded broker, so a fault marks every embedded broker of this JVM (tests may run several).
 */
final class BrokerFaults {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerFaults.class);
  private static final Set<EmbeddedKafka> BROKERS = new CopyOnWriteArraySet<>();

  static {
    Exit.setHaltProcedure((status, message) -> fault("halt", status, message));
    Exit.setExitProcedure((status, message) -> fault("exit", status, message));
  }

  private BrokerFaults() {}

  static void watch(EmbeddedKafka broker) {
    BROKERS.add(broker);
  }

  static void forget(EmbeddedKafka broker) {
    BROKERS.remove(broker);
  }

  private static void fault(String how, int status, String message) {
    String thread = Thread.currentThread().getName();
    String what = message != null && !message.isBlank() ? message
        : thread.contains("LogDirFailure") ? "its log directory failed (deleted, unwritable, or the disk is full)"
        : "a fatal fault";
    String reason = what + " (Kafka asked to " + how + " the process, status " + status + ", on thread " + thread + ")";
    if (BROKERS.stream().anyMatch(b -> b.failure() == null)) {
      LOG.error("Kafka broker fault: {}", reason, new IllegalStateException("where Kafka gave up"));
    }
    BROKERS.forEach(b -> b.failed(reason));
  }
}
