package examops;

import examops.config.Config;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar examops.jar [--demo]}: runs one node with the configuration from the environment. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

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
    Node node = Node.create(config, Clock.systemUTC());
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
