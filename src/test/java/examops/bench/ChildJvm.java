package examops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own (so its RSS is its own), on this JVM's class path, at most 1 GiB of heap; its
 * output goes to a log file beside its data.
 */
final class ChildJvm implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final long startedNanos;
  final Path log;

  private ChildJvm(Process process, long startedNanos, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.log = log;
  }

  static ChildJvm start(String mainClass, List<String> jvmArgs, List<String> args, Map<String, String> env, Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Dvertx.cacheDirBase=" + log.getParent().resolve("vertx-cache")));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    return new ChildJvm(pb.start(), t0, log);
  }

  long pid() {
    return process.pid();
  }

  /** Milliseconds since the process was started. */
  double elapsedMs() {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  /** Waits until {@code GET url} answers 200; returns the milliseconds since the process started. */
  double awaitHttp200(String url, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("child exited early; see " + log);
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return elapsedMs();
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(url + " not 200 within " + timeout + "; see " + log);
  }

  /** Waits until the log has a line containing {@code marker}; returns the milliseconds since the process started. */
  double awaitLine(String marker, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(marker)) return elapsedMs();
      if (!process.isAlive() && !Files.readString(log).contains(marker)) {
        throw new IllegalStateException("child exited without '" + marker + "'; see " + log);
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no '" + marker + "' within " + timeout + "; see " + log);
  }

  /** Resident set size in bytes, from /proc. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }
    throw new IllegalStateException("no VmRSS for " + pid());
  }

  /** Heap in use right after a full GC, in bytes (jcmd GC.run, then GC.heap_info). */
  long heapAfterGcBytes() throws Exception {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    if (!m.find()) throw new IllegalStateException("cannot read heap use from: " + info);
    return Long.parseLong(m.group(1)) * 1024;
  }

  private String jcmd(String command) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid()), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
