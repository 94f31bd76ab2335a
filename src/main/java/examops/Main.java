package examops;

import examops.config.Config;
import examops.clock.RehearsalClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar examops.jar [--demo]}: runs one node with the configuration from the environment. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** Real time, or the rehearsal clock: started at EXAMOPS_CLOCK_START and/or running EXAMOPS_CLOCK_SPEED times faster. */
  static Clock examClock(Config config) {
    Clock real = Clock.systemUTC();
    if (config.clockStart() == null && config.clockSpeed() == 1.0) return real;
    Instant start = config.clockStart() == null ? real.instant() : config.clockStart();
    LOG.info("Rehearsal clock: starts at {}, runs {}x", start, config.clockSpeed());
    return new RehearsalClock(start, config.clockSpeed(), real);
  }

  public static void main(String[] args) throws Exception {
    List<String> argv = Arrays.asList(args);
    Config config;
    try {
      config = Config.fromEnvironment().withDemo(argv.contains("--demo"));
    } catch (IllegalArgumentException e) {
      System.err.println("examops: " + e.getMessage());
      System.exit(2);
      return;
    }
    Node node = Node.create(config, examClock(config));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping");
      node.close();
      stopped.countDown();
    }, "examops-shutdown"));
    try {
      node.start();
    } catch (Exception e) {
      LOG.error("ExamOps could not start: {}", e.getMessage(), e);
      node.close();
      System.exit(1);
    }
    stopped.await();
  }
}
