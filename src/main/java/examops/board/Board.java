package examops.board;

import examops.alert.Alert;
import examops.event.Event;
import examops.kafka.BrokerWatch;
import examops.kafka.DeadLetter;
import examops.kafka.LogReader;
import examops.kafka.ReplayProgress;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * This node's replica of the board: the state, applied on one Vert.x context, and the coalesced
 * deltas it publishes. Other verticles ask it questions through futures that run on its context,
 * so the state is only ever touched by one thread.
 */
public final class Board {

  /** How often time alone (overdue, late, the exam phase) is checked for visible changes. */
  static final int TIME_CHECK_EVERY_TICKS = 10;
  /** Dead letters kept to show the command center; the topic holds them all. */
  public static final int RECENT_DEAD_LETTERS = 200;

  private BoardState state;
  private final BoardView view;
  private final Clock clock;
  private final Set<Change> pending = new LinkedHashSet<>();
  private final java.util.ArrayDeque<DeadLetter> recentDeadLetters = new java.util.ArrayDeque<>();
  private final Map<Change, Integer> timeDependentHashes = new HashMap<>();
  private Context context;
  private long sentVersion;
  private long ticks;
  private volatile ReplayProgress progress;
  private volatile boolean caughtUp;
  private volatile long appliedVersion;
  private volatile BrokerWatch.Loss brokerLoss;
  /** What the state covers: each partition's next offset, the latest receipt time, records applied. */
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private Instant receivedUpTo;
  private long records;
  private volatile long startedFrom;
  /** Events applied to this board since this node started, by type (indexed by ordinal; read by /metrics). */
  private final java.util.concurrent.atomic.AtomicLongArray appliedByType =
      new java.util.concurrent.atomic.AtomicLongArray(examops.event.EventType.values().length);

  public Board(BoardView view, Clock clock) {
    this.state = new BoardState(view.province());
    this.view = view;
    this.clock = clock;
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
    startedFrom = c.records();
    c.recentDeadLetters().forEach(recentDeadLetters::addLast);
    appliedVersion = state.version();
    pending.add(new Change(Section.STATS, null));
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

  /** The records of the log the checkpoint this node started from covered (0 when it read the log from its beginning). */
  public long startedFrom() {
    return startedFrom;
  }

  /** Records applied (events and dead letters) since the board began, checkpoints included. */
  long records() {
    return records;
  }

  /** Applies a batch read from the log; called on the board's context. */
  void apply(LogReader.Batch batch) {
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
    progress = batch.progress();
    appliedVersion = state.version();
    if (batch.progress().caughtUp()) caughtUp = true;
    batch.done().run();
  }

  /**
   * The delta for the time since the last one, for each audience, or null when nothing visible
   * changed. The restricted variant leaves out need-to-know entities; it is the very same object
   * when there are none, so the usual tick is serialized once. Called on the board's context once
   * per tick.
   */
  Delta nextDelta() {
    if (++ticks % TIME_CHECK_EVERY_TICKS == 0) collectTimeDependentChanges();
    if (pending.isEmpty()) return null;
    var now = clock.instant();
    JsonArray changes = new JsonArray();
    JsonArray restrictedChanges = null;
    for (Change c : pending) {
      JsonObject change = new JsonObject().put("section", c.section().key()).put("id", c.id()).put("value", view.render(state, c, now));
      boolean hidden = view.needToKnow(state, c);
      if (hidden && restrictedChanges == null) restrictedChanges = changes.copy();
      if (!hidden && restrictedChanges != null) restrictedChanges.add(change);
      changes.add(change);
    }
    pending.clear();
    JsonObject delta = new JsonObject().put("type", "delta").put("from", sentVersion).put("version", state.version())
        .put("now", now.toString()).put("changes", changes);
    JsonObject restricted = restrictedChanges == null ? delta : delta.copy().put("changes", restrictedChanges);
    sentVersion = state.version();
    return new Delta(delta, restricted);
  }

  /** One tick's delta for the full and the restricted audience (the same object when nothing is hidden). */
  record Delta(JsonObject full, JsonObject restricted) {}

  private void collectTimeDependentChanges() {
    var now = clock.instant();
    check(new Change(Section.CLOCK, null), now);
    for (String group : view.publishingGroups()) {
      check(new Change(Section.PUBLISHING, group), now);
      if (!group.equals(examops.publishing.PublishingBook.PROVINCE)) check(new Change(Section.DISTRICTS, group), now);
    }
  }

  private void check(Change c, Instant now) {
    Object v = view.render(state, c, now);
    int hash = v instanceof JsonObject j ? withoutNow(j).hashCode() : 0;
    Integer before = timeDependentHashes.put(c, hash);
    if (before != null && before != hash) pending.add(c);
  }

  private static JsonObject withoutNow(JsonObject j) {
    if (!j.containsKey("now")) return j;
    JsonObject copy = j.copy();
    copy.remove("now");
    return copy;
  }

  public long sentVersion() {
    return sentVersion;
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
   * Why this event may not happen now, or empty: an incident action its lifecycle does not allow,
   * a publishing move its item's rules refuse (answered 409, or 404 for an incident that does not exist).
   */
  public Future<Optional<Refusal>> refusal(Event e) {
    return onContext(() -> state.refusal(e).map(why -> new Refusal(
        why.startsWith("no ") ? 404 : 409, why, current(e))));
  }

  private JsonObject current(Event e) {
    return switch (e.type().stream()) {
      case INCIDENTS -> state.incidents().toJson(e.data().getString("incidentId"));
      case PUBLISHING -> {
        String group = e.district() == null ? examops.publishing.PublishingBook.PROVINCE : e.district();
        yield view.publishing(state, group, clock.instant()).getJsonObject(e.data().getString("channel") + ":" + e.data().getString("item"));
      }
      case ALERTS -> state.alerts().get(e.data().getString("alertId")).map(Alert::toJson).orElse(null);
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

  /** A refused event: the HTTP status, why, and the entity as it stands. */
  public record Refusal(int status, String message, JsonObject current) {}

  /**
   * Whether this event's entity already applied an event with its id: true for a retry (same
   * content, answered as accepted again), false for an id used for something else; empty when new.
   */
  public Future<Optional<Boolean>> sameAsSeen(Event e) {
    return onContext(() -> state.sameAsSeen(e));
  }

  /** Runs a read of the state on the board's context; for component code and tests. */
  public <T> Future<T> read(java.util.function.Function<BoardState, T> query) {
    return onContext(() -> query.apply(state));
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

  /**
   * While Kafka cannot be reached the board may miss what others report: it is out of date since
   * then. Null while the broker answers.
   */
  public BrokerWatch.Loss brokerLoss() {
    return brokerLoss;
  }

  void brokerLoss(BrokerWatch.Loss loss) {
    this.brokerLoss = loss;
  }

  public boolean caughtUp() {
    return caughtUp;
  }

  /** Events of this type applied to this board since this node started (a checkpoint's are not counted). */
  public long applied(examops.event.EventType type) {
    return appliedByType.get(type.ordinal());
  }

  public long appliedVersion() {
    return appliedVersion;
  }

  public ReplayProgress progress() {
    return progress;
  }

  void progress(ReplayProgress p) {
    this.progress = p;
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
