package examops;

import examops.access.AccessCli;
import examops.config.Config;
import examops.clock.RehearsalClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar examops.jar [--demo]}: runs one node with the configuration from the environment.
 * {@code token ...} and {@code hash-password ...} are credentials subcommands that run instead
 * ({@link AccessCli}).
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** The drill's start on the exam clock unless EXAMOPS_CLOCK_START says otherwise: the site check-in day. */
  static final Instant DRILL_START = Instant.parse("2020-08-07T23:00:00Z");
  /** Three days in 15 minutes unless EXAMOPS_CLOCK_SPEED says otherwise. */
  static final double DRILL_SPEED = 240;

  /**
   * The drill runs on the embedded broker in a data directory of its own, new each time, on the
   * rehearsal clock, so it never mixes with a real window's log.
   */
  static Config drill(Config config) throws java.io.IOException {
    if (!config.embeddedKafka()) {
      System.err.println("examops: --demo plays on the embedded broker only; unset EXAMOPS_KAFKA_BOOTSTRAP");
      System.exit(2);
    }
    java.nio.file.Path dir = config.dataDir().resolve("demo");
    if (java.nio.file.Files.exists(dir)) {
      try (var paths = java.nio.file.Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Instant start = config.clockStart() == null ? DRILL_START : config.clockStart();
    double speed = config.clockSpeed() == 1.0 ? DRILL_SPEED : config.clockSpeed();
    LOG.info("Drill: a fresh exam window in {} from {} at {}x", dir, start, speed);
    return config.withDataDir(dir).withClock(start, speed);
  }

  /** Real time, or the rehearsal clock: started at EXAMOPS_CLOCK_START and/or running EXAMOPS_CLOCK_SPEED times faster. */
  static Clock examClock(Config config) {
    Clock real = Clock.systemUTC();
    if (config.clockStart() == null && config.clockSpeed() == 1.0) return real;
    Instant start = config.clockStart() == null ? real.instant() : config.clockStart();
    LOG.info("Rehearsal clock: starts at {}, runs {}x", start, config.clockSpeed());
    return new RehearsalClock(start, config.clockSpeed(), real);
  }

  public static void main(String[] args) throws Exception {
    if (AccessCli.handles(args)) {
      System.exit(AccessCli.run(args, System.getenv(), System.in, System.out, System.err));
      return;
    }
    List<String> argv = Arrays.asList(args);
    Config config;
    try {
      config = Config.fromEnvironment().withDemo(argv.contains("--demo"));
    } catch (IllegalArgumentException e) {
      System.err.println("examops: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (config.demo()) config = drill(config);
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
