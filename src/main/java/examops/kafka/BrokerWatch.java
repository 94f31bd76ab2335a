package examops.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster who it is once a second, on its own thread, so the node notices when Kafka cannot
 * be reached: a consumer that follows the log just sees no new records and cannot tell a quiet log
 * from a lost broker. After {@link #UNREACHABLE_AFTER} without an answer the node counts as cut off.
 */
public final class BrokerWatch implements AutoCloseable {

  /** Long enough to ride out a slow answer or a leader move, short enough for a screen to say so. */
  public static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(3);
  static final long CHECK_EVERY_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);

  /** Since when (on the exam clock) the broker has not answered, and the last error. */
  public record Loss(Instant since, String error) {}

  /**
   * The brokers of the cluster: how many are registered now, the most seen registered at once since the
   * node started, and since when (on the exam clock) fewer than that are (null when none is missing).
   */
  public record Brokers(int registered, int most, Instant missingSince) {}

  private final Admin admin;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long lastContactNanos = System.nanoTime();
  private volatile Instant lastContactAt;
  private volatile String lastError;
  private volatile Brokers brokers = new Brokers(0, 0, null);

  public BrokerWatch(String bootstrap, String clientId, Clock clock) {
    Map<String, Object> p = KafkaSettings.admin(bootstrap, clientId);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    this.admin = Admin.create(p);
    this.clock = clock;
    this.lastContactAt = clock.instant();
    this.thread = new Thread(this::run, "examops-broker-watch");
    this.thread.setDaemon(true);
  }

  public BrokerWatch start() {
    thread.start();
    return this;
  }

  private void run() {
    boolean lost = false;
    while (running) {
      try {
        int registered = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS).size();
        seen(registered);
        lastContactNanos = System.nanoTime();
        lastContactAt = clock.instant();
        lastError = null;
        if (lost) LOG.info("Kafka answers again");
        lost = false;
      } catch (ExecutionException | TimeoutException e) {
        lastError = (e instanceof ExecutionException ? e.getCause() : e).toString();
        if (!lost && loss() != null) {
          lost = true;
          LOG.warn("Kafka has not answered for {} s: {}", UNREACHABLE_AFTER.toSeconds(), lastError);
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(CHECK_EVERY_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void seen(int registered) {
    Brokers was = brokers;
    int most = Math.max(was.most(), registered);
    Instant missingSince = registered >= most ? null : was.missingSince() != null ? was.missingSince() : clock.instant();
    brokers = new Brokers(registered, most, missingSince);
    if (registered < was.registered() && registered < most) {
      LOG.warn("A Kafka broker left the cluster: {} of the {} brokers seen are registered", registered, most);
    } else if (registered > was.registered() && was.missingSince() != null) {
      LOG.info("A Kafka broker is back: {} of the {} brokers seen are registered", registered, most);
    }
  }

  /** The brokers registered, as last seen. */
  public Brokers brokers() {
    return brokers;
  }

  /** The ongoing loss of contact, or null while the broker answers. */
  public Loss loss() {
    if (System.nanoTime() - lastContactNanos < UNREACHABLE_AFTER.toNanos()) return null;
    return new Loss(lastContactAt, lastError == null ? "no answer" : lastError);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(3_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(2));
  }
}
