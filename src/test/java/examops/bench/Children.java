package examops.bench;

import examops.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Benchmarks 2–6: each runs ExamOps ({@code examops.Main}) as a child JVM beside a baseline child or client. */
final class Children {

  /** The child nodes' signing secret: they run with credentials as in production, the harness holds a command token. */
  static final String SECRET = "bench-secret-for-examops-benchmarks-only-0123456789";
  /**
   * Ingest comes from one credential here, where a province has hundreds (one per district unit and
   * agent): the per-credential rate limit is lifted so that the node, not the policy, is measured.
   */
  static final String UNLIMITED = "1000000000";

  /** On the exam day, so the rules and the board's time views are live as in a real window. */
  static final String EXAM_MORNING = "2020-08-09T07:00:00+07:00";
  private static final double MIB = 1024 * 1024;

  private final Benchmarks.Sizes sizes;
  private final Path runDir;
  private final Report report;
  private double idleRss;
  private double idleHeap;

  Children(Benchmarks.Sizes sizes, Path runDir, Report report) {
    this.sizes = sizes;
    this.runDir = runDir;
    this.report = report;
  }

  /** A node: its data directory, free ports, and optionally a province file and the exam clock. */
  static final class NodeProcess implements AutoCloseable {
    final ChildJvm jvm;
    final int httpPort;
    final int kafkaPort;

    NodeProcess(ChildJvm jvm, int httpPort, int kafkaPort) {
      this.jvm = jvm;
      this.httpPort = httpPort;
      this.kafkaPort = kafkaPort;
    }

    String url(String path) {
      return "http://127.0.0.1:" + httpPort + path;
    }

    double awaitHealthy(Duration timeout) throws Exception {
      return jvm.awaitHttp200(url("/health"), timeout);
    }

    @Override
    public void close() throws Exception {
      jvm.close();
    }
  }

  NodeProcess node(String name, Path dataDir, Map<String, String> extraEnv) throws Exception {
    int http = EmbeddedKafka.freePort();
    int kafka = EmbeddedKafka.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("EXAMOPS_DATA_DIR", dataDir.toString());
    env.put("EXAMOPS_HTTP_PORT", String.valueOf(http));
    env.put("EXAMOPS_HTTP_HOST", "127.0.0.1");
    env.put("EXAMOPS_KAFKA_PORT", String.valueOf(kafka));
    env.put("EXAMOPS_NODE_ID", "bench-" + name);
    env.put("EXAMOPS_SECRET", SECRET);
    env.put("EXAMOPS_RATE_PER_SECOND", UNLIMITED);
    env.put("EXAMOPS_RATE_BURST", UNLIMITED);
    env.putAll(extraEnv);
    return new NodeProcess(ChildJvm.start("examops.Main", jvmArgs(name), List.of(), env, runDir.resolve(name + ".log")), http, kafka);
  }

  ChildJvm brokerOnly(String name, Path dataDir, List<String> args) throws Exception {
    return brokerOnly(name, dataDir, EmbeddedKafka.freePort(), args);
  }

  /** A broker alone in its own JVM, on {@code port}: what a node of a cluster restarts against. */
  ChildJvm brokerOnly(String name, Path dataDir, int port, List<String> args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(dataDir.toString(), String.valueOf(port)));
    all.addAll(args);
    return ChildJvm.start(BrokerOnly.class.getName(), jvmArgs(name), all, Map.of(), runDir.resolve(name + ".log"));
  }

  private List<String> jvmArgs(String name) {
    if (!Boolean.getBoolean("bench.jfr")) return List.of();
    return List.of("-XX:StartFlightRecording=filename=" + runDir.getParent().resolve(name + ".jfr") + ",settings=profile");
  }

  /** Benchmark 5: process start to a caught-up board over the backlog, beside the raw consumer in a broker-only JVM. */
  void replay(Path backlog) throws Exception {
    double raw;
    try (ChildJvm baseline = brokerOnly("replay-raw", backlog, List.of("--read", String.valueOf(sizes.backlog())))) {
      raw = baseline.awaitLine("READ DONE", Duration.ofMinutes(5)) / 1000;
    }
    double app;
    try (NodeProcess node = node("replay", backlog, Map.of())) {
      app = node.awaitHealthy(Duration.ofMinutes(5)) / 1000;
    }
    report.add(new Report.Row("5. Replay", "process start → /health 200", app, "s",
        "broker-only JVM, raw consumer reads all", raw, "≤ 20 s", app <= 20,
        String.format(java.util.Locale.ROOT, "%,d events in the log (the pipeline benchmark's backlog); both are child JVMs started on the same data directory", sizes.backlog())));
  }

  /** Benchmark 6: first start on an empty data directory; then the same node idle is the baseline of benchmark 4. */
  void bootAndIdle() throws Exception {
    double raw;
    try (ChildJvm baseline = brokerOnly("boot-broker", Files.createDirectories(runDir.resolve("boot-broker")), List.of())) {
      raw = baseline.awaitLine("BROKER READY", Duration.ofMinutes(2)) / 1000;
    }
    double app;
    try (NodeProcess node = node("boot", Files.createDirectories(runDir.resolve("boot")), Map.of())) {
      app = node.awaitHealthy(Duration.ofMinutes(2)) / 1000;
      Thread.sleep(sizes.small() ? 200 : 2_000);
      idleHeap = node.jvm.heapAfterGcBytes() / MIB;
      idleRss = node.jvm.rssBytes() / MIB;
    }
    report.add(new Report.Row("6. Boot", "first start → /health 200", app, "s", "JVM starting only the embedded broker", raw,
        "≤ 15 s", app <= 15, "empty data directory: formats the log, creates the topics, starts Vert.x"));
  }

  /** Benchmark 4: many screens on a province with many targets, under a modest event load: RSS and heap after GC. */
  void fanOut() throws Exception {
    Path province = ProvinceScaler.write(sizes.fanoutTargets(), runDir.resolve("province-" + sizes.fanoutTargets() + ".json"));
    try (NodeProcess node = node("fanout", Files.createDirectories(runDir.resolve("fanout")),
        Map.of("EXAMOPS_PROVINCE", province.toString(), "EXAMOPS_CLOCK_START", EXAM_MORNING));
        Harness h = new Harness()) {
      node.awaitHealthy(Duration.ofMinutes(2));
      long t0 = System.nanoTime();
      Screens screens = new Screens(h.vertx, node.httpPort, h.token, sizes.fanoutClients());
      screens.connect(sizes.fanoutClients(), 0, 100, Duration.ofMinutes(5), null);
      double connectSec = Throughput.seconds(t0);
      double snapshotMib = screens.bytes.get() / MIB / sizes.fanoutClients();
      BenchEvents events = new BenchEvents(examops.province.ProvinceLoader.load(province), "fanout", 4);
      double peakRss = 0;
      try (HttpLoad load = new HttpLoad(h.vertx, node.httpPort, h.token, 16)) {
        load.paced(h.vertx, sizes.fanoutRate(), events::next, null);
        for (int i = 0; i < sizes.fanoutSeconds() * 2; i++) {
          Thread.sleep(500);
          peakRss = Math.max(peakRss, node.jvm.rssBytes() / MIB);
        }
        load.stop();
        Thread.sleep(1_000);
        if (load.accepted.get() == 0) throw new IllegalStateException("fan-out load: nothing accepted");
      }
      long messages = screens.messages.get();
      double heap = node.jvm.heapAfterGcBytes() / MIB;
      double rss = Math.max(peakRss, node.jvm.rssBytes() / MIB);
      String note = String.format(java.util.Locale.ROOT, "%,d screens connected in %.1f s (%.2f MiB snapshot each), then %d events/s for %d s: "
          + "%,d messages reached the screens; RSS is the peak sampled every 0.5 s", sizes.fanoutClients(), connectSec, snapshotMib,
          sizes.fanoutRate(), sizes.fanoutSeconds(), messages);
      report.add(new Report.Row("4. Fan-out and memory", "RSS, " + sizes.fanoutClients() + " screens, " + sizes.fanoutTargets() + " targets",
          rss, "MiB", "same node idle, default province", idleRss, "≤ 1 GiB", rss <= 1024, note));
      report.add(new Report.Row("4. Fan-out and memory", "heap after GC", heap, "MiB", "same node idle, default province", idleHeap,
          "", null, null));
      screens.close();
    }
  }

  /** Benchmarks 2 and 3 on one node on the exam clock. */
  void ingestAndLatency() throws Exception {
    try (NodeProcess node = node("ingest", Files.createDirectories(runDir.resolve("ingest")), Map.of("EXAMOPS_CLOCK_START", EXAM_MORNING));
        Harness h = new Harness()) {
      node.awaitHealthy(Duration.ofMinutes(2));
      Ingest ingest = new Ingest(sizes, node, h, report);
      ingest.run();
      new Latency(sizes, node, h, report).run();
      ingest.baseline();
    }
  }

  /** The harness's own Vert.x, for load and screens, and the command-center token they send. */
  static final class Harness implements AutoCloseable {
    final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    final String token = new examops.access.Tokens(vertx, SECRET)
        .issue(examops.access.Role.COMMAND, null, "bench", java.time.Instant.now().plus(Duration.ofDays(1))).token();

    @Override
    public void close() throws Exception {
      HttpLoad.await(vertx.close());
    }
  }
}
