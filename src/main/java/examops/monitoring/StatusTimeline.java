package examops.monitoring;

import examops.event.Packed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's status history as spans, kept compact (one span per change or data gap, not one per
 * result). A result vouches for its status for {@code staleAfter} only: when no result follows in
 * that time the history has a hole, which availability counts as unknown, never as up.
 *
 * <p>The closed spans are kept packed ({@link Packed}: a few bytes each, where objects take a hundred),
 * and unpacked when the history is read (by the report): a target that flaps all month costs the
 * board's memory and its checkpoints little, and a checkpoint copies the bytes as they are.
 *
 * <p>Mutable, for the reducer's per-target state; not thread-safe.
 */
public final class StatusTimeline {

  private final Duration staleAfter;
  private final Packed.Writer closed;
  private HealthStatus openStatus;
  private Instant openFrom;
  private Instant lastAt;

  /** @param staleAfter how long one result stays good (e.g. three probe intervals, or a check-in cadence plus grace) */
  public StatusTimeline(Duration staleAfter) {
    this(staleAfter, new Packed.Writer());
  }

  private StatusTimeline(Duration staleAfter, Packed.Writer closed) {
    this.staleAfter = staleAfter;
    this.closed = closed;
  }

  /** Records the (damped) status seen at {@code at}; a result older than the latest is ignored. */
  public void record(Instant at, HealthStatus status) {
    if (lastAt != null && at.isBefore(lastAt)) return;
    if (openStatus != null) {
      Instant staleAt = lastAt.plus(staleAfter);
      if (status == openStatus && !at.isAfter(staleAt)) {
        lastAt = at;
        return;
      }
      close(at.isBefore(staleAt) ? at : staleAt);
    }
    openStatus = status;
    openFrom = at;
    lastAt = at;
  }

  /** The spans up to {@code now}; time not covered by any span had no data. */
  public List<StatusSpan> spans(Instant now) {
    List<StatusSpan> out = new ArrayList<>();
    for (Packed.Reader r = new Packed.Reader(closed.bytes()); r.more(); ) {
      out.add(new StatusSpan(r.time(), r.time(), HealthStatus.values()[r.small()]));
    }
    if (openStatus != null && now.isAfter(openFrom)) {
      Instant staleAt = lastAt.plus(staleAfter);
      out.add(new StatusSpan(openFrom, now.isBefore(staleAt) ? now : staleAt, openStatus));
    }
    return out;
  }

  /** The timeline as saved in a checkpoint: stale-after, the closed spans packed, the open one. */
  public JsonObject save() {
    JsonObject j = new JsonObject().put("stale", staleAfter.toString()).put("closed", closed.done());
    if (openStatus != null) {
      j.put("open", new JsonArray().add(openFrom.toString()).add(lastAt.toString()).add(openStatus.ordinal()));
    }
    return j;
  }

  /** A timeline as {@link #save()} wrote it. */
  public static StatusTimeline restore(JsonObject j) {
    StatusTimeline t = new StatusTimeline(Duration.parse(j.getString("stale")), Packed.Writer.resume(j.getString("closed"), 2, 1));
    JsonArray open = j.getJsonArray("open");
    if (open != null) {
      t.openFrom = Instant.parse(open.getString(0));
      t.lastAt = Instant.parse(open.getString(1));
      t.openStatus = HealthStatus.values()[open.getInteger(2)];
    }
    return t;
  }

  private void close(Instant to) {
    if (to.isAfter(openFrom)) closed.time(openFrom).time(to).small(openStatus.ordinal());
  }
}
