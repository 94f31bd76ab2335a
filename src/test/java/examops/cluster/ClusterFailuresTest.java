package examops.cluster;

import examops.testing.ProbingProvince;
import examops.testing.TopicRecords;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import examops.kafka.EmbeddedKafka;
import examops.kafka.TopicDefinition;
import examops.testing.ChildJvm;
import examops.testing.NodeProcess;
import examops.testing.QuorumBrokerMain;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production shape losing parts of itself under load: three KRaft brokers (child JVMs), two clustered
 * nodes (child JVMs), four clients writing incidents through the ingest API of both nodes, a probed portal
 * and a webhook receiver. In turn: the leader broker of {@code examops.incidents-0} is killed (SIGKILL) and
 * started again; every broker is restarted one after the other; the lease holder is frozen (SIGSTOP) for
 * longer than the cluster waits for it, then resumed. After each, every acknowledged report is in the log
 * and on both boards, the boards are equal, and nothing the lease holder writes is written twice. Tagged
 * {@code multi-broker}: five JVMs, about 2 minutes on a quiet two-core machine (6-7 when it
 * is loaded; the rolling restart's brokers take most of it).
 */
@Tier.Cluster
@Tag("multi-broker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailuresTest {

  private static final String CLOCK_START = "2020-08-09T07:00:00+07:00";
  private static final String INCIDENTS = "examops.incidents";

  private Path dir;
  private final List<String> clientPorts = new ArrayList<>();
  private final List<String> controllerPorts = new ArrayList<>();
  private final String clusterId = Uuid.randomUuid().toString();
  private String bootstrap;
  private final ChildJvm[] brokers = new ChildJvm[3];
  private final List<NodeProcess> nodes = new ArrayList<>();
  private HttpServer portal;
  private HttpServer hook;
  private final Map<String, AtomicInteger> webhookCalls = new ConcurrentHashMap<>();
  /** Attempts per report id, over the whole class: a report sent twice may be in the log twice (a 503 is not "not written"). */
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  @BeforeAll
  void startCluster() throws Exception {
    dir = Files.createTempDirectory("examops-cluster-failures");
    for (int i = 0; i < 3; i++) {
      clientPorts.add(String.valueOf(EmbeddedKafka.freePort()));
      controllerPorts.add(String.valueOf(EmbeddedKafka.freePort()));
    }
    bootstrap = String.join(",", clientPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    // Launched together: a controller quorum needs two of its three voters before any broker is ready.
    for (int id = 1; id <= 3; id++) brokers[id - 1] = launchBroker(id);
    for (int id = 1; id <= 3; id++) awaitBrokerReady(id, 0);
    portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext("/", ex -> {
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    portal.start();
    hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      webhookCalls.computeIfAbsent(ex.getRequestHeaders().getFirst("X-ExamOps-Notification-Id"), k -> new AtomicInteger()).incrementAndGet();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    hook.start();
    int hzA = EmbeddedKafka.freePort();
    int hzB = EmbeddedKafka.freePort();
    Path province = ProbingProvince.write(Map.of("province/portal",
        ProbingProvince.http("http://127.0.0.1:" + portal.getAddress().getPort() + "/", Duration.ofSeconds(1), Duration.ofSeconds(1))));
    for (String name : List.of("node-a", "node-b")) {
      Map<String, String> env = new HashMap<>(Map.of("EXAMOPS_KAFKA_BOOTSTRAP", bootstrap, "EXAMOPS_KAFKA_BROKER_WAIT", "PT120S",
          "EXAMOPS_PROVINCE", province.toString(), "EXAMOPS_CLOCK_START", CLOCK_START, "EXAMOPS_CLUSTER_HOST", "127.0.0.1",
          "EXAMOPS_CLUSTER_MEMBERS", "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB,
          "EXAMOPS_CLUSTER_PORT", String.valueOf(name.equals("node-a") ? hzA : hzB),
          "EXAMOPS_WEBHOOK_URL", "http://127.0.0.1:" + hook.getAddress().getPort() + "/sms",
          "EXAMOPS_WEBHOOK_SECRET", "a-webhook-secret-of-the-test"));
      env.putAll(Map.of("EXAMOPS_RATE_PER_SECOND", "1000", "EXAMOPS_RATE_BURST", "1000", "EXAMOPS_CHECKPOINT_EVERY", "PT3S"));
      nodes.add(NodeProcess.launch(name, EmbeddedKafka.freePort(), dir.resolve(name), env));
    }
    for (NodeProcess n : nodes) n.awaitHealthy(Duration.ofSeconds(180));
    awaitOneLeader();
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (NodeProcess n : nodes) {
      try {
        n.resume();
      } catch (Exception ignored) {
        // not paused, or gone already
      }
      n.close();
    }
    for (ChildJvm b : brokers) if (b != null) b.close();
    if (portal != null) portal.stop(0);
    if (hook != null) hook.stop(0);
  }

  @Test
  @Order(1)
  @DisplayName("SIGKILL of the leader broker of examops.incidents-0 under load: no acknowledged report lost, both boards equal, /health names the missing broker and recovers when it is back")
  void leaderBrokerKilled() throws Exception {
    try (Load load = new Load("kill")) {
      load.awaitAcks(40);
      int leader = leaderOf(new TopicPartition(INCIDENTS, 0));
      long killedAt = System.nanoTime();
      brokers[leader - 1].kill();
      load.awaitAcksAfter(killedAt, 40, Duration.ofSeconds(60));
      JsonObject broker = awaitHealth(nodes.get(0), h -> h.getJsonObject("broker").containsKey("missingSince"));
      assertThat(broker.getJsonObject("broker").getInteger("registered")).isEqualTo(2);
      assertThat(broker.getJsonObject("broker").getInteger("seen")).isEqualTo(3);
      assertThat(nodes.get(0).get("/health").statusCode()).as("two brokers of three still take every write").isEqualTo(200);
      System.out.printf("[cluster failures] leader broker %d killed: longest time without an acknowledgement %d ms, %s%n",
          leader, load.longestGapAfter(killedAt), load.refusals());
      brokers[leader - 1] = startBroker(leader);
      awaitHealth(nodes.get(0), h -> !h.getJsonObject("broker").containsKey("missingSince"));
      awaitFullIsr();
      load.awaitAcks(load.acked() + 20);
    }
    assertEveryAckInLogAndOnBothBoards();
  }

  @Test
  @Order(2)
  @DisplayName("every broker restarted in turn (SIGTERM, start, wait for the replicas) under load: no acknowledged report lost, both boards equal")
  void rollingRestart() throws Exception {
    try (Load load = new Load("roll")) {
      load.awaitAcks(40);
      long from = System.nanoTime();
      for (int id = 1; id <= 3; id++) {
        long t0 = System.nanoTime();
        brokers[id - 1].stop();
        load.awaitAcksAfter(t0, 10, Duration.ofSeconds(60));
        brokers[id - 1] = startBroker(id);
        awaitFullIsr();
        System.out.printf("[cluster failures] broker %d restarted and back in sync in %d ms%n", id, (System.nanoTime() - t0) / 1_000_000);
      }
      load.awaitAcks(load.acked() + 20);
      System.out.printf("[cluster failures] rolling restart: longest time without an acknowledgement %d ms, %s%n",
          load.longestGapAfter(from), load.refusals());
    }
    assertEveryAckInLogAndOnBothBoards();
  }

  @Test
  @Order(3)
  @DisplayName("the lease holder frozen (SIGSTOP) until the other node took the lease, then resumed: Kafka refuses its writes, it says it lost the lease, and no alert, notification, probe result or checkpoint is written twice")
  void pausedLeaseHolderIsFenced() throws Exception {
    NodeProcess holder = awaitOneLeader();
    NodeProcess other = holder == nodes.get(0) ? nodes.get(1) : nodes.get(0);
    try (Load load = new Load("pause")) {
      load.awaitAcks(20);
      long pausedAt = System.nanoTime();
      holder.pause();
      long takenMs = awaitLeader(other, pausedAt);
      // A critical condition the frozen holder knows nothing of: the other node raises and calls it out.
      JsonObject down = new JsonObject().put("at", "2020-08-09T06:50:00+07:00")
          .put("data", new JsonObject().put("target", "province/email").put("status", "down").put("detail", "reported during the pause"));
      assertThat(other.post("/api/v1/monitoring", down).statusCode()).isEqualTo(202);
      awaitAlert(other, "province/email");
      awaitWebhookCall("target-down:province.email:");
      Thread.sleep(3_000); // a checkpoint and a few probe rounds of the new holder
      int savedBefore = count(Files.readString(holder.log()), "Checkpoint checkpoint/");
      long resumedAtMillis = System.currentTimeMillis();
      long resumedAt = System.nanoTime();
      holder.resume();
      JsonObject lost = awaitHealth(holder, h -> h.getValue("leaseLost") != null && !h.getBoolean("leader"));
      long noticedMs = (System.nanoTime() - resumedAt) / 1_000_000;
      assertThat(lost.getJsonObject("leaseLost").getString("reason")).contains("examops.lease.rules");
      assertThat(holder.logTail()).contains("LOST the lease");
      load.awaitAcksAfter(resumedAt, 20, Duration.ofSeconds(60));
      Thread.sleep(4_000); // the resumed node's rules, probes, notifier and checkpoint writer have all had their turn
      assertThat(other.health().getBoolean("leader")).isTrue();
      assertThat(holder.health().getBoolean("leader")).isFalse();
      assertThat(count(Files.readString(holder.log()), "Checkpoint checkpoint/")).as("checkpoints saved by the resumed node")
          .isEqualTo(savedBefore);
      String formerName = holder.name();
      for (String topic : List.of("examops.alerts", "examops.monitoring", "examops.notifications", INCIDENTS)) {
        assertThat(readTopic(topic).stream().filter(r -> r.timestamp() >= resumedAtMillis)
            .map(r -> new JsonObject(new String(r.value(), StandardCharsets.UTF_8)).getString("source")))
            .as("records the resumed node wrote to %s", topic).noneMatch(s -> s.endsWith(":" + formerName));
      }
      Map<String, Integer> raised = new HashMap<>();
      readTopic("examops.alerts").stream().map(r -> new JsonObject(new String(r.value(), StandardCharsets.UTF_8)))
          .filter(e -> "alert.raised".equals(e.getString("type")))
          .forEach(e -> raised.merge(e.getJsonObject("data").getString("alertId"), 1, Integer::sum));
      assertThat(raised).isNotEmpty().allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
      Map<String, Integer> sent = new HashMap<>();
      readTopic("examops.notifications").stream().map(r -> new JsonObject(new String(r.value(), StandardCharsets.UTF_8)))
          .filter(e -> "notification.sent".equals(e.getString("type")))
          .forEach(e -> sent.merge(e.getJsonObject("data").getString("notificationId"), 1, Integer::sum));
      assertThat(sent).isNotEmpty().allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
      assertThat(webhookCalls).allSatisfy((id, n) -> assertThat(n.get()).as("webhook calls for %s", id).isEqualTo(1));
      System.out.printf("[cluster failures] lease holder %s frozen: %s took the lease %d ms after SIGSTOP; the resumed node knew it "
          + "had lost it %d ms after SIGCONT; %d alerts raised once each, %d notifications sent once each, %d webhook calls; %s%n",
          formerName, other.name(), takenMs, noticedMs, raised.size(), sent.size(), webhookCalls.size(), load.refusals());
    }
    assertEveryAckInLogAndOnBothBoards();
  }

  // ---- the clients

  /** Four district phones, two on each node, each sending its reports in order and retrying each with the same id until accepted. */
  private final class Load implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private volatile boolean stop;

    Load(String prefix) {
      for (int c = 0; c < 4; c++) {
        NodeProcess node = nodes.get(c % 2);
        String client = prefix + "-" + c;
        Thread t = new Thread(() -> run(node, client), "client-" + client);
        threads.add(t);
        t.start();
      }
    }

    private void run(NodeProcess node, String client) {
      for (int n = 0; !stop; n++) {
        String id = client + "-" + n;
        while (!stop) {
          attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          String outcome;
          try {
            int status = node.post("/api/v1/incidents", incident(id)).statusCode();
            if (status == 202) {
              ackedAt.put(id, System.nanoTime());
              break;
            }
            outcome = String.valueOf(status);
          } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
          }
          refused.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
          pause(200);
        }
        pause(50);
      }
    }

    int acked() {
      return ackedAt.size();
    }

    void awaitAcks(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (ackedAt.size() < count) {
        assertThat(System.nanoTime()).as("%d acknowledged of %d; refusals %s", ackedAt.size(), count, refused).isLessThan(deadline);
        Thread.sleep(20);
      }
    }

    void awaitAcksAfter(long since, int count, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (ackedAt.values().stream().filter(t -> t > since).count() < count) {
        assertThat(System.nanoTime()).as("acknowledgements after the fault; refusals %s", refused).isLessThan(deadline);
        Thread.sleep(50);
      }
    }

    /** The longest time without any acknowledgement, from the last one before {@code since} on. */
    long longestGapAfter(long since) {
      List<Long> times = ackedAt.values().stream().sorted().toList();
      long max = 0;
      for (int i = 1; i < times.size(); i++) if (times.get(i) > since) max = Math.max(max, times.get(i) - times.get(i - 1));
      return max / 1_000_000;
    }

    String refusals() {
      return ackedAt.size() + " acknowledged, refusals by answer " + refused;
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      for (Thread t : threads) t.join(30_000);
      acknowledged.addAll(ackedAt.keySet());
    }
  }

  /** Every report acknowledged so far, over the whole class. */
  private final java.util.Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  private static JsonObject incident(String id) {
    return new JsonObject().put("id", id).put("at", "2020-08-09T07:00:10+07:00").put("district", "an-phu")
        .put("data", new JsonObject().put("incidentId", id).put("title", "sự cố " + id).put("severity", "low").put("category", "other"));
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- what must hold after each fault

  private void assertEveryAckInLogAndOnBothBoards() throws InterruptedException {
    Map<String, Integer> inLog = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : readTopic(INCIDENTS)) {
      inLog.merge(new JsonObject(new String(r.value(), StandardCharsets.UTF_8)).getString("id"), 1, Integer::sum);
    }
    assertThat(inLog.keySet()).as("every acknowledged report is in the log").containsAll(acknowledged);
    assertThat(inLog).as("a report is in the log more than once only when its client sent it more than once")
        .allSatisfy((id, n) -> assertThat(n).isLessThanOrEqualTo(attempts.get(id).get()));
    long twice = inLog.values().stream().filter(n -> n > 1).count();
    for (NodeProcess n : nodes) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!n.board().getJsonObject("incidents").fieldNames().containsAll(acknowledged)) {
        assertThat(System.nanoTime()).as("%s shows every acknowledged report", n.name()).isLessThan(deadline);
        Thread.sleep(200);
      }
    }
    assertSameBoards();
    System.out.printf("[cluster failures] %d reports acknowledged, all in the log and on both boards; %d in the log twice (a retry after a refusal that had been written), applied once%n",
        acknowledged.size(), twice);
  }

  /** The same board on both nodes, the clock's reading apart; probes keep writing, so compared at equal versions. */
  private void assertSameBoards() throws InterruptedException {
    JsonObject x = null;
    JsonObject y = null;
    for (int i = 0; i < 100; i++) {
      x = withoutNow(nodes.get(0).board());
      y = withoutNow(nodes.get(1).board());
      if (x.getLong("version").equals(y.getLong("version"))) break;
      Thread.sleep(100);
    }
    assertThat(y.getLong("version")).isEqualTo(x.getLong("version"));
    assertThat(y).isEqualTo(x);
  }

  private static JsonObject withoutNow(JsonObject board) {
    board.remove("now");
    board.getJsonObject("clock").remove("now");
    return board;
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  // ---- the cluster

  /** Starts a broker again (the other two keep the controller quorum) and waits until it serves. */
  private ChildJvm startBroker(int id) throws Exception {
    Path log = dir.resolve("broker-" + id + ".log");
    int before = count(Files.readString(log), QuorumBrokerMain.READY);
    brokers[id - 1] = launchBroker(id);
    awaitBrokerReady(id, before);
    return brokers[id - 1];
  }

  private ChildJvm launchBroker(int id) throws Exception {
    return ChildJvm.start(QuorumBrokerMain.class.getName(), Map.of(), dir.resolve("broker-" + id + ".log"),
        dir.resolve("broker-" + id).toString(), clusterId, String.valueOf(id), String.join(",", clientPorts), String.join(",", controllerPorts));
  }

  /** Waits until the broker's log shows one more start than {@code before}. */
  private void awaitBrokerReady(int id, int before) throws Exception {
    Path log = dir.resolve("broker-" + id + ".log");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (!Files.exists(log) || count(Files.readString(log), QuorumBrokerMain.READY) <= before) {
      if (!brokers[id - 1].alive()) throw new AssertionError("broker " + id + " exited; see " + log);
      assertThat(System.nanoTime()).as("broker %d ready", id).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private int leaderOf(TopicPartition tp) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      return admin.describeTopics(List.of(tp.topic())).allTopicNames().get().get(tp.topic()).partitions().get(tp.partition()).leader().id();
    }
  }

  /** Every partition of every topic has all three replicas in sync again. */
  private void awaitFullIsr() throws Exception {
    List<String> names = TopicDefinition.loadAll().stream().map(TopicDefinition::name).toList();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      while (true) {
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
        if (topics.values().stream().allMatch(t -> t.partitions().stream().allMatch(p -> p.isr().size() == 3))) return;
        assertThat(System.nanoTime()).as("replicas back in sync").isLessThan(deadline);
        Thread.sleep(250);
      }
    }
  }

  /** On a fresh cluster the first holder also waits for Kafka to create its transaction log (three copies). */
  private NodeProcess awaitOneLeader() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      List<NodeProcess> leaders = nodes.stream().filter(n -> n.health().getBoolean("leader")).toList();
      if (leaders.size() == 1) return leaders.get(0);
      Thread.sleep(100);
    }
    throw new AssertionError("not exactly one leader");
  }

  private static long awaitLeader(NodeProcess node, long since) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (node.health().getBoolean("leader")) return (System.nanoTime() - since) / 1_000_000;
      Thread.sleep(50);
    }
    throw new AssertionError(node.name() + " did not take the lease over: " + node.health() + "\n" + node.logTail());
  }

  private static JsonObject awaitHealth(NodeProcess node, java.util.function.Predicate<JsonObject> test) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject h = null;
    while (System.nanoTime() < deadline) {
      try {
        h = node.health();
        if (test.test(h)) return h;
      } catch (RuntimeException notAnswering) {
        // a resumed node answers again in a moment
      }
      Thread.sleep(100);
    }
    throw new AssertionError(node.name() + ": /health never matched; last " + h + "\n" + node.logTail());
  }

  private static void awaitAlert(NodeProcess node, String subject) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject alerts = node.board().getJsonObject("alerts");
      if (alerts.fieldNames().stream().map(alerts::getJsonObject).anyMatch(a -> subject.equals(a.getString("subject")))) return;
      Thread.sleep(100);
    }
    throw new AssertionError("no alert for " + subject + " on " + node.name());
  }

  private void awaitWebhookCall(String idPrefix) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (webhookCalls.keySet().stream().noneMatch(id -> id.startsWith(idPrefix))) {
      assertThat(System.nanoTime()).as("webhook called").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Every committed record of a topic. */
  private List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
    return TopicRecords.read(bootstrap, topic);
  }
}
