package examops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import examops.kafka.EmbeddedKafka;
import examops.testing.Prometheus;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications end to end with real servers on 127.0.0.1: a node and its broker, GreenMail as the
 * SMTP server and a Vert.x HTTP server as the webhook's far end. The exam clock stands at 05:00 on
 * 1 August 2020 (the window is open, nothing is due yet) and the test moves it.
 */
@Tier.Broker
class NotifyTest {

  private static final ZoneOffset VN = ZoneOffset.ofHours(7);
  private static final String SECRET = "an-giang-2020-webhook-secret";
  private static final String PORTAL = "province/portal";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** A call the webhook received. */
  record Call(Instant receivedAt, Map<String, String> headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final AtomicInteger answer = new AtomicInteger(200);
  private Vertx vertx;
  private HttpServer webhook;
  private TestNode node;

  @BeforeEach
  void webhookServer() throws Exception {
    vertx = Vertx.vertx();
    webhook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      Map<String, String> headers = new HashMap<>();
      req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
      calls.add(new Call(Instant.now(), headers, b.toString()));
      req.response().setStatusCode(answer.get()).end();
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) node.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static int freePort() {
    try {
      return EmbeddedKafka.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> env(Map<String, String> more) {
    Map<String, String> env = new HashMap<>();
    env.put("EXAMOPS_WEBHOOK_URL", "http://127.0.0.1:" + webhook.actualPort() + "/sms");
    env.put("EXAMOPS_WEBHOOK_SECRET", SECRET);
    env.put("EXAMOPS_NOTIFY_BOARD_URL", "http://examops.angiang.example/");
    env.putAll(more);
    return env;
  }

  private Map<String, String> withMail(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.put("EXAMOPS_SMTP_HOST", "127.0.0.1");
    env.put("EXAMOPS_SMTP_PORT", String.valueOf(MAIL.getSmtp().getPort()));
    env.put("EXAMOPS_SMTP_TLS", "off");
    env.put("EXAMOPS_SMTP_FROM", "examops@angiang.example");
    return env(env);
  }

  private static TestClock fiveAmFirstOfAugust() {
    return new TestClock(Instant.parse("2020-07-31T22:00:00Z"));
  }

  private void probe(String target, String status) {
    TestNode.Response r = node.post("/api/v1/monitoring", new JsonObject()
        .put("at", OffsetDateTime.ofInstant(node.clock().instant(), VN).toString())
        .put("data", new JsonObject().put("target", target).put("status", status)).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
  }

  /** The target down long enough for its alert (3 min); returns the alert's id once raised. */
  private String takeDown(String target) throws InterruptedException {
    probe(target, "down");
    node.clock().advance(Duration.ofMinutes(3).plusSeconds(1));
    await(() -> activeAlert(target) != null, "an alert for " + target);
    return activeAlert(target);
  }

  private String activeAlert(String subject) {
    JsonObject alerts = node.board().getJsonObject("alerts");
    return alerts.fieldNames().stream().filter(id -> subject.equals(alerts.getJsonObject(id).getString("subject")))
        .findFirst().orElse(null);
  }

  private List<JsonObject> notifications() {
    JsonObject n = node.board().getJsonObject("notifications");
    return n.fieldNames().stream().map(n::getJsonObject).toList();
  }

  private static void await(BooleanSupplier condition, String what) {
    await(condition, what, Duration.ofSeconds(20));
  }

  private static void await(BooleanSupplier condition, String what, Duration timeout) {
    Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
  }

  /**
   * Waits until the rules and the notifier (once a second each) have each completed two more looks, as
   * the node's {@code /metrics} counts them: one whole look of each began after this point.
   */
  private void settle() {
    Prometheus before = Prometheus.parse(node.get("/metrics").body());
    Awaitility.await("two looks of the rules and of the notifier").atMost(Duration.ofSeconds(30)).until(() -> {
      Prometheus now = Prometheus.parse(node.get("/metrics").body());
      return now.value("examops_rules_evaluation_seconds_count") >= before.value("examops_rules_evaluation_seconds_count") + 2
          && now.value("examops_notify_evaluations_total") >= before.value("examops_notify_evaluations_total") + 2;
    });
  }

  private static String to(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).collect(Collectors.joining(","));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage m) {
    try {
      return String.valueOf(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("a critical outage reaches leadership, the duty room and the data-center team by email and signed webhook once; a flap sends nothing more; an unresolved alert is reminded once per interval; a restart repeats nothing")
  void criticalOutage() throws Exception {
    Path dir = Files.createTempDirectory("examops-notify");
    TestClock clock = fiveAmFirstOfAugust();
    Map<String, String> env = withMail(Map.of("EXAMOPS_NOTIFY_REMINDER_EVERY", "PT10M",
        // quiet until 07:00: anything non-critical would wait; the outage is critical and does not
        "EXAMOPS_NOTIFY_QUIET_HOURS", "04:00-07:00",
        "EXAMOPS_KAFKA_PORT", String.valueOf(EmbeddedKafka.freePort())));
    node = TestNode.start(dir, clock, env);
    String portalName = node.node().province().target(PORTAL).orElseThrow().name().vi();

    String alert = takeDown(PORTAL);
    await(() -> MAIL.getReceivedMessages().length >= 4 && calls.size() >= 3, "4 emails and 3 webhook calls");
    settle();
    MimeMessage[] mails = MAIL.getReceivedMessages();
    assertThat(Arrays.stream(mails).map(NotifyTest::to)).containsExactlyInAnyOrder("giam-doc@angiang.example",
        "ban-chi-dao-thi@angiang.example", "trung-tam-du-lieu@angiang.example", "truc-ban@angiang.example");
    assertThat(mails).allSatisfy(m -> {
      assertThat(subject(m)).startsWith("[ExamOps] NGHIÊM TRỌNG: " + portalName + " mất kết nối");
      assertThat(text(m)).contains("Địa bàn: Toàn tỉnh").contains("Bảng điều hành: http://examops.angiang.example/")
          .contains("Mã thông báo: " + alert + ":");
    });
    assertThat(calls).hasSize(3).allSatisfy(c -> {
      assertThat(WebhookSignature.verify(SECRET, c.headers().get("x-examops-timestamp"), c.body(),
          c.headers().get("x-examops-signature"), Instant.now(), Duration.ofMinutes(5))).as("signature of " + c.body()).isTrue();
      assertThat(c.json().getString("alertId")).isEqualTo(alert);
      assertThat(c.json().getString("text")).startsWith("[ExamOps] NGHIÊM TRỌNG: " + portalName)
          .hasSizeLessThanOrEqualTo(Templates.SMS_LIMIT);
      assertThat(c.headers().get("x-examops-notification-id")).isEqualTo(c.json().getString("notificationId"));
    });
    assertThat(calls.stream().map(c -> c.json().getJsonObject("recipient").getString("phone")))
        .containsExactlyInAnyOrder("0296 000 0010", "0296 000 0002", "0296 000 0011");
    assertThat(notifications()).hasSize(7).allSatisfy(n -> {
      assertThat(n.getString("status")).isEqualTo("sent");
      assertThat(n.getInteger("attempts")).isEqualTo(1);
    });

    // The portal flaps: back up, down again, a new alert after 3 minutes, and nobody is called again.
    probe(PORTAL, "up");
    await(() -> activeAlert(PORTAL) == null, "the portal's alert to clear");
    String again = takeDown(PORTAL);
    assertThat(again).isNotEqualTo(alert);
    settle();
    assertThat(MAIL.getReceivedMessages()).hasSize(4);
    assertThat(calls).hasSize(3);

    // Still down and nobody acknowledged it ten minutes on: one reminder to each, saying so.
    node.clock().advance(Duration.ofMinutes(10));
    // Long enough for one retry: the test mail server has been seen to stall a reused connection for its
    // 30 s socket timeout before answering 421, and the notifier then retries 2 s later.
    await(() -> MAIL.getReceivedMessages().length >= 8 && calls.size() >= 6, "the reminders", Duration.ofSeconds(60));
    settle();
    assertThat(MAIL.getReceivedMessages()).hasSize(8);
    // (GreenMail lists messages by mailbox, not by arrival.)
    assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(NotifyTest::subject)
        .filter(s -> s.startsWith("[ExamOps] Nhắc lần 1, chưa xử lý: NGHIÊM TRỌNG: " + portalName))).hasSize(4);
    assertThat(calls).hasSize(6);
    assertThat(notifications()).filteredOn(n -> n.getInteger("reminder") == 1).hasSize(7)
        .allMatch(n -> n.getString("id").startsWith(again + ":reminder-1:"));

    // A restart (as a lease handover would) replays the log: everything is known to be done.
    node.close();
    node = TestNode.start(dir, clock, env);
    settle();
    settle();
    assertThat(MAIL.getReceivedMessages()).hasSize(8);
    assertThat(calls).hasSize(6);
    assertThat(node.readTopic("examops.notifications")).hasSize(14)
        .allMatch(e -> e.getString("type").equals("notification.sent"));
  }

  @Test
  @DisplayName("a webhook answering 500 is retried with growing waits and shown failed on the board; a refused port too")
  void failingWebhook() throws Exception {
    answer.set(500);
    node = TestNode.start(Files.createTempDirectory("examops-notify-fail"), fiveAmFirstOfAugust(),
        env(Map.of("EXAMOPS_NOTIFY_MAX_ATTEMPTS", "3", "EXAMOPS_NOTIFY_BACKOFF", "PT0.3S")));

    String alert = takeDown(PORTAL);
    await(() -> notifications().size() == 3 && notifications().stream().allMatch(n -> "failed".equals(n.getString("status"))),
        "three failed notifications on the board");
    assertThat(notifications()).allSatisfy(n -> {
      assertThat(n.getInteger("attempts")).isEqualTo(3);
      assertThat(n.getString("error")).contains("HTTP 500");
      assertThat(n.getString("alertId")).isEqualTo(alert);
    });
    Map<String, List<Call>> byNotification = calls.stream()
        .collect(Collectors.groupingBy(c -> c.headers().get("x-examops-notification-id")));
    assertThat(byNotification).hasSize(3).allSatisfy((id, tries) -> {
      assertThat(tries).hasSize(3);
      assertThat(Duration.between(tries.get(0).receivedAt(), tries.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(Duration.between(tries.get(1).receivedAt(), tries.get(2).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    });
    List<JsonObject> log = node.readTopic("examops.notifications");
    assertThat(log).hasSize(9).allMatch(e -> e.getString("type").equals("notification.failed"));
    assertThat(log.stream().filter(e -> e.getJsonObject("data").getBoolean("final"))).hasSize(3)
        .allMatch(e -> e.getJsonObject("data").getInteger("attempt") == 3);

    // The far end is gone altogether: connection refused, retried, failed.
    webhook.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    String sgddt = "province/portal-sgddt";
    takeDown(sgddt);
    await(() -> notifications().stream().filter(n -> sgddt.equals(n.getString("subject"))).count() == 2
        && notifications().stream().filter(n -> sgddt.equals(n.getString("subject"))).allMatch(n -> "failed".equals(n.getString("status"))),
        "the component portal's call-outs failed");
    assertThat(notifications()).filteredOn(n -> sgddt.equals(n.getString("subject"))).allSatisfy(n -> {
      assertThat(n.getInteger("attempts")).isEqualTo(3);
      assertThat(n.getString("error")).containsIgnoringCase("refused");
    });
    assertThat(calls).hasSize(9);
  }
}
