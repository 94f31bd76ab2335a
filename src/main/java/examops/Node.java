package examops;

import examops.access.Access;
import examops.access.AccessLog;
import examops.access.DevCredentials;
import examops.access.Role;
import examops.access.SigningSecret;
import examops.access.TokenBook;
import examops.access.Tokens;
import examops.access.Users;
import examops.board.Board;
import examops.board.BoardVerticle;
import examops.board.BoardView;
import examops.board.CheckpointPolicy;
import examops.board.ReferenceCheck;
import examops.clock.ExamClock;
import examops.cluster.ClusterVertx;
import examops.cluster.Lease;
import examops.config.Config;
import examops.drill.DrillScript;
import examops.drill.DrillVerticle;
import examops.event.EventType;
import examops.event.EventValidator;
import examops.kafka.EmbeddedKafka;
import examops.kafka.FencedLog;
import examops.kafka.LeaseFence;
import examops.kafka.KafkaSettings;
import examops.kafka.Replication;
import examops.kafka.TopicDefinition;
import examops.kafka.TopicSetup;
import examops.metrics.NodeMetrics;
import examops.monitoring.ProbeVerticle;
import examops.notify.NotifyVerticle;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.rules.AlertPlanner;
import examops.rules.BoardRules;
import examops.rules.RulesVerticle;
import examops.web.HttpVerticle;
import examops.web.StartingServer;
import examops.web.Stats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running ExamOps node: the embedded broker when no Kafka address is configured, the topics,
 * the board following the log, and the HTTP/WebSocket server. {@link Main} runs one; tests start
 * and stop as many as they need.
 */
public final class Node implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final Config config;
  private final Province province;
  private final Clock clock;
  private EmbeddedKafka kafka;
  private Vertx vertx;
  private NodeMetrics metrics;
  private Board board;
  private HttpVerticle http;
  private Lease lease;
  private LeaseFence leaseFence;
  private AccessLog accessLog;
  private Access access;
  private DevCredentials devCredentials;
  private PrintStream console = System.out;
  private CheckpointPolicy checkpoints = CheckpointPolicy.fromEnvironment(System.getenv());
  /** Holds the HTTP port until the node serves, so /health says what it waits for (e.g. Kafka brokers to register). */
  private StartingServer starting;
  private final AtomicReference<String> waitingFor = new AtomicReference<>("starting");

  /** The lease under which exactly one node runs the rules and the probes. */
  static final String LEASE = "examops.lease.rules";
  /** How often the holder has Kafka confirm that no other node took the lease (a frozen holder notices within this). */
  static final long LEASE_CONFIRM_EVERY_MS = 2_000;

  public Node(Config config, Province province, Clock clock) {
    this.config = config;
    this.province = province;
    this.clock = clock;
  }

  /** Loads the province named by the config (or the default one) and runs on the given clock. */
  public static Node create(Config config, Clock clock) {
    return new Node(config, ProvinceLoader.loadOrDefault(config.provinceFile()), clock);
  }

  /** Where development mode prints its credentials (standard output unless a test says otherwise). */
  public Node console(PrintStream out) {
    this.console = out;
    return this;
  }

  /** How often the board is saved to the checkpoint topic (the environment's settings unless a test says otherwise). */
  public Node checkpoints(CheckpointPolicy policy) {
    this.checkpoints = policy;
    return this;
  }

  /** Starts everything; blocking, returns once the HTTP server listens (the replay may still run). */
  public Node start() throws Exception {
    long t0 = System.nanoTime();
    StartStages stages = new StartStages(t0);
    SigningSecret secret = SigningSecret.resolve(config.access(), config.dataDir());
    Predicate<String> districtExists = id -> province.district(id).isPresent();
    Users users = Users.load(config.access().usersFile(), districtExists);
    stages.mark("configuration");
    String bootstrap = config.bootstrapServers();
    KafkaSettings.secure(bootstrap, config.kafka().security());
    metrics = new NodeMetrics(config.nodeId());
    vertx = await(ClusterVertx.start(config.cluster(), config.dataDir().resolve("vertx-cache"), metrics));
    stages.mark("Vert.x");
    // Not beside Vert.x's start: the HTTP port (0 in tests: any free one) would then be bound while the embedded broker
    // binds the ports chosen for it, and could take one of them.
    starting = await(StartingServer.listen(vertx, config.httpHost(), config.httpPort(), config.nodeId(), waitingFor::get));
    startKafka(bootstrap);
    stages.mark("Kafka");
    TokenBook tokenBook = new TokenBook();
    accessLog = new AccessLog(bootstrap, "examops-" + config.nodeId() + "-access", tokenBook);
    // The credentials log is read beside the board's start from its checkpoint; only the HTTP server needs it.
    long credentialsFrom = System.nanoTime();
    CompletableFuture<Long> credentialsRead = beside("examops-start-credentials", () -> {
      accessLog.start();
      return (System.nanoTime() - credentialsFrom) / 1_000_000;
    });
    EventValidator validator = new EventValidator();
    ReferenceCheck references = new ReferenceCheck(province);
    board = new Board(new BoardView(province), clock);
    lease = new Lease(vertx, LEASE, config.nodeId());
    leaseFence = new LeaseFence(bootstrap, LEASE, config.nodeId(), lease::lost);
    // A new holder fences the former one's writers, then reads the log to its end before it does anything.
    FencedLog leaseLog = leaseFence.log(vertx);
    lease.takeWith(() -> leaseFence.take(vertx).compose(board::reached))
        .confirmWith(leaseLog::confirm, LEASE_CONFIRM_EVERY_MS)
        .othersVisible(() -> ClusterVertx.othersVisible(vertx));
    BoardVerticle boardVerticle = new BoardVerticle(board, bootstrap, config.nodeId(), validator, references, lease, checkpoints)
        .checkpointsThrough(leaseFence.checkpointWriter());
    HttpVerticle.NodeInfo info = new HttpVerticle.NodeInfo(config.nodeId(), boardVerticle::readerProgress,
        lease::held, lease::holder, () -> kafka == null ? null : kafka.failure(), metrics::scrape, lease::lastLoss,
        boardVerticle::brokers);
    BoardRules boardRules = BoardRules.of(province, ExamClock.of(province));
    RulesVerticle rules = new RulesVerticle(board, boardRules,
        new AlertPlanner(boardRules.names(), province.zone(), "rules:" + config.nodeId()), lease, leaseLog)
        .meteredBy(metrics.registry());
    boardMeters(boardVerticle);
    ProbeVerticle probes = new ProbeVerticle(province, lease, clock, leaseLog, config.nodeId());
    NotifyVerticle notifier = NotifyVerticle.create(board, province, config.notifications(), lease, leaseLog, config.nodeId())
        .meteredBy(metrics.registry());
    stages.mark("parts built");
    try {
      closeStartingServer();
      await(vertx.deployVerticle(boardVerticle));
    } catch (Exception | Error e) {
      settle(credentialsRead);
      throw e;
    }
    stages.mark("board from its checkpoint");
    long credentialsMillis = join(credentialsRead);
    stages.markBeside("credentials log", credentialsMillis, "the board");
    access = new Access(new Tokens(vertx, secret.value()), tokenBook, accessLog, users, config.access(), districtExists,
        site -> province.site(site).map(examops.province.ExamSite::district));
    http = new HttpVerticle(config.httpHost(), config.httpPort(), board, validator, references, bootstrap, info,
        new Stats(metrics.registry()), access, config.web());
    await(vertx.deployVerticle(http).compose(id -> vertx.deployVerticle(rules)).compose(id -> vertx.deployVerticle(probes))
        .compose(id -> vertx.deployVerticle(notifier)));
    stages.mark("verticles");
    lease.start();
    metrics.kafka(boardVerticle.readerClient());
    metrics.kafka(http.ingestClient());
    metrics.kafka(accessLog.producerClient());
    metrics.kafka(accessLog.consumerClient());
    if (config.demo()) {
      Instant from = clock.instant();
      Instant to = province.timetable().get(province.timetable().size() - 1).end().plus(Duration.ofHours(12));
      // The drill plays through the real ingest API as the command center, unmetered: it replays days in minutes.
      Tokens.Issued drill = access.tokens().issue(Role.COMMAND, null, "drill", Instant.now().plus(Duration.ofDays(7)));
      access.unmetered().add(drill.principal().jti());
      await(vertx.deployVerticle(new DrillVerticle(DrillScript.write(province, from, to, 2020), clock, this::httpPort,
          () -> "Bearer " + drill.token())));
    }
    LOG.info("ExamOps node {} serving on http://{}:{}/ ({} ms since start: {}; replaying the log)",
        config.nodeId(), "0.0.0.0".equals(config.httpHost()) ? "localhost" : config.httpHost(), http.actualPort(),
        (System.nanoTime() - t0) / 1_000_000, stages);
    if (secret.development()) printDevCredentials();
    return this;
  }

  /** The board's meters on /metrics (the web side's are in {@link Stats}, the rules' in {@link RulesVerticle}). */
  private void boardMeters(BoardVerticle boardVerticle) {
    metrics.gauge("examops.board.version", "The version of this node's board (grows with every change applied)", board::appliedVersion);
    metrics.gauge("examops.replay.percent", "Start-up replay progress, 0-100", () -> {
      var replay = boardVerticle.readerProgress();
      return replay == null ? 0 : replay.percent();
    });
    metrics.counter("examops.dead.letter", "Malformed records this node read and set aside to examops.dlq",
        () -> boardVerticle.deadLetters() == null ? 0 : boardVerticle.deadLetters().written());
    for (EventType type : EventType.values()) {
      metrics.counter("examops.events.applied", "Events applied to this node's board since it started, by type",
          () -> board.applied(type), "type", type.wireName());
    }
    metrics.counter("examops.alerts.raised", "Alerts raised (alert.raised events applied to this node's board)",
        () -> board.applied(EventType.ALERT_RAISED));
  }

  /** The embedded broker if there is to be one, then the topics, saying what it waits for through {@link #waitingFor}. */
  private void startKafka(String bootstrap) throws Exception {
    if (config.embeddedKafka()) {
      waitingFor.set("starting the embedded Kafka broker");
      kafka = new EmbeddedKafka(config.kafkaLogDir(), config.kafkaPort());
      kafka.start();
    }
    new TopicSetup(bootstrap, replication(), config.kafka().brokerWait(), waitingFor::set).ensure(TopicDefinition.loadAll());
  }

  /** Runs {@code work} on a thread of its own while the start goes on. */
  private static <T> CompletableFuture<T> beside(String name, Callable<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        done.complete(work.call());
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** The result of work run {@link #beside}, or the exception it failed with, as if it had run here. */
  private static <T> T join(CompletableFuture<T> work) throws Exception {
    try {
      return work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) throw cause;
      if (e.getCause() instanceof Error cause) throw cause;
      throw e;
    }
  }

  /** Waits for work run {@link #beside} to end, however it ends (what it started is then closed with the node). */
  private static void settle(CompletableFuture<?> work) {
    try {
      work.handle((r, e) -> null).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException cannotHappen) {
      // handle() completes normally
    }
  }

  /** The real HTTP server takes the port next. */
  private void closeStartingServer() throws Exception {
    if (starting != null) await(starting.close());
    starting = null;
  }

  /** One copy on the embedded broker; on a cluster, kafka/topics.json unless the environment says otherwise. */
  private Replication replication() {
    return config.embeddedKafka() ? Replication.SINGLE_BROKER
        : new Replication(config.kafka().replicationFactor(), config.kafka().minInsyncReplicas());
  }

  private void printDevCredentials() {
    String host = "0.0.0.0".equals(config.httpHost()) ? "localhost" : config.httpHost();
    List<String> districts = province.districts().stream().map(d -> d.id()).toList();
    String base = config.web().publicUrl() != null ? config.web().publicUrl() : "http://" + host + ":" + http.actualPort();
    // A site link for each site with a duty of its own: its staff's page, as token --site gives them.
    java.util.Map<String, String> sites = new java.util.LinkedHashMap<>();
    province.sites().stream().filter(examops.province.ExamSite::checkins).forEach(s -> sites.put(s.id(), s.district()));
    devCredentials = DevCredentials.mint(access.tokens(), base, districts, sites, Instant.now());
    devCredentials.print(console, districts);
  }

  /** Development mode's printed credentials; null with a configured secret. */
  public DevCredentials devCredentials() {
    return devCredentials;
  }

  /** Credentials checking of this node: tokens, revocations, users. */
  public Access access() {
    return access;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }

  public int httpPort() {
    return http.actualPort();
  }

  public Board board() {
    return board;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Province province() {
    return province;
  }

  public Config config() {
    return config;
  }

  public boolean leader() {
    return lease != null && lease.held();
  }

  @Override
  public void close() {
    if (lease != null) lease.release();
    try {
      closeStartingServer();
    } catch (Exception e) {
      LOG.warn("The start-up HTTP server did not close cleanly: {}", e.toString());
    }
    if (metrics != null) metrics.close();
    try {
      if (vertx != null) await(vertx.close());
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    vertx = null;
    if (leaseFence != null) leaseFence.close();
    leaseFence = null;
    if (accessLog != null) accessLog.close();
    accessLog = null;
    if (kafka != null) kafka.close();
    kafka = null;
  }
}
