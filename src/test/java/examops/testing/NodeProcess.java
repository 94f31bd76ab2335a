package examops.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * An ExamOps node in a JVM of its own ({@code java -cp <test classpath> examops.Main}), so a test can
 * kill it as a real node dies ({@code kill -9}). Its output goes to {@code node.log} in its data directory.
 */
public final class NodeProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** What the shaded jar's manifest opens; a plain classpath needs them as flags. */
  private static final List<String> OPENS = List.of(
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

  private final String name;
  private final int httpPort;
  private final Path log;
  private final Process process;
  private final long startedNanos = System.nanoTime();

  private NodeProcess(String name, int httpPort, Path log, Process process) {
    this.name = name;
    this.httpPort = httpPort;
    this.log = log;
    this.process = process;
  }

  /** Launches a node on 127.0.0.1:{@code httpPort} with {@code env} (EXAMOPS_* variables) added to this JVM's environment. */
  public static NodeProcess launch(String name, int httpPort, Path dataDir, Map<String, String> env) throws IOException {
    Files.createDirectories(dataDir);
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(OPENS);
    cmd.addAll(List.of("-cp", classpath, "examops.Main"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path log = dataDir.resolve("node.log");
    pb.redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("EXAMOPS_"));
    pb.environment().put("EXAMOPS_SECRET", TestNode.SECRET);
    pb.environment().putAll(env);
    pb.environment().put("EXAMOPS_NODE_ID", name);
    pb.environment().put("EXAMOPS_HTTP_HOST", "127.0.0.1");
    pb.environment().put("EXAMOPS_HTTP_PORT", String.valueOf(httpPort));
    pb.environment().put("EXAMOPS_DATA_DIR", dataDir.toString());
    return new NodeProcess(name, httpPort, log, pb.start());
  }

  /** Waits until /health answers 200; returns the milliseconds from launch. */
  public long awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
      try {
        if (get("/health").statusCode() == 200) return (System.nanoTime() - startedNanos) / 1_000_000;
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " not healthy within " + timeout + ":\n" + logTail());
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** A WebSocket address signed in as the command center (access_token). */
  public String wsUrl(String path) {
    return "ws://127.0.0.1:" + httpPort + path + "?access_token=" + COMMAND_TOKEN;
  }

  /** A command-center token for {@link TestNode#SECRET}, which these nodes run with unless told otherwise. */
  public static final String COMMAND_TOKEN = mintCommandToken();

  private static String mintCommandToken() {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      return new examops.access.Tokens(vertx, TestNode.SECRET)
          .issue(examops.access.Role.COMMAND, null, "test-command", java.time.Instant.now().plus(Duration.ofDays(1))).token();
    } finally {
      vertx.close();
    }
  }

  public JsonObject health() {
    return new JsonObject(get("/health").body());
  }

  public JsonObject board() {
    return new JsonObject(get("/api/v1/board").body());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
  }

  public HttpResponse<String> post(String path, JsonObject body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      request.header("Authorization", "Bearer " + COMMAND_TOKEN);
      return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself; returns its exit status. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout + ":\n" + logTail());
    }
    return process.exitValue();
  }

  public Path log() {
    return log;
  }

  /** {@code kill -STOP}: the whole process freezes (no thread runs, no timer fires) until {@link #resume()}. */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** {@code kill -CONT}: a paused process runs on from where it stopped, unaware of the time that passed. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    int status = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    if (status != 0) throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + status);
  }

  /** {@code kill -9}: no shutdown hook runs, the node leaves the cluster without a word. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
