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
  private final Map<String, List<Instant>> times = new HashMap<>();

  /** Records a check-in. */
  public void record(CheckIn c) {
    Kept k = new Kept(c);
    TreeSet<Kept> kept = latest.computeIfAbsent(c.district(), d -> new TreeSet<>());
    kept.add(k);
    if (kept.size() > HISTORY) kept.pollFirst();
    List<Instant> when = times.computeIfAbsent(c.district(), d -> new ArrayList<>());
    Instant t = k.counts();
    if (when.isEmpty() || !t.isBefore(when.get(when.size() - 1))) {
      when.add(t);
    } else {
      int i = java.util.Collections.binarySearch(when, t); // a straggler: kept in time order as it comes
      when.add(i >= 0 ? i : -i - 1, t);
    }
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
    return List.copyOf(times.getOrDefault(district, List.of()));
  }

  /** The book as saved in a checkpoint. */
  public JsonObject save() {
    JsonObject out = new JsonObject();
    for (var d : latest.entrySet()) {
      JsonArray kept = new JsonArray();
      d.getValue().forEach(k -> kept.add(k.checkIn().toJson().put("district", k.checkIn().district())));
      out.put(d.getKey(), new JsonObject().put("latest", kept).put("times", pack(times.getOrDefault(d.getKey(), List.of()))));
    }
    return out;
  }

  private static String pack(List<Instant> times) {
    Packed.Writer w = new Packed.Writer();
    times.forEach(w::time);
    return w.done();
  }

  /** A book as {@link #save()} wrote it. */
  public static CheckInBook restore(JsonObject saved) {
    CheckInBook book = new CheckInBook();
    for (String district : saved.fieldNames()) {
      JsonObject d = saved.getJsonObject(district);
      TreeSet<Kept> kept = new TreeSet<>();
      for (Object o : d.getJsonArray("latest")) kept.add(new Kept(CheckIn.fromJson((JsonObject) o)));
      book.latest.put(district, kept);
      List<Instant> when = new ArrayList<>();
      for (Packed.Reader r = new Packed.Reader(d.getString("times")); r.more(); ) when.add(r.time());
      book.times.put(district, when);
    }
    return book;
  }
}
