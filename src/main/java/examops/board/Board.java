package examops.board;

import examops.alert.Alert;
import examops.checkin.CheckIn;
import examops.event.Event;
import examops.event.Payload;
import examops.kafka.BrokerWatch;
import examops.kafka.DeadLetter;
import examops.kafka.LogReader;
import examops.kafka.ReplayProgress;
import examops.vocabulary.Audience;
import examops.vocabulary.Refusal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * This node's replica of the board: it owns the state, applied on one Vert.x context. Other
 * verticles ask it named questions through futures that run on its context, so the state is only
 * ever touched by one thread. What changed goes out through its {@link DeltaBatcher}; how far it
 * has got with the log is its {@link NodeHealth}.
 */
public final class Board {

  /** Dead letters kept to show the command center; the topic holds them all. */
  public static final int RECENT_DEAD_LETTERS = 200;

  private BoardState state;
  private final BoardView view;
  private final Clock clock;
  private final DeltaBatcher deltas;
  private final NodeHealth health = new NodeHealth();
  private final java.util.ArrayDeque<DeadLetter> recentDeadLetters = new java.util.ArrayDeque<>();
  private Context context;
  private volatile long appliedVersion;
  /** What the state covers: each partition's next offset, the latest receipt time, records applied. */
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private Instant receivedUpTo;
  private long records;
  /** Events applied to this board since this node started, by type (indexed by ordinal; read by /metrics). */
  private final java.util.concurrent.atomic.AtomicLongArray appliedByType =
      new java.util.concurrent.atomic.AtomicLongArray(examops.event.EventType.values().length);

  public Board(BoardView view, Clock clock) {
    this.state = new BoardState(view.province());
    this.view = view;
    this.clock = clock;
    this.deltas = new DeltaBatcher(view);
  }

  void bind(Context context) {
    this.context = context;
  }

  /**
   * Starts from a checkpoint instead of nothing; called on the board's context before the log
   * reader starts (from the checkpoint's positions).
   */
  void restore(Checkpoint.Opened opened) {
    Checkpoint c = opened.checkpoint();
    state = opened.state();
    positions.putAll(c.positions());
    receivedUpTo = c.receivedUpTo();
    records = c.records();
    health.startedFrom(c.records());
    c.recentDeadLetters().forEach(recentDeadLetters::addLast);
    appliedVersion = state.version();
    deltas.pending().add(new Change(Section.STATS, null));
  }

  /**
   * The board as a checkpoint: the state and what of the log it covers. Called on the board's
   * context; the document is the board's no longer (encoding it can happen elsewhere).
   */
  Checkpoint checkpoint() {
    JsonArray dead = new JsonArray();
    recentDeadLetters.forEach(d -> dead.add(d.toJson()));
    return new Checkpoint(Map.copyOf(positions), receivedUpTo, records, state.save(), dead);
  }

  /** Records applied (events and dead letters) since the board began, checkpoints included. */
  long records() {
    return records;
  }

  /** Applies a batch read from the log; called on the board's context. */
  void apply(LogReader.Batch batch) {
    Set<Change> pending = deltas.pending();
    for (Event e : batch.events()) {
      state.apply(e, pending);
      appliedByType.incrementAndGet(e.type().ordinal());
    }
    positions.putAll(batch.positions());
    records += batch.events().size() + batch.deadLetters().size();
    if (batch.receivedUpTo() != null && (receivedUpTo == null || batch.receivedUpTo().isAfter(receivedUpTo))) {
      receivedUpTo = batch.receivedUpTo();
    }
    if (!batch.deadLetters().isEmpty()) {
      state.deadLettered(batch.deadLetters().size());
      pending.add(new Change(Section.STATS, null));
      for (DeadLetter d : batch.deadLetters()) {
        recentDeadLetters.addFirst(d);
        if (recentDeadLetters.size() > RECENT_DEAD_LETTERS) recentDeadLetters.removeLast();
      }
    }
    appliedVersion = state.version();
    health.applied(batch.progress());
    batch.done().run();
  }

  /** The delta for the time since the last one (null when nothing visible changed); called on the board's context once per tick. */
  Delta nextDelta() {
    return deltas.next(state, clock.instant());
  }

  /** One tick's delta for the full and the restricted audience (the same object when nothing is hidden). */
  record Delta(JsonObject full, JsonObject restricted) {}

  /** The version the last delta brought clients to. */
  long sentVersion() {
    return deltas.sentVersion();
  }

  /** The whole board now, rendered on the board's context. */
  public Future<JsonObject> snapshot() {
    return snapshot(Audience.FULL);
  }

  /** The board now as this audience may see it (need-to-know incidents left out for the restricted one). */
  public Future<JsonObject> snapshot(Audience audience) {
    return onContext(() -> view.snapshot(state, clock.instant(), audience));
  }

  /**
   * Why this event may not happen now, with its entity as it stands, or empty: an incident action its
   * lifecycle does not allow, a publishing move its item's rules refuse, an incident that does not exist.
   */
  public Future<Optional<Refused>> refusal(Event e) {
    return onContext(() -> state.refusal(e).map(why -> new Refused(why, current(e))));
  }

  /** A refused event: why, and the entity as it stands (null when there is none). */
  public record Refused(Refusal why, JsonObject current) {}

  /** Whose an incident is, as far as access decisions go; empty when there is no such incident. */
  public Future<Optional<IncidentOwner>> incidentOwner(String incidentId) {
    return onContext(() -> state.incidents().get(incidentId).map(i -> new IncidentOwner(i.district(),
        view.needToKnow(state, new Change(Section.INCIDENTS, incidentId)))));
  }

  /** The district an incident belongs to, and whether only need-to-know readers may see it. */
  public record IncidentOwner(String district, boolean needToKnow) {}

  /** A district's check-ins as the board holds them, oldest first. */
  public Future<List<CheckIn>> checkins(String district) {
    return onContext(() -> List.copyOf(state.checkins().history(district)));
  }

  private JsonObject current(Event e) {
    return switch (e.type().stream()) {
      case INCIDENTS -> state.incidents().toJson(e.as(Payload.OfIncident.class).incidentId());
      case PUBLISHING -> {
        String group = e.district() == null ? examops.publishing.PublishingBook.PROVINCE : e.district();
        Payload.PublishingUpdated p = e.as(Payload.PublishingUpdated.class);
        yield view.publishing(state, group, clock.instant()).getJsonObject(p.channel().wireName() + ":" + p.item());
      }
      case ALERTS -> state.alerts().get(e.as(Payload.OfAlert.class).alertId()).map(Alert::toJson).orElse(null);
      default -> null;
    };
  }

  /** The latest records that could not be applied, newest first, and how many there are in all. */
  public Future<JsonObject> deadLetters(int limit) {
    return onContext(() -> {
      JsonArray items = new JsonArray();
      recentDeadLetters.stream().limit(limit).forEach(d -> items.add(d.toJson()));
      return new JsonObject().put("total", state.deadLettered()).put("items", items);
    });
  }

  /**
   * Whether this event's entity already applied an event with its id: true for a retry (same
   * content, answered as accepted again), false for an id used for something else; empty when new.
   */
  public Future<Optional<Boolean>> sameAsSeen(Event e) {
    return onContext(() -> state.sameAsSeen(e));
  }

  /**
   * Completes once the board has applied every partition up to {@code ends} (next offsets, as the log's end
   * was read): a new lease holder acts on nothing older than what its predecessor wrote.
   */
  public Future<Void> reached(Map<TopicPartition, Long> ends) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> checkReached(ends, done));
    return done.future();
  }

  private void checkReached(Map<TopicPartition, Long> ends, Promise<Void> done) {
    if (ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) done.complete();
    else context.owner().setTimer(20, id -> checkReached(ends, done));
  }

  /**
   * Something that turns the board as it stands at the exam clock's {@code now} into what to write
   * next: the rules loop's alert events, the notifier's deliveries. Pure, and run on the board's
   * context, so it must not keep what it is given. It reads the board, it cannot change it.
   */
  public interface Planner<T> {
    T plan(BoardReading board, Instant now);
  }

  /** Runs a planner on the board's context against the state now, read-only. */
  public <T> Future<T> plan(Planner<T> planner) {
    return onContext(() -> planner.plan(state.reading(), clock.instant()));
  }

  private <T> Future<T> onContext(Supplier<T> work) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        p.complete(work.get());
      } catch (RuntimeException e) {
        p.fail(e);
      }
    });
    return p.future();
  }

  /** How far this board has got with the log, and whether the broker is in reach. */
  public NodeHealth health() {
    return health;
  }

  boolean caughtUp() {
    return health.caughtUp();
  }

  BrokerWatch.Loss brokerLoss() {
    return health.brokerLoss();
  }

  void brokerLoss(BrokerWatch.Loss loss) {
    health.brokerLoss(loss);
  }

  void progress(ReplayProgress p) {
    health.progress(p);
  }

  /** Events of this type applied to this board since this node started (a checkpoint's are not counted). */
  public long applied(examops.event.EventType type) {
    return appliedByType.get(type.ordinal());
  }

  public long appliedVersion() {
    return appliedVersion;
  }

  /** For the log reader: hands a batch over to the board's context. */
  Consumer<LogReader.Batch> sink() {
    return batch -> context.runOnContext(v -> apply(batch));
  }

  /** Whether the exam window is open at {@code t}: outside it nothing is due and no rule alarms. */
  public boolean inWindow(Instant t) {
    return view.province().window().contains(t);
  }

  /** The province data the board follows. */
  public examops.province.Province province() {
    return view.province();
  }

  /** The province's time zone, for times written on its behalf. */
  public ZoneId zone() {
    return view.province().zone();
  }

  public Clock clock() {
    return clock;
  }

  /** How the state is rendered; also used to render a rebuilt past board the same way. */
  public BoardView view() {
    return view;
  }
}
