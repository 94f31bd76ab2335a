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
import java.util.TreeSet;

/**
 * The check-ins received, per district: the latest ones for the board and the district page, and the
 * time of every one for the report's punctuality.
 *
 * <p>A district's check-ins arrive on several partitions (the district's own key and one per exam
 * site), so what this book keeps is a function of the set of check-ins received, never of the order
 * they were read in: the latest are the greatest by (time it counts for, time received, event id).
 */
public final class CheckInBook {

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
  /** Per district, every check-in's time in time order, packed (a few bytes each; see {@link Packed}). */
  private final Map<String, Times> times = new HashMap<>();

  /**
   * One district's check-in times: the ones that came in time order appended packed, the stragglers
   * (sent from a phone that was offline) aside until there are enough to merge in one pass. Read and
   * saved as one run in time order, so what is kept does not depend on the order they came in.
   */
  private static final class Times {
    static final int MERGE_AT = 4096;
    Packed.Writer packed = new Packed.Writer();
    Instant last;
    final List<Instant> stragglers = new ArrayList<>();

    void add(Instant t) {
      if (last == null || !t.isBefore(last)) {
        packed.time(t);
        last = t;
        return;
      }
      stragglers.add(t);
      if (stragglers.size() >= MERGE_AT) merge();
    }

    /** Writes the stragglers into the run; afterwards there are none. */
    private void merge() {
      List<Instant> all = list();
      packed = new Packed.Writer();
      all.forEach(packed::time);
      stragglers.clear();
    }

    List<Instant> list() {
      List<Instant> out = new ArrayList<>();
      for (Packed.Reader r = new Packed.Reader(packed.bytes()); r.more(); ) out.add(r.time());
      if (!stragglers.isEmpty()) {
        out.addAll(stragglers);
        out.sort(null);
      }
      return out;
    }

    String save() {
      if (!stragglers.isEmpty()) merge();
      return packed.done();
    }
  }

  /** Records a check-in. */
  public void record(CheckIn c) {
    Kept k = new Kept(c);
    TreeSet<Kept> kept = latest.computeIfAbsent(c.district(), d -> new TreeSet<>());
    kept.add(k);
    if (kept.size() > HISTORY) kept.pollFirst();
    times.computeIfAbsent(c.district(), d -> new Times()).add(k.counts());
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

  /** When each of a district's check-ins counts (sites included, as on the board), in time order. */
  public List<Instant> times(String district) {
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
      Times t = new Times();
      t.packed = Packed.Writer.resume(d.getString("times"), 1, 0);
      List<Instant> all = t.list();
      t.last = all.isEmpty() ? null : all.get(all.size() - 1);
      book.times.put(district, t);
    }
    return book;
  }
}
