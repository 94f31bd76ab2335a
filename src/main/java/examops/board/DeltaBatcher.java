package examops.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Coalesces what changed on the board into one delta per tick, for each audience. Changes are kept
 * by key (section and id), so an entity that changed ten times since the last tick is sent once, as it
 * stands. Every {@link #TIME_CHECK_EVERY_TICKS}th tick it also notices what time alone changed (an
 * overdue check-in, a late checklist item, the exam phase). Pure: the state and the time are handed
 * in; used on the board's context only.
 */
final class DeltaBatcher {

  /** How often time alone (overdue, late, the exam phase) is checked for visible changes. */
  static final int TIME_CHECK_EVERY_TICKS = 10;

  private final BoardView view;
  private final Set<Change> pending = new LinkedHashSet<>();
  private final Map<Change, Integer> timeDependentHashes = new HashMap<>();
  private long sentVersion;
  private long ticks;

  DeltaBatcher(BoardView view) {
    this.view = view;
  }

  /** Where the reducer records what it changed, to be sent with the next delta. */
  Set<Change> pending() {
    return pending;
  }

  /** The version the last delta brought clients to. */
  long sentVersion() {
    return sentVersion;
  }

  /**
   * The delta for the time since the last one, for each audience, or null when nothing visible
   * changed. The restricted variant leaves out need-to-know entities; it is the very same object
   * when there are none, so the usual tick is serialized once.
   */
  Board.Delta next(BoardState state, Instant now) {
    if (++ticks % TIME_CHECK_EVERY_TICKS == 0) collectTimeDependentChanges(state, now);
    if (pending.isEmpty()) return null;
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
    return new Board.Delta(delta, restricted);
  }

  private void collectTimeDependentChanges(BoardState state, Instant now) {
    check(state, new Change(Section.CLOCK, null), now);
    for (String group : view.publishingGroups()) {
      check(state, new Change(Section.PUBLISHING, group), now);
      if (!group.equals(examops.publishing.PublishingBook.PROVINCE)) check(state, new Change(Section.DISTRICTS, group), now);
    }
    for (String unit : view.reportingUnits()) check(state, new Change(Section.UNIT_REPORTS, unit), now);
  }

  private void check(BoardState state, Change c, Instant now) {
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
}
