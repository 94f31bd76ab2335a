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
 * they were read in: the latest are the greatest by (time it counts for, event id).
 */
public final class CheckInBook {

  static final int HISTORY = 10;
  /** The total order "latest" means: when it counts, then the event id to break ties. */
  static final Comparator<CheckIn> ORDER = Comparator.comparing(CheckIn::countsAt).thenComparing(CheckIn::eventId);

  private final Map<String, TreeSet<CheckIn>> latest = new HashMap<>();
  private final Map<String, List<Instant>> times = new HashMap<>();

  /** Records a check-in. */
  public void record(CheckIn c) {
    TreeSet<CheckIn> kept = latest.computeIfAbsent(c.district(), k -> new TreeSet<>(ORDER));
    kept.add(c);
    if (kept.size() > HISTORY) kept.pollFirst();
    times.computeIfAbsent(c.district(), k -> new ArrayList<>()).add(c.countsAt());
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
    List<Instant> out = new ArrayList<>(times.getOrDefault(district, List.of()));
    out.sort(null);
    return out;
  }

  /** The book as saved in a checkpoint. */
  public JsonObject save() {
    JsonObject out = new JsonObject();
    for (var d : latest.entrySet()) {
      JsonArray kept = new JsonArray();
      d.getValue().forEach(c -> kept.add(c.toJson().put("district", c.district())));
      JsonArray when = new JsonArray();
      times(d.getKey()).forEach(t -> when.add(t.toString()));
      out.put(d.getKey(), new JsonObject().put("latest", kept).put("times", when));
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
      List<Instant> when = new ArrayList<>();
      for (Object o : d.getJsonArray("times")) when.add(Instant.parse((String) o));
      book.times.put(district, when);
    }
    return book;
  }
}
