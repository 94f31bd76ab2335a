package examops.checkin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
  /** The total order "latest" means: when it counts, then when it was received, then the event id to break ties. */
  static final Comparator<CheckIn> ORDER = Comparator.comparing(CheckIn::countsAt).thenComparing(CheckIn::receivedAt)
      .thenComparing(CheckIn::eventId);

  private final Map<String, TreeSet<CheckIn>> latest = new HashMap<>();
  private final Map<String, List<Instant>> times = new HashMap<>();

  /** Records a check-in. */
  public void record(CheckIn c) {
    TreeSet<CheckIn> kept = latest.computeIfAbsent(c.district(), k -> new TreeSet<>(ORDER));
    kept.add(c);
    if (kept.size() > HISTORY) kept.pollFirst();
    List<Instant> when = times.computeIfAbsent(c.district(), k -> new ArrayList<>());
    Instant t = c.countsAt();
    if (when.isEmpty() || !t.isBefore(when.get(when.size() - 1))) {
      when.add(t);
    } else {
      int i = java.util.Collections.binarySearch(when, t); // a straggler: kept in time order as it comes
      when.add(i >= 0 ? i : -i - 1, t);
    }
  }

  public Optional<CheckIn> latest(String district) {
    TreeSet<CheckIn> kept = latest.get(district);
    return kept == null || kept.isEmpty() ? Optional.empty() : Optional.of(kept.last());
  }

  /** The latest check-ins, newest first. */
  public List<CheckIn> history(String district) {
    TreeSet<CheckIn> kept = latest.get(district);
    return kept == null ? List.of() : List.copyOf(kept.descendingSet());
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
      d.getValue().forEach(c -> kept.add(c.toJson().put("district", c.district())));
      out.put(d.getKey(), new JsonObject().put("latest", kept).put("times", InstantList.save(times.getOrDefault(d.getKey(), List.of()))));
    }
    return out;
  }

  /** A book as {@link #save()} wrote it. */
  public static CheckInBook restore(JsonObject saved) {
    CheckInBook book = new CheckInBook();
    for (String district : saved.fieldNames()) {
      JsonObject d = saved.getJsonObject(district);
      TreeSet<CheckIn> kept = new TreeSet<>(ORDER);
      for (Object o : d.getJsonArray("latest")) kept.add(CheckIn.fromJson((JsonObject) o));
      book.latest.put(district, kept);
      book.times.put(district, InstantList.restore(d.getJsonObject("times")));
    }
    return book;
  }
}
