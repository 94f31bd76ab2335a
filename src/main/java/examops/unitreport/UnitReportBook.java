package examops.unitreport;

import examops.event.Event;
import examops.event.Payload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every unit's end-of-window report with its amendments. A unit's reports share one record key
 * ({@code report:<unit>}), so they are read in one order everywhere: the latest read is the report,
 * the earlier ones its history. Retries are the board's id memory's to drop.
 */
public final class UnitReportBook implements UnitReports {

  /** Versions kept per unit; a unit amending more often than this keeps its first and latest ones. */
  static final int MAX_VERSIONS = 50;

  private final Map<String, List<UnitReport>> byUnit = new TreeMap<>();
  /** Versions dropped per unit past {@link #MAX_VERSIONS} (so version numbers stay those of the log). */
  private final Map<String, Integer> dropped = new TreeMap<>();

  /** The Kafka record key of a unit's reports. */
  public static String key(String unit) {
    return "report:" + unit;
  }

  /** Applies a unitreport.submitted: a new version of the unit's report. */
  public void apply(Event e) {
    String unit = e.as(Payload.UnitReportSubmitted.class).unit();
    List<UnitReport> versions = byUnit.computeIfAbsent(unit, k -> new ArrayList<>());
    int version = versions.size() + dropped.getOrDefault(unit, 0) + 1;
    versions.add(UnitReport.from(e, version));
    if (versions.size() > MAX_VERSIONS) {
      versions.remove(1);
      dropped.merge(unit, 1, Integer::sum);
    }
  }

  /** The unit's report as it stands (its latest version). */
  public Optional<UnitReport> latest(String unit) {
    List<UnitReport> v = byUnit.get(unit);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** The unit's first version: when it first submitted (lateness is judged on it). */
  public Optional<UnitReport> first(String unit) {
    List<UnitReport> v = byUnit.get(unit);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Every version kept, oldest first. */
  public List<UnitReport> history(String unit) {
    return List.copyOf(byUnit.getOrDefault(unit, List.of()));
  }

  public JsonObject save() {
    JsonObject units = new JsonObject();
    byUnit.forEach((unit, versions) -> {
      JsonArray a = new JsonArray();
      versions.forEach(r -> a.add(r.toJson()));
      units.put(unit, new JsonObject().put("versions", a).put("dropped", dropped.getOrDefault(unit, 0)));
    });
    return units;
  }

  public static UnitReportBook restore(JsonObject saved) {
    UnitReportBook book = new UnitReportBook();
    if (saved == null) return book;
    saved.forEach(entry -> {
      JsonObject u = (JsonObject) entry.getValue();
      List<UnitReport> versions = new ArrayList<>();
      u.getJsonArray("versions").forEach(o -> versions.add(UnitReport.fromJson((JsonObject) o)));
      book.byUnit.put(entry.getKey(), versions);
      int d = u.getInteger("dropped", 0);
      if (d > 0) book.dropped.put(entry.getKey(), d);
    });
    return book;
  }
}
