package examops.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The test tiers. Every test class carries exactly one: {@code mvn test} runs the unit tier (Surefire),
 * {@code mvn verify} runs it and then the broker, browser and cluster tiers (Failsafe). TiersTest
 * fails on a class that has none, so no test is left out of both.
 */
public final class Tier {

  private Tier() {}

  /** In memory only: no broker, no browser, no child process; seconds for the whole tier. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Tag("unit")
  public @interface Unit {}

  /** Starts a real in-process Kafka broker (usually through a whole node). */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Tag("broker")
  public @interface Broker {}

  /** Drives headless Chromium through Selenium. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Tag("browser")
  public @interface Browser {}

  /** Runs nodes as child processes (clustering, crashes, restarts). */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Tag("cluster")
  public @interface Cluster {}
}
