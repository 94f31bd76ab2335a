package examops.testing;

import examops.Node;
import examops.board.CheckpointPolicy;
import examops.access.Role;
import examops.config.Config;
import examops.kafka.EmbeddedKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real ExamOps node for tests: the embedded Kafka broker and the app on free ports on 127.0.0.1,
 * its data in a directory of the test's choosing, on a clock the test drives.
 *
 * <p>It runs with a known secret ({@link #SECRET}) unless the test's environment sets
 * {@code EXAMOPS_SECRET} (to "" for development mode). {@link #get} and {@link #post} send a
 * command-center token; {@link #token} mints others, and the variants taking a token send that one
 * ({@code null}: no credentials at all).
 */
public final class TestNode implements AutoCloseable {

  /** An HTTP answer: status, body and the headers a test may check. */
  public record Response(int status, String body, Map<String, String> headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The signing secret test nodes run with unless told otherwise. */
  public static final String SECRET = "test-secret-for-examops-tests-only-0123456789";

  private final Node node;
  private final Path dataDir;
  private final java.time.Clock clock;
  private final Map<String, String> env;
  private final String commandToken;

  private TestNode(Node node, Path dataDir, java.time.Clock clock, Map<String, String> env) {
    this.node = node;
    this.dataDir = dataDir;
    this.clock = clock;
    this.env = env;
    this.commandToken = token(Role.COMMAND, null);
  }

  /** A fresh node on a new data directory, its clock at 2020-08-09 07:00 (+07:00). */
  public static TestNode start() throws Exception {
    return start(Files.createTempDirectory("examops-test"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")));
  }

  public static TestNode start(Path dataDir, TestClock clock) throws Exception {
    return start(dataDir, clock, Map.of());
  }

  /** Starts a node and waits until /health says it has caught up with the log. */
  public static TestNode start(Path dataDir, TestClock clock, Map<String, String> extraEnv) throws Exception {
    return start(dataDir, clock, extraEnv, false);
  }

  /** A node playing the drill (as {@code --demo} does) on the given clock. */
  public static TestNode startDrill(Path dataDir, java.time.Clock clock) throws Exception {
    return start(dataDir, clock, Map.of(), true);
  }

  private static TestNode start(Path dataDir, java.time.Clock clock, Map<String, String> extraEnv, boolean drill) throws Exception {
    return start(dataDir, clock, extraEnv, drill, System.out);
  }

  /** A node whose development-mode credentials (if any) are printed to {@code console}. */
  public static TestNode start(Path dataDir, java.time.Clock clock, Map<String, String> extraEnv, PrintStream console) throws Exception {
    return start(dataDir, clock, extraEnv, false, console);
  }

  private static TestNode start(Path dataDir, java.time.Clock clock, Map<String, String> extraEnv, boolean drill,
      PrintStream console) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("EXAMOPS_HTTP_PORT", "0");
    env.put("EXAMOPS_HTTP_HOST", "127.0.0.1");
    env.put("EXAMOPS_DATA_DIR", dataDir.toString());
    env.put("EXAMOPS_KAFKA_PORT", String.valueOf(EmbeddedKafka.freePort()));
    env.put("EXAMOPS_NODE_ID", "test-node");
    env.put("EXAMOPS_SECRET", SECRET);
    env.putAll(extraEnv);
    Node node = Node.create(Config.load(env).withDemo(drill), clock).console(console)
        .checkpoints(CheckpointPolicy.fromEnvironment(env)).start();
    TestNode t = new TestNode(node, dataDir, clock, Map.copyOf(env));
    t.awaitHealthy(Duration.ofSeconds(60));
    return t;
  }

  /** Stops this node and starts another on the same data directory, broker port and settings. */
  public TestNode restart() throws Exception {
    return restart(System.out);
  }

  public TestNode restart(PrintStream console) throws Exception {
    Config c = node.config();
    node.close();
    Map<String, String> env = new HashMap<>(this.env);
    env.put("EXAMOPS_KAFKA_PORT", String.valueOf(c.kafkaPort()));
    Node fresh = Node.create(Config.load(env), clock).console(console).checkpoints(CheckpointPolicy.fromEnvironment(env)).start();
    TestNode t = new TestNode(fresh, dataDir, clock, Map.copyOf(env));
    t.awaitHealthy(Duration.ofSeconds(60));
    return t;
  }

  /** A token this node accepts, for a day: role and (for the district role) district. */
  public String token(Role role, String district) {
    return token(role, district, Instant.now().plus(Duration.ofDays(1)));
  }

  public String token(Role role, String district, Instant expiresAt) {
    return node.access().tokens().issue(role, district, role == Role.DISTRICT ? district : "test-" + role.wireName(), expiresAt).token();
  }

  /** The command-center token {@link #get} and {@link #post} send. */
  public String commandToken() {
    return commandToken;
  }

  public void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (get("/health").status() == 200) return;
      Thread.sleep(50);
    }
    throw new AssertionError("node not healthy within " + timeout + ": " + get("/health").body());
  }

  public Node node() {
    return node;
  }

  /** The node's clock; a {@link TestClock} unless the node plays the drill. */
  public TestClock clock() {
    return (TestClock) clock;
  }

  public Path dataDir() {
    return dataDir;
  }

  public int httpPort() {
    return node.httpPort();
  }

  public String bootstrapServers() {
    return node.config().bootstrapServers();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort();
  }

  public Response get(String path) {
    return get(path, commandToken);
  }

  public Response post(String path, String body) {
    return post(path, body, commandToken);
  }

  /** GET with this bearer token, or with no credentials when it is null. */
  public Response get(String path, String token) {
    return send(bearer(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), token));
  }

  /** POST with this bearer token, or with no credentials when it is null. */
  public Response post(String path, String body, String token) {
    return send(bearer(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), token));
  }

  /** Any request, as built by the test (headers, cookies, method). */
  public Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  private static HttpRequest.Builder bearer(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  /** The board's WebSocket address signed in as the command center ({@code access_token}, as a browser does). */
  public String wsUrl() {
    return "ws://127.0.0.1:" + httpPort() + "/ws/board?access_token=" + commandToken;
  }

  /** A board WebSocket client with the command-center token. */
  public WsClient ws() throws Exception {
    return ws(commandToken);
  }

  /** A board WebSocket client sending this token in the Authorization header. */
  public WsClient ws(String token) throws Exception {
    return new WsClient("ws://127.0.0.1:" + httpPort() + "/ws/board", Map.of("Authorization", "Bearer " + token));
  }

  /** Posts JSON and returns the answer's JSON body (whatever the status). */
  public JsonObject postJson(String path, JsonObject body) {
    return post(path, body.encode()).json();
  }

  /** Every record now on a topic, as JSON (records that are not JSON are skipped). */
  public java.util.List<JsonObject> readTopic(String topic) {
    return TopicRecords.json(bootstrapServers(), topic).stream().filter(j -> !j.containsKey("raw")).toList();
  }

  public JsonObject board() {
    return get("/api/v1/board").json();
  }

  /** The board as this token's holder sees it. */
  public JsonObject board(String token) {
    return get("/api/v1/board", token).json();
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new HashMap<>();
      r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      return new Response(r.statusCode(), r.body(), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    node.close();
  }
}
