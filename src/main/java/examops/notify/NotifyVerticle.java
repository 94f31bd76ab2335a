package examops.notify;

import examops.board.Board;
import examops.cluster.Lease;
import examops.config.NotifyConfig;
import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventType;
import examops.event.EventValidator;
import examops.event.Payload;
import examops.event.Validation;
import examops.kafka.FencedLog;
import examops.vocabulary.DeliveryChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls people out: once a second, on the lease holder (like the rules), plans from the board what
 * is due, delivers it over email and the webhook, retries a failed attempt with exponential backoff
 * and records every attempt's outcome as {@code notification.*} events, so the board shows whether a
 * call-out went through and a restart or a new lease holder knows what is done.
 *
 * <p>Delivery is at least once: a node that dies after a mail went out but before its
 * {@code notification.sent} was written leaves the next holder to send it again (the webhook's
 * {@code X-ExamOps-Notification-Id} header lets a receiver drop such a repeat).
 */
public final class NotifyVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyVerticle.class);
  static final long EVERY_MS = 1_000;
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  /** How many times writing an outcome to the log is tried before the delivery is given up to be replanned. */
  static final int RECORD_TRIES = 5;

  private final Board board;
  private final Notices notices;
  private final NotificationPlanner planner;
  private final NotifyConfig config;
  private final Lease lease;
  private final String nodeId;
  private final Clock wallClock;
  private final String boardUrl;
  /** Deliveries under way here, by notification id: attempting, waiting to retry, or written and not yet read back. */
  private final Map<String, Delivery> inFlight = new HashMap<>();
  private final Map<DeliveryChannel, Sender> senders = new EnumMap<>(DeliveryChannel.class);
  private final EventValidator validator = new EventValidator();
  private final FencedLog log;
  private boolean running;
  private Counter evaluations = Counter.builder("examops.notify.evaluations").register(new SimpleMeterRegistry());

  public NotifyVerticle(Board board, Notices notices, NotificationPlanner planner, NotifyConfig config, Lease lease,
      FencedLog log, String nodeId, Clock wallClock, String boardUrl) {
    this.board = board;
    this.notices = notices;
    this.planner = planner;
    this.config = config;
    this.lease = lease;
    this.log = log;
    this.nodeId = nodeId;
    this.wallClock = wallClock;
    this.boardUrl = boardUrl;
  }

  /** The notifier for a province as configured; it does nothing when no channel is configured. */
  public static NotifyVerticle create(Board board, examops.province.Province province, NotifyConfig config, Lease lease,
      FencedLog log, String nodeId) {
    NotificationPlanner planner = new NotificationPlanner(new Router(province), new Templates(province, config.boardUrl()),
        NotificationPlanner.Policy.of(config), channels(config));
    return new NotifyVerticle(board, new Notices(province), planner, config, lease, log, nodeId, Clock.systemUTC(),
        config.boardUrl());
  }

  /** The channels a config enables: email with an SMTP host, the webhook with a URL. */
  public static Set<DeliveryChannel> channels(NotifyConfig c) {
    Set<DeliveryChannel> out = java.util.EnumSet.noneOf(DeliveryChannel.class);
    if (c.smtp() != null) out.add(DeliveryChannel.EMAIL);
    if (c.webhook() != null) out.add(DeliveryChannel.WEBHOOK);
    return out;
  }

  /**
   * Counts the notifier's completed looks at the board ({@code examops_notify_evaluations_total}), so a
   * test sees that it has looked.
   */
  public NotifyVerticle meteredBy(MeterRegistry registry) {
    evaluations = Counter.builder("examops.notify.evaluations")
        .description("Completed looks of the notifier at the board (on the lease holder, with a channel configured)")
        .register(registry);
    return this;
  }

  @Override
  public Future<?> start() {
    if (!config.anyChannel()) {
      LOG.info("No notification channel configured (EXAMOPS_SMTP_HOST, EXAMOPS_WEBHOOK_URL): nobody is called out");
      return Future.succeededFuture();
    }
    if (config.smtp() != null) senders.put(DeliveryChannel.EMAIL, new EmailSender(vertx, config.smtp()));
    if (config.webhook() != null) {
      senders.put(DeliveryChannel.WEBHOOK, new WebhookSender(vertx, config.webhook(), wallClock, boardUrl));
    }
    LOG.info("Notifications go out by {}", senders.keySet());
    lease.whenHeld(() -> context.runOnContext(v -> vertx.setPeriodic(EVERY_MS, id -> tick())));
    return Future.succeededFuture();
  }

  private void tick() {
    if (running || !board.health().caughtUp() || !lease.held()) return; // never judge a half-replayed board
    running = true;
    List<Delivery> busy = List.copyOf(inFlight.values());
    board.plan((state, now) -> new Plan(planner.plan(notices.from(state, now), state.notifications(), busy, now),
            busy.stream().map(Delivery::id).filter(state.notifications()::done).toList()))
        .onComplete(ar -> {
          running = false;
          evaluations.increment();
          if (ar.failed()) {
            LOG.warn("Could not plan notifications: {}", ar.cause().toString());
            return;
          }
          ar.result().readBack().forEach(inFlight::remove);
          List<Delivery> deliveries = ar.result().deliveries();
          if (deliveries.isEmpty()) return;
          deliveries.forEach(d -> inFlight.put(d.id(), d));
          // A message once sent cannot be taken back: Kafka confirms first that no other node holds the lease.
          log.confirm().onComplete(confirmed -> deliveries.forEach(d -> {
            if (confirmed.succeeded() && lease.held()) {
              attempt(d, d.firstAttempt());
            } else {
              inFlight.remove(d.id());
            }
          }));
        });
  }

  private record Plan(List<Delivery> deliveries, List<String> readBack) {}

  private void attempt(Delivery d, int attempt) {
    senders.get(d.channel()).send(d).onComplete(ar -> {
      if (ar.succeeded()) {
        LOG.info("Notified {} by {} ({}{}, attempt {})", d.contact().id(), d.channel().wireName(), d.notice().id(),
            d.reminder() > 0 ? ", reminder " + d.reminder() : "", attempt);
        record(d, sent(d, attempt), RECORD_TRIES);
        return;
      }
      String error = String.valueOf(ar.cause().getMessage() == null ? ar.cause().toString() : ar.cause().getMessage());
      boolean last = attempt >= config.maxAttempts();
      Duration wait = backoff(attempt);
      LOG.warn("Notifying {} by {} failed (attempt {} of {}): {}{}", d.contact().id(), d.channel().wireName(), attempt,
          config.maxAttempts(), error, last ? "; giving up" : "; retrying in " + wait.toMillis() + " ms");
      record(d, failed(d, attempt, last, error, last ? null : board.clock().instant().plus(wait)), RECORD_TRIES);
      if (!last) vertx.setTimer(wait.toMillis(), id -> {
        if (lease.held()) attempt(d, attempt + 1);
        else inFlight.remove(d.id()); // the next holder plans it again from the log
      });
    });
  }

  /** The wait before attempt {@code attempt + 1}: the configured backoff, doubled for each attempt since the first. */
  Duration backoff(int attempt) {
    Duration d = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /**
   * Writes an outcome; the event id is derived, so writing it twice changes nothing. When the log
   * cannot take it at all, the delivery is let go so a later tick plans it again.
   */
  private void record(Delivery d, Event e, int triesLeft) {
    if (validator.validate(EventCodec.encode(e), e.receivedAt()) instanceof Validation.Invalid bad) {
      LOG.error("Notifier produced an invalid event {} ({}); not written", e.id(), bad.message());
      return;
    }
    log.append(e).onFailure(err -> {
      if (triesLeft > 1) {
        vertx.setTimer(2_000, id -> record(d, e, triesLeft - 1));
      } else {
        LOG.error("Could not record {} for notification {}: {}", e.type().wireName(), d.id(), err.toString());
        if (e.type() == EventType.NOTIFICATION_SENT || e.as(Payload.NotificationOutcome.class).finalAttempt()) inFlight.remove(d.id());
      }
    });
  }

  private Event sent(Delivery d, int attempt) {
    return event(NotificationId.sentEvent(d.id()), EventType.NOTIFICATION_SENT, d, data(d, attempt));
  }

  private Event failed(Delivery d, int attempt, boolean last, String error, Instant next) {
    JsonObject data = data(d, attempt).put("final", last).put("error", Templates.fit(error, 1000));
    if (next != null) data.put("nextAttemptAt", EventCodec.iso(OffsetDateTime.ofInstant(next, zone())));
    return event(NotificationId.failedEvent(d.id(), attempt), EventType.NOTIFICATION_FAILED, d, data);
  }

  private JsonObject data(Delivery d, int attempt) {
    Notice n = d.notice();
    return new JsonObject().put("notificationId", d.id()).put("alertId", n.id()).put("rule", n.rule())
        .put("subject", n.subject()).put("severity", n.severity().wireName()).put("channel", d.channel().wireName())
        .put("recipient", d.contact().id()).put("recipientName", d.contact().name().vi()).put("reminder", d.reminder())
        .put("attempt", attempt).put("alertRaisedAt", EventCodec.iso(OffsetDateTime.ofInstant(n.raisedAt(), zone())))
        .put("text", d.text());
  }

  private Event event(String id, EventType type, Delivery d, JsonObject data) {
    Instant now = board.clock().instant();
    return new Event(id, type, OffsetDateTime.ofInstant(now, zone()), now, "notifier:" + nodeId, d.notice().district(), data);
  }

  private ZoneId zone() {
    return board.zone();
  }

  @Override
  public Future<?> stop() {
    List<Future<?>> closing = new ArrayList<>();
    senders.values().forEach(s -> closing.add(s.close()));
    return Future.join(closing);
  }
}
