package examops.monitoring;

import examops.event.Packed;
import examops.vocabulary.HealthStatus;
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
 * <p><b>Bounded by time, not by results.</b> Each change is kept exactly, except within a minute that
 * holds more than {@link #PIECES_PER_MINUTE} pieces of spans: such a minute is kept as how long it was
 * up, degraded and down (a mixed {@link StatusSpan}). A target that flaps all month therefore costs at
 * most one entry a minute, however many results it sends, and a period that starts or ends inside a
 * mixed minute counts that minute's share pro rata. Whether a minute is mixed depends only on the
 * target's own results, so every reading of the log keeps the same history.
 *
 * <p>Finished entries are kept packed ({@link Packed}: a few bytes each, where objects take a
 * hundred); the current minute's pieces and the last exact span (a later piece may extend it) are
 * kept apart until they are final. Mutable, for the reducer's per-target state; not thread-safe.
 */
public final class StatusTimeline {

  /** More pieces of spans than this in one minute and the minute is kept as shares of each status. */
  static final int PIECES_PER_MINUTE = 2;
  private static final long MINUTE_MS = 60_000;
  private static final int MIXED = 4;

  private final Duration staleAfter;
  private final Packed.Writer closed;
  /** The last exact span, not yet written: the next piece may continue it. */
  private StatusSpan pending;
  /** The minute whose pieces are being gathered ({@code Long.MIN_VALUE}: none), and its pieces. */
  private long minute = Long.MIN_VALUE;
  private final List<StatusSpan> gathering = new ArrayList<>();
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
      close(openFrom, at.isBefore(staleAt) ? at : staleAt, openStatus);
    }
    openStatus = status;
    openFrom = at;
    lastAt = at;
  }

  /** The spans up to {@code now}, in time order; time not covered by any span had no data. */
  public List<StatusSpan> spans(Instant now) {
    List<StatusSpan> out = new ArrayList<>();
    for (Packed.Reader r = new Packed.Reader(closed.bytes()); r.more(); ) out.add(read(r));
    StatusSpan last = pending;
    for (StatusSpan s : gathering) {
      // As the minute will be written if it stays exact: a piece continuing the last span extends it.
      if (last != null && last.status() == s.status() && last.to().equals(s.from())) {
        last = new StatusSpan(last.from(), s.to(), s.status());
      } else {
        if (last != null) out.add(last);
        last = s;
      }
    }
    if (last != null) out.add(last);
    if (openStatus != null && now.isAfter(openFrom)) {
      Instant staleAt = lastAt.plus(staleAfter);
      out.add(new StatusSpan(openFrom, now.isBefore(staleAt) ? now : staleAt, openStatus));
    }
    return out;
  }

  /** The timeline as saved in a checkpoint: stale-after, the finished entries packed, the rest as it stands. */
  public JsonObject save() {
    JsonObject j = new JsonObject().put("stale", staleAfter.toString()).put("closed", closed.done());
    Packed.Writer rest = new Packed.Writer();
    if (pending != null) write(rest, pending);
    gathering.forEach(s -> write(rest, s));
    j.put("pending", pending != null).put("minute", minute).put("gathering", rest.done());
    if (openStatus != null) {
      j.put("open", new JsonArray().add(openFrom.toString()).add(lastAt.toString()).add(openStatus.ordinal()));
    }
    return j;
  }

  /** A timeline as {@link #save()} wrote it. */
  public static StatusTimeline restore(JsonObject j) {
    StatusTimeline t = new StatusTimeline(Duration.parse(j.getString("stale")), Packed.Writer.resume(j.getString("closed"), 2, 1));
    Packed.Reader rest = new Packed.Reader(j.getString("gathering"));
    if (j.getBoolean("pending") && rest.more()) t.pending = read(rest);
    while (rest.more()) t.gathering.add(read(rest));
    t.minute = j.getLong("minute");
    JsonArray open = j.getJsonArray("open");
    if (open != null) {
      t.openFrom = Instant.parse(open.getString(0));
      t.lastAt = Instant.parse(open.getString(1));
      t.openStatus = HealthStatus.values()[open.getInteger(2)];
    }
    return t;
  }

  /** Adds the closed span [from, to): minute by minute where it reaches past the minute being gathered. */
  private void close(Instant from, Instant to, HealthStatus status) {
    while (from.isBefore(to)) {
      long m = Math.floorDiv(from.toEpochMilli(), MINUTE_MS);
      if (m != minute) {
        finishMinute();
        minute = m;
      }
      Instant minuteEnd = Instant.ofEpochMilli((minute + 1) * MINUTE_MS);
      if (!to.isAfter(minuteEnd)) {
        gathering.add(new StatusSpan(from, to, status));
        return;
      }
      if (gathering.isEmpty()) {
        // Nothing else lies in this minute, and the minutes after it up to the span's last one are whole:
        // only that last minute can still gain pieces (from the spans that follow).
        long toMs = to.toEpochMilli();
        if (toMs % MINUTE_MS == 0 && to.getNano() % 1_000_000 == 0) {
          exact(new StatusSpan(from, to, status));
          minute = Long.MIN_VALUE;
          return;
        }
        Instant lastMinute = Instant.ofEpochMilli(Math.floorDiv(toMs, MINUTE_MS) * MINUTE_MS);
        exact(new StatusSpan(from, lastMinute, status));
        from = lastMinute;
        continue;
      }
      gathering.add(new StatusSpan(from, minuteEnd, status));
      finishMinute();
      from = minuteEnd;
    }
  }

  /** Writes the gathered minute: its pieces as they are, or its shares when it holds too many. */
  private void finishMinute() {
    if (gathering.isEmpty()) return;
    if (gathering.size() <= PIECES_PER_MINUTE) {
      gathering.forEach(this::exact);
    } else {
      long[] ms = new long[HealthStatus.values().length];
      for (StatusSpan s : gathering) ms[s.status().ordinal()] += s.to().toEpochMilli() - s.from().toEpochMilli();
      flushPending();
      Instant start = Instant.ofEpochMilli(minute * MINUTE_MS);
      write(closed, StatusSpan.mixed(start, start.plusMillis(MINUTE_MS),
          new StatusSpan.Mix(ms[HealthStatus.UP.ordinal()], ms[HealthStatus.DEGRADED.ordinal()], ms[HealthStatus.DOWN.ordinal()])));
    }
    gathering.clear();
  }

  private void exact(StatusSpan s) {
    if (pending != null && pending.status() == s.status() && pending.to().equals(s.from())) {
      pending = new StatusSpan(pending.from(), s.to(), s.status());
      return;
    }
    flushPending();
    pending = s;
  }

  private void flushPending() {
    if (pending != null) write(closed, pending);
    pending = null;
  }

  /** An entry: from, to, then the status, or for a mixed minute the three shares with the mark {@value #MIXED}. */
  private static void write(Packed.Writer w, StatusSpan s) {
    w.time(s.from()).time(s.to());
    if (s.isMixed()) {
      StatusSpan.Mix m = s.mix();
      w.number(MIXED | m.downMs() << 3 | m.degradedMs() << 20 | m.upMs() << 37);
    } else {
      w.number(s.status().ordinal());
    }
  }

  private static StatusSpan read(Packed.Reader r) {
    Instant from = r.time();
    Instant to = r.time();
    long code = r.number();
    if ((code & 7) != MIXED) return new StatusSpan(from, to, HealthStatus.values()[(int) code]);
    long mask = (1L << 17) - 1;
    return StatusSpan.mixed(from, to, new StatusSpan.Mix(code >>> 37 & mask, code >>> 20 & mask, code >>> 3 & mask));
  }
}
