package examops.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark 7, history at constant cost: a log written straight to a node's broker (as outside agents
 * would: probe results, district check-ins, site check-ins that also report the site's links), then
 * the node restarted (process start → /health 200), one {@code ?at=} in the middle of the log and
 * the whole-window report, on a large log beside the same figures on a log a tenth of its size, in the
 * same run. The node runs with its default checkpoint settings.
 *
 * <p>Each target's status changes now and then (on about one result in 200), as real services do;
 * with {@code -Dbench.flapping=true} every result carries a random status instead, the worst case,
 * where what the board keeps grows with the minutes the log covers (see README, "One log, one truth").
 */
final class History {

  /** One log size's figures, in seconds. */
  record Figures(long events, double restart, double restartOnBroker, double at, double report, double writeSec,
      long fromCheckpoint, long atFromCheckpoint, long atEvents) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Children children;
  private final Path runDir;
  private final Report report;

  /**
   * The rate both logs are written at (events a second; 0: as fast as the broker takes them). The same
   * for both sizes, so the 10M/1M ratios compare log sizes and not write rates; below what a node
   * applies, so the node reads the log as it comes, as a live node does. How far a moment lies from
   * the checkpoint before it, in records, is the write rate times the checkpoints' spacing in time.
   */
  static final int RATE = Integer.getInteger("bench.historyRate", 100_000);

  /** Every result a random status (the worst case) instead of a status that changes now and then. */
  static final boolean FLAPPING = Boolean.getBoolean("bench.flapping");

  History(Children children, Path runDir, Report report) {
    this.children = children;
    this.runDir = runDir;
    this.report = report;
  }

  void run(int small, int large) throws Exception {
    Figures base = measure(small);
    Figures big = measure(large);
    String note = String.format(Locale.ROOT, "%,d and %,d events written straight to the broker (60%% probe results, 30%% district "
        + "check-ins, 10%% site check-ins reporting their links, 10 ms apart in event time; " + (FLAPPING
        ? "every result a random status, the worst case" : "each target's status changing on about one result in 200")
        + "; %,.0f and %,.0f ev/s written (" + (RATE > 0 ? String.format(Locale.ROOT, "paced at %,d ev/s for both sizes", RATE)
        : "as fast as the broker took them") + "), to a broker in its own JVM while a node read them); the node restarted (both ways) from a "
        + "checkpoint covering %,d and %,d records; default checkpoint settings (every %s or 100,000 records)",
        base.events(), big.events(), base.events() / base.writeSec(), big.events() / big.writeSec(), base.fromCheckpoint(),
        big.fromCheckpoint(), "minute") + String.format(Locale.ROOT, "; the ?at= started from checkpoints covering %,d and %,d "
        + "records and read %,d and %,d events after them", base.atFromCheckpoint(), big.atFromCheckpoint(), base.atEvents(), big.atEvents());
    String label = String.format(Locale.ROOT, "%,d events", large);
    String baseline = String.format(Locale.ROOT, "same, %,d events", small);
    report.add(new Report.Row("7. History", "restart of a node on a running broker, process start → /health 200, " + label,
        big.restartOnBroker(), "s", baseline, base.restartOnBroker(), "≤ 5 s, ≤ 1.5×",
        big.restartOnBroker() <= 5 && big.restartOnBroker() / base.restartOnBroker() <= 1.5, note));
    report.add(new Report.Row("7. History", "restart with the embedded broker, process start → /health 200, " + label, big.restart(), "s",
        baseline, base.restart(), "≤ 5 s, ≤ 1.5×", big.restart() <= 5 && big.restart() / base.restart() <= 1.5,
        "the node's JVM starts the embedded broker on the same log first"));
    report.add(new Report.Row("7. History", "one ?at= in the middle of the log, " + label, big.at(), "s", baseline, base.at(),
        "≤ 1 s, ≤ 1.5×", big.at() <= 1 && big.at() / base.at() <= 1.5, null));
    report.add(new Report.Row("7. History", "whole-window report, " + label, big.report(), "s", baseline, base.report(),
        "≤ 3 s, ≤ 1.5×", big.report() <= 3 && big.report() / base.report() <= 1.5, null));
  }

  /**
   * The log is written to a broker in its own JVM while a node (a cluster node, on that broker) reads it; a
   * second node is then started on the same broker (the restart of a node of a cluster), asked for one
   * {@code ?at=} and the report; last, with the broker stopped, a node with the embedded broker is started
   * on the same data directory (the single-machine restart, the broker's start included).
   */
  private Figures measure(int events) throws Exception {
    Path dir = Files.createDirectories(runDir.resolve("history-" + events));
    Instant middle;
    double writeSec;
    double restartOnBroker;
    double at;
    double reportSec;
    long atFromCheckpoint;
    long atEvents;
    int brokerPort = examops.kafka.EmbeddedKafka.freePort();
    Map<String, String> onBroker = Map.of("EXAMOPS_KAFKA_BOOTSTRAP", "127.0.0.1:" + brokerPort,
        "EXAMOPS_KAFKA_REPLICATION_FACTOR", "1", "EXAMOPS_KAFKA_MIN_INSYNC_REPLICAS", "1");
    try (ChildJvm broker = children.brokerOnly("history-" + events + "-broker", dir, brokerPort, List.of())) {
      broker.awaitLine("BROKER READY", Duration.ofMinutes(2));
      try (Children.NodeProcess node = children.node("history-" + events, dir, onBroker);
          Children.Harness h = new Children.Harness()) {
        node.awaitHealthy(Duration.ofMinutes(2));
        long t0 = System.nanoTime();
        middle = write(brokerPort, events);
        writeSec = (System.nanoTime() - t0) / 1e9;
        awaitApplied(node, h.token, events, Duration.ofMinutes(10));
        Thread.sleep(3_000); // the catch-up checkpoint is written on the next ticks
      }
      try (Children.NodeProcess node = children.node("history-" + events + "-again", dir, onBroker);
          Children.Harness h = new Children.Harness()) {
        restartOnBroker = node.awaitHealthy(Duration.ofMinutes(10)) / 1000;
        List<Double> ats = new ArrayList<>();
        JsonObject[] replay = new JsonObject[1];
        for (int i = 0; i < 3; i++) ats.add(timed(() -> {
          HttpResponse<String> r = get(node.url("/api/v1/board?at=" + URLEncoder.encode(middle.toString(), StandardCharsets.UTF_8)), h.token);
          if (r.statusCode() == 200) replay[0] = json(r).getJsonObject("replay");
          return r;
        }));
        reportSec = timed(() -> get(node.url("/api/v1/report"), h.token));
        ats.sort(null);
        at = ats.get(1);
        atFromCheckpoint = replay[0].getLong("fromCheckpoint", 0L);
        atEvents = replay[0].getLong("events", 0L);
      }
    }
    try (Children.NodeProcess node = children.node("history-" + events + "-embedded", dir, Map.of());
        Children.Harness h = new Children.Harness()) {
      double restart = node.awaitHealthy(Duration.ofMinutes(10)) / 1000;
      long fromCheckpoint = json(get(node.url("/health"), h.token)).getJsonObject("replay").getLong("fromCheckpoint");
      return new Figures(events, restart, restartOnBroker, at, reportSec, writeSec, fromCheckpoint, atFromCheckpoint, atEvents);
    }
  }

  /** Writes the events; returns the moment the first half had been acknowledged (the middle of the log). */
  static Instant write(int kafkaPort, int n) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", "127.0.0.1:" + kafkaPort);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    p.put("batch.size", "262144");
    p.put("compression.type", "lz4");
    examops.province.Province province = examops.province.ProvinceLoader.loadDefault();
    List<String> targets = province.targets().stream().map(t -> t.id()).toList();
    List<String> districts = province.districts().stream().map(d -> d.id()).toList();
    List<String> sites = province.sites().stream().map(s -> s.id()).toList();
    Random r = new Random(n);
    String[] st = {"up", "up", "up", "up", "degraded", "down"};
    Map<String, String> current = new HashMap<>();
    Map<String, String> link = new HashMap<>();
    String[] net = {"ok", "ok", "slow", "down"};
    Instant t0 = Instant.parse("2020-08-09T00:00:00Z");
    AtomicLong errors = new AtomicLong();
    Instant middle = null;
    long started = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < n; i++) {
        if (RATE > 0 && i % 1_000 == 0) pace(started, i);
        if (i == n / 2) {
          producer.flush();
          middle = Instant.now();
        }
        String at = t0.plusMillis(i * 10).toString();
        String id = new UUID(0x5eed000000004000L, 0x8000000000000000L | i).toString();
        String topic;
        String key;
        String v;
        int k = r.nextInt(10);
        if (k < 6) {
          String t = targets.get(r.nextInt(targets.size()));
          topic = "examops.monitoring";
          key = t;
          String status = FLAPPING || r.nextInt(200) == 0 ? st[r.nextInt(st.length)] : current.getOrDefault(t, "up");
          current.put(t, status);
          v = "{\"id\":\"" + id + "\",\"type\":\"probe.result\",\"at\":\"" + at + "\",\"source\":\"agent:bench\",\"data\":{\"target\":\""
              + t + "\",\"status\":\"" + status + "\",\"latencyMs\":" + (20 + r.nextInt(400)) + ",\"detail\":\"HTTP 200\"}}";
        } else {
          String site = k == 9 ? sites.get(r.nextInt(sites.size())) : null;
          String d = site == null ? districts.get(r.nextInt(districts.size())) : province.site(site).orElseThrow().district();
          String internet = site == null ? "ok" : FLAPPING || r.nextInt(100) == 0 ? net[r.nextInt(net.length)] : link.getOrDefault(site, "ok");
          if (site != null) link.put(site, internet);
          topic = "examops.checkins";
          key = site == null ? d : d + "/" + site;
          v = "{\"id\":\"" + id + "\",\"type\":\"checkin.submitted\",\"at\":\"" + at + "\",\"source\":\"district:" + d
              + "\",\"district\":\"" + d + "\",\"data\":{" + (site == null ? "" : "\"site\":\"" + site + "\",")
              + "\"status\":\"ok\",\"phone\":\"ok\",\"fax\":\"ok\",\"internet\":\"" + internet + "\",\"note\":\"Bình thường\"}}";
        }
        producer.send(new ProducerRecord<>(topic, key, v.getBytes(StandardCharsets.UTF_8)), (m, e) -> {
          if (e != null) errors.incrementAndGet();
        });
      }
      producer.flush();
    }
    if (errors.get() > 0) throw new IllegalStateException(errors.get() + " records not written");
    return middle;
  }

  /** Waits until {@code written} records are due at {@link #RATE}. */
  private static void pace(long started, long written) {
    long aheadNanos = started + written * 1_000_000_000L / RATE - System.nanoTime();
    if (aheadNanos <= 0) return;
    try {
      Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the log", e);
    }
  }

  private static void awaitApplied(Children.NodeProcess node, String token, long events, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject health = json(get(node.url("/health"), token));
      if (health.getLong("version", 0L) >= events) return;
      Thread.sleep(250);
    }
    throw new IllegalStateException("the node did not apply " + events + " events in " + timeout);
  }

  @FunctionalInterface
  interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static double timed(Call call) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = call.run();
    double sec = (System.nanoTime() - t0) / 1e9;
    if (r.statusCode() != 200) throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
    return sec;
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> r) {
    return new JsonObject(r.body());
  }
}
