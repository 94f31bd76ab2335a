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
 * <p>Mutable, for the reducer's per-target state; not thread-safe.
 */
public final class StatusTimeline {

  private final Duration staleAfter;
  private final List<StatusSpan> closed = new ArrayList<>();
  private HealthStatus openStatus;
  private Instant openFrom;
  private Instant lastAt;

  /** @param staleAfter how long one result stays good (e.g. three probe intervals, or a check-in cadence plus grace) */
  public StatusTimeline(Duration staleAfter) {
    this.staleAfter = staleAfter;
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
    List<StatusSpan> out = new ArrayList<>(closed);
    if (openStatus != null && now.isAfter(openFrom)) {
      Instant staleAt = lastAt.plus(staleAfter);
      out.add(new StatusSpan(openFrom, now.isBefore(staleAt) ? now : staleAt, openStatus));
    }
    return out;
  }

  /** The timeline as saved in a checkpoint: stale-after, the closed spans packed, the open one. */
  public JsonObject save() {
    Packed.Writer spans = new Packed.Writer();
    for (StatusSpan s : closed) spans.time(s.from()).time(s.to()).small(s.status().ordinal());
    JsonObject j = new JsonObject().put("stale", staleAfter.toString()).put("closed", spans.done());
    if (openStatus != null) {
      j.put("open", new JsonArray().add(openFrom.toString()).add(lastAt.toString()).add(openStatus.ordinal()));
    }
    return j;
  }

  /** A timeline as {@link #save()} wrote it. */
  public static StatusTimeline restore(JsonObject j) {
    StatusTimeline t = new StatusTimeline(Duration.parse(j.getString("stale")));
    for (Packed.Reader r = new Packed.Reader(j.getString("closed")); r.more(); ) {
      t.closed.add(new StatusSpan(r.time(), r.time(), HealthStatus.values()[r.small()]));
    }
    JsonArray open = j.getJsonArray("open");
    if (open != null) {
      t.openFrom = Instant.parse(open.getString(0));
      t.lastAt = Instant.parse(open.getString(1));
      t.openStatus = HealthStatus.values()[open.getInteger(2)];
    }
    return t;
  }

  private void close(Instant to) {
    if (to.isAfter(openFrom)) closed.add(new StatusSpan(openFrom, to, openStatus));
  }
}
