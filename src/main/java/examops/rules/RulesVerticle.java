package examops.rules;

import examops.alert.AlertCondition;
import examops.board.Board;
import examops.board.BoardReading;
import examops.cluster.Lease;
import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventValidator;
import examops.event.Validation;
import examops.kafka.FencedLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules once a second on the lease holder and writes the alert events that reconcile
 * the board with them. Alerts are events: they survive restarts and look the same on every node.
 */
public final class RulesVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RulesVerticle.class);
  static final long EVERY_MS = 1_000;
  /** How long an event written but not yet read back is left alone before it may be written again. */
  static final long PENDING_MS = 15_000;

  private final Board board;
  private final BoardRules rules;
  private final AlertPlanner planner;
  private final Lease lease;
  private final Map<String, Long> pending = new HashMap<>();
  private final EventValidator validator = new EventValidator();
  private final FencedLog log;
  private boolean running;
  private Timer evaluations = Timer.builder("examops.rules.evaluation").register(new SimpleMeterRegistry());
  private Counter written = Counter.builder("examops.rules.alert.events").register(new SimpleMeterRegistry());

  public RulesVerticle(Board board, BoardRules rules, AlertPlanner planner, Lease lease, FencedLog log) {
    this.board = board;
    this.rules = rules;
    this.planner = planner;
    this.lease = lease;
    this.log = log;
  }

  /**
   * Records the evaluations ({@code examops_rules_evaluation_seconds}: its {@code _count} grows once per
   * completed evaluation, so a test sees that the rules have looked) and the alert events they wrote.
   */
  public RulesVerticle meteredBy(MeterRegistry registry) {
    evaluations = Timer.builder("examops.rules.evaluation")
        .description("One evaluation of the rules on the lease holder, writes to Kafka included").register(registry);
    written = Counter.builder("examops.rules.alert.events")
        .description("Alert events (raised, cleared, escalated) the rules wrote to the log").register(registry);
    return this;
  }

  @Override
  public Future<?> start() {
    lease.whenHeld(() -> context.runOnContext(v -> vertx.setPeriodic(EVERY_MS, id -> evaluate())));
    return Future.succeededFuture();
  }

  private void evaluate() {
    if (running || !board.health().caughtUp() || !lease.held()) return; // never judge a half-replayed board
    running = true;
    Timer.Sample sample = Timer.start();
    long nowMs = System.currentTimeMillis();
    pending.values().removeIf(sent -> nowMs - sent > PENDING_MS);
    // Until the board has read an event back, writing it again would only add a duplicate to the log.
    Set<String> inFlight = Set.copyOf(pending.keySet());
    board.plan((state, now) -> plan(state, now, inFlight)).compose(this::append)
        .onComplete(ar -> {
          sample.stop(evaluations);
          running = false;
          if (ar.failed()) LOG.warn("Could not write alert events (will retry): {}", ar.cause().toString());
        });
  }

  private List<Event> plan(BoardReading state, Instant now, Set<String> inFlight) {
    Map<String, AlertCondition> desired = board.inWindow(now)
        ? rules.evaluate(state, now)
        : Map.<String, AlertCondition>of();
    return planner.plan(desired, state.alerts(), inFlight, now);
  }

  /** The events of one evaluation, in one transaction of the lease holder. */
  private Future<?> append(List<Event> planned) {
    List<Event> valid = new java.util.ArrayList<>();
    for (Event e : planned) {
      // Written straight to the log, so held to the same schemas as everything that comes in.
      if (validator.validate(EventCodec.encode(e), e.receivedAt()) instanceof Validation.Invalid bad) {
        LOG.error("Rule produced an invalid event {} ({}); not written", e.id(), bad.message());
      } else {
        valid.add(e);
        pending.put(e.id(), Long.MAX_VALUE); // in flight: never expires before Kafka answers
      }
    }
    // Left alone until read back, or for PENDING_MS after Kafka took them (a slow write is not a lost one).
    return log.append(valid).onSuccess(v -> {
      valid.forEach(e -> pending.put(e.id(), System.currentTimeMillis()));
      written.increment(valid.size());
    }).onFailure(err -> valid.forEach(e -> pending.remove(e.id())));
  }
}
