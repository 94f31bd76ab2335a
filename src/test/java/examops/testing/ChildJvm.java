package examops.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A class of this build run as a separate JVM on the test class path, its output appended to a log
 * file; {@link #kill()} is SIGKILL (no shutdown hooks run), {@link #stop()} is SIGTERM.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final long startedNanos = System.nanoTime();

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static ChildJvm start(String mainClass, Map<String, String> env, Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dvertx.cacheDirBase=" + log.getParent().resolve("vertx-cache"), "-cp", classpath(), mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    return new ChildJvm(pb.start(), log);
  }

  /** Surefire names the real class path apart from its manifest-only booter jar. */
  static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public Duration age() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** SIGKILL, as a power cut of the process (not of the machine: the page cache survives). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM: the shutdown hook closes the node cleanly. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
  }

  /** Waits until the child's output contains {@code text}; fails if it dies or the time runs out. */
  public void awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) return;
      if (!process.isAlive()) throw new AssertionError("child exited (" + process.exitValue() + "); see " + log);
      Thread.sleep(100);
    }
    throw new AssertionError("child did not print '" + text + "' within " + timeout + "; see " + log);
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
