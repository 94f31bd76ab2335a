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
  /**
   * The drill's pace unless {@code --demo-speed}, EXAMOPS_DEMO_SPEED or EXAMOPS_CLOCK_SPEED says
   * otherwise: 60x plays the three days in about 75 minutes and keeps the scripted faults (27 and 45
   * exam-clock minutes) on screen for half a minute or more; at 240x they flashed by in seconds.
   */
  static final double DRILL_SPEED = 60;
  static final double MAX_DRILL_SPEED = 10_000;

  /**
   * The drill runs on the embedded broker in a data directory of its own, new each time, on the
   * rehearsal clock, so it never mixes with a real window's log.
   */
  static Config drill(Config config) throws java.io.IOException {
    return drill(config, Double.NaN);
  }

  /** The drill at {@code speed} (NaN: EXAMOPS_CLOCK_SPEED when set, else {@link #DRILL_SPEED}). */
  static Config drill(Config config, double requested) throws java.io.IOException {
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
    double speed = !Double.isNaN(requested) ? requested : config.clockSpeed() == 1.0 ? DRILL_SPEED : config.clockSpeed();
    LOG.info("Drill: a fresh exam window in {} from {} at {}x", dir, start, speed);
    return config.withDataDir(dir).withClock(start, speed);
  }

  /**
   * The drill's pace from {@code --demo-speed N} (or {@code --demo-speed=N}), else from
   * EXAMOPS_DEMO_SPEED; NaN when neither is given. Either implies {@code --demo}.
   *
   * @throws IllegalArgumentException naming the option or variable when the value is not a number
   *     from 1 to {@link #MAX_DRILL_SPEED}
   */
  static double demoSpeed(List<String> argv, String env) {
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg.equals("--demo-speed")) {
        if (i + 1 >= argv.size()) throw new IllegalArgumentException("--demo-speed needs a number, e.g. --demo-speed 60");
        return speed("--demo-speed", argv.get(i + 1));
      }
      if (arg.startsWith("--demo-speed=")) return speed("--demo-speed", arg.substring("--demo-speed=".length()));
    }
    return env == null || env.isBlank() ? Double.NaN : speed("EXAMOPS_DEMO_SPEED", env.trim());
  }

  private static double speed(String name, String value) {
    double speed;
    try {
      speed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      speed = Double.NaN;
    }
    if (!(speed >= 1 && speed <= MAX_DRILL_SPEED)) {
      throw new IllegalArgumentException(name + " must be a number from 1 to " + (long) MAX_DRILL_SPEED + ", not '" + value + "'");
    }
    return speed;
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
    if (examops.province.sheet.ProvinceCli.handles(args)) {
      System.exit(examops.province.sheet.ProvinceCli.run(args, System.getenv(), System.out, System.err));
      return;
    }
    List<String> argv = Arrays.asList(args);
    Config config;
    double demoSpeed;
    try {
      demoSpeed = demoSpeed(argv, System.getenv("EXAMOPS_DEMO_SPEED"));
      config = Config.fromEnvironment().withDemo(argv.contains("--demo") || !Double.isNaN(demoSpeed));
    } catch (IllegalArgumentException e) {
      System.err.println("examops: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (config.demo()) config = drill(config, demoSpeed);
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
