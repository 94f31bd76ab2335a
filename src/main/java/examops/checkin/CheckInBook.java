package examops.checkin;

import examops.event.Packed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The check-ins received, per district: the latest ones for the board and the district page, and the
 * times for the report's punctuality (by the minute: see {@link Burst}).
 *
 * <p>A district's check-ins arrive on several partitions (the district's own key and one per exam
 * site), so what this book keeps is a function of the set of check-ins received, never of the order
 * they were read in: the latest are the greatest by (time it counts for, time received, event id).
 */
public final class CheckInBook implements CheckIns {

  static final int HISTORY = 10;
  /** A kept check-in with the time it counts for worked out once (the order compares it often). */
  private record Kept(Instant counts, CheckIn checkIn) implements Comparable<Kept> {
    Kept(CheckIn c) {
      this(c.countsAt(), c);
    }

    /** The total order "latest" means: when it counts, then when it was received, then the event id to break ties. */
    @Override
    public int compareTo(Kept o) {
      int c = counts.compareTo(o.counts);
      if (c == 0) c = checkIn.receivedAt().compareTo(o.checkIn.receivedAt());
      return c != 0 ? c : checkIn.eventId().compareTo(o.checkIn.eventId());
    }
  }

  private final Map<String, TreeSet<Kept>> latest = new HashMap<>();
  /** Per district, when its check-ins count, as bursts by the minute. */
  private final Map<String, Times> times = new HashMap<>();

  /**
   * One check-in, or several sent within the same minute: the first and last times and how many.
   * However often a unit sends, what the report keeps of it is bounded by the minutes of the window.
   */
  public record Burst(Instant first, Instant last, int count) {

    public static Burst of(Instant t) {
      return new Burst(t, t, 1);
    }

    Burst with(Instant t) {
      return new Burst(t.isBefore(first) ? t : first, t.isAfter(last) ? t : last, count + 1);
    }
  }

  /**
   * One district's check-in times, as bursts by the minute (see {@link Burst}): a function of the set
   * of check-ins received, whatever order they came in.
   */
  private static final class Times {
    private static final long MINUTE_MS = 60_000;
    final TreeMap<Long, Burst> byMinute = new TreeMap<>();

    void add(Instant t) {
      byMinute.merge(Math.floorDiv(t.toEpochMilli(), MINUTE_MS), Burst.of(t), (old, one) -> old.with(t));
    }

    List<Burst> list() {
      return new ArrayList<>(byMinute.values());
    }

    String save() {
      Packed.Writer w = new Packed.Writer();
      byMinute.values().forEach(b -> w.time(b.first()).time(b.last()).small(b.count()));
      return w.done();
    }

    static Times restore(String packed) {
      Times t = new Times();
      for (Packed.Reader r = new Packed.Reader(packed); r.more(); ) {
        Burst b = new Burst(r.time(), r.time(), r.small());
        t.byMinute.put(Math.floorDiv(b.first().toEpochMilli(), MINUTE_MS), b);
      }
      return t;
    }
  }

  /** Records a check-in under its district. */
  public void record(CheckIn c) {
    record(c.district(), c);
  }

  /**
   * Records a check-in under the unit it counts for: its district, or (in the book of the sites'
   * own duties) its site.
   */
  public void record(String unit, CheckIn c) {
    Kept k = new Kept(c);
    TreeSet<Kept> kept = latest.computeIfAbsent(unit, d -> new TreeSet<>());
    kept.add(k);
    if (kept.size() > HISTORY) kept.pollFirst();
    times.computeIfAbsent(unit, d -> new Times()).add(k.counts());
  }

  public Optional<CheckIn> latest(String district) {
    TreeSet<Kept> kept = latest.get(district);
    return kept == null || kept.isEmpty() ? Optional.empty() : Optional.of(kept.last().checkIn());
  }

  /** The latest check-ins, newest first. */
  public List<CheckIn> history(String district) {
    TreeSet<Kept> kept = latest.get(district);
    return kept == null ? List.of() : kept.descendingSet().stream().map(Kept::checkIn).toList();
  }

  /**
   * When a unit's check-ins count, as bursts in time order: a district's own (and those of its sites
   * that have no duty of their own, as on the board), or a site's in the sites' book.
   */
  public List<Burst> times(String district) {
    Times t = times.get(district);
    return t == null ? List.of() : t.list();
  }

  /** The book as saved in a checkpoint. */
  public JsonObject save() {
    JsonObject out = new JsonObject();
    for (var d : latest.entrySet()) {
      JsonArray kept = new JsonArray();
      d.getValue().forEach(k -> kept.add(k.checkIn().toJson().put("district", k.checkIn().district())));
      out.put(d.getKey(), new JsonObject().put("latest", kept).put("times", times.containsKey(d.getKey()) ? times.get(d.getKey()).save() : ""));
    }
    return out;
  }

  /** A book as {@link #save()} wrote it. */
  public static CheckInBook restore(JsonObject saved) {
    CheckInBook book = new CheckInBook();
    for (String district : saved.fieldNames()) {
      JsonObject d = saved.getJsonObject(district);
      TreeSet<Kept> kept = new TreeSet<>();
      for (Object o : d.getJsonArray("latest")) kept.add(new Kept(CheckIn.fromJson((JsonObject) o)));
      book.latest.put(district, kept);
      book.times.put(district, Times.restore(d.getString("times")));
    }
    return book;
  }
}
