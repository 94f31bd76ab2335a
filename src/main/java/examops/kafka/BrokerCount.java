package examops.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the cluster has registered as many brokers as the topics need copies, saying so in the
 * log and through {@code progress} (which /health shows while the node starts); gives up after {@code wait}.
 */
final class BrokerCount {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerCount.class);
  static final Duration LOG_EVERY = Duration.ofSeconds(5);
  private static final long CHECK_EVERY_MS = 500;

  private BrokerCount() {}

  /**
   * Returns the number of brokers registered once it is at least {@code needed} (1: the cluster answers at all);
   * throws after {@code wait}.
   */
  static int await(Admin admin, String bootstrap, int needed, Duration wait, Consumer<String> progress) throws InterruptedException {
    long start = System.nanoTime();
    long nextLog = start;
    int registered = -1;
    String lastError = null;
    while (true) {
      try {
        registered = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).nodes().get(4, TimeUnit.SECONDS).size();
        lastError = null;
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof AuthenticationException) {
          throw new IllegalStateException("Kafka at " + bootstrap + " refused this node's credentials (EXAMOPS_KAFKA_USERNAME, EXAMOPS_KAFKA_PASSWORD,"
              + " EXAMOPS_KAFKA_SASL_MECHANISM, EXAMOPS_KAFKA_SECURITY_PROTOCOL, EXAMOPS_KAFKA_TRUSTSTORE): " + cause.getMessage(), cause);
        }
        lastError = cause.toString();
      }
      if (registered >= needed) return registered;
      long elapsed = System.nanoTime() - start;
      String status = waiting(bootstrap, registered, needed, lastError) + "; " + Duration.ofNanos(elapsed).toSeconds()
          + " s of " + wait.toSeconds() + " s";
      progress.accept(status);
      if (elapsed >= wait.toNanos()) throw new IllegalStateException(refusal(bootstrap, registered, needed, wait));
      if (System.nanoTime() >= nextLog) {
        LOG.warn("{}", status);
        nextLog = System.nanoTime() + LOG_EVERY.toNanos();
      }
      Thread.sleep(Math.min(CHECK_EVERY_MS, Math.max(1, (wait.toNanos() - elapsed) / 1_000_000)));
    }
  }

  static String waiting(String bootstrap, int registered, int needed, String error) {
    if (registered < 0) {
      return "waiting for Kafka brokers: none answers yet at " + bootstrap + (error == null ? "" : " (" + error + ")");
    }
    return "waiting for Kafka brokers: " + registered + " of the " + needed + " Kafka brokers needed are registered at "
        + bootstrap + " (the topics to create need " + needed + " copies)";
  }

  static String refusal(String bootstrap, int registered, int needed, Duration wait) {
    if (registered < 0) {
      return "no Kafka broker answered at " + bootstrap + " within " + wait.toSeconds() + " s (EXAMOPS_KAFKA_BROKER_WAIT):"
          + " check EXAMOPS_KAFKA_BOOTSTRAP and that the brokers run";
    }
    return "refusing to create topics with fewer copies than required: " + Math.max(registered, 0) + " of the " + needed
        + " Kafka brokers needed were registered at " + bootstrap + " after " + wait.toSeconds()
        + " s (EXAMOPS_KAFKA_BROKER_WAIT). Start the missing brokers and restart this node, or, for a smaller cluster,"
        + " set EXAMOPS_KAFKA_REPLICATION_FACTOR (and EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS) to what it can hold";
  }
}
