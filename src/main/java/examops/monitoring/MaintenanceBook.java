package examops.monitoring;

import examops.event.Event;
import examops.event.Payload;
import examops.province.LocalizedText;
import examops.province.MaintenanceWindow;
import examops.province.Province;
import examops.vocabulary.Refusal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maintenance windows: the planned ones from the province data and the ad-hoc ones the command
 * center declares (with a reason) and ends. A target inside a window raises no down alert, and its
 * time is reported apart from outages.
 */
public final class MaintenanceBook implements MaintenanceWindows {

  /** One window and who declared it (null for a planned one). */
  public record Window(MaintenanceWindow window, String declaredBy, boolean planned) {}

  /** By id: the same order however the declarations' events were interleaved with others. */
  private final Map<String, Window> windows = new TreeMap<>();

  public MaintenanceBook(Province province) {
    province.maintenance().forEach(m -> windows.put(m.id(), new Window(m, null, true)));
  }

  /** The windows declared or changed since the province data, as saved in a checkpoint. */
  public JsonArray save() {
    JsonArray out = new JsonArray();
    windows.values().forEach(w -> out.add(toJson(w)));
    return out;
  }

  /** A book as {@link #save()} wrote it. */
  public static MaintenanceBook restore(Province province, JsonArray saved) {
    MaintenanceBook book = new MaintenanceBook(province);
    book.windows.clear();
    for (Object o : saved) {
      JsonObject j = (JsonObject) o;
      JsonObject reason = j.getJsonObject("reason");
      MaintenanceWindow m = new MaintenanceWindow(j.getString("id"), j.getJsonArray("targets").stream().map(String::valueOf).toList(),
          Instant.parse(j.getString("from")), Instant.parse(j.getString("to")),
          new LocalizedText(reason.getString("vi"), reason.getString("en")));
      book.windows.put(m.id(), new Window(m, j.getString("declaredBy"), j.getBoolean("planned")));
    }
    return book;
  }

  /** Why this declaration or ending may not happen (no such window, or one its state refuses), or empty. */
  public Optional<Refusal> refusal(Event e) {
    String id = e.as(Payload.OfMaintenance.class).windowId();
    Window w = windows.get(id);
    if (e.payload() instanceof Payload.MaintenanceDeclared declared) {
      if (w != null) return Optional.of(Refusal.conflict("maintenance window \"" + id + "\" already exists"));
      Instant from = from(e, declared);
      Instant to = declared.to().toInstant();
      return to.isAfter(from) ? Optional.empty() : Optional.of(Refusal.conflict("data.to: the window must end after it starts (" + from + ")"));
    }
    if (w == null) return Optional.of(Refusal.absent("no maintenance window \"" + id + "\""));
    if (!w.window().to().isAfter(e.atInstant())) return Optional.of(Refusal.conflict("maintenance window \"" + id + "\" has already ended"));
    return Optional.empty();
  }

  public boolean apply(Event e) {
    if (refusal(e).isPresent()) return false;
    String id = e.as(Payload.OfMaintenance.class).windowId();
    if (e.payload() instanceof Payload.MaintenanceDeclared d) {
      windows.put(id, new Window(new MaintenanceWindow(id, d.targets(), from(e, d), d.to().toInstant(), LocalizedText.of(d.reason())),
          d.by() == null ? e.source() : d.by(), false));
    } else {
      Window w = windows.get(id);
      MaintenanceWindow m = w.window();
      Instant end = e.atInstant().isBefore(m.from()) ? m.from() : e.atInstant();
      windows.put(id, new Window(new MaintenanceWindow(id, m.targets(), m.from(), end, m.reason()), w.declaredBy(), w.planned()));
    }
    return true;
  }

  private static Instant from(Event e, Payload.MaintenanceDeclared d) {
    return d.from() == null ? e.atInstant() : d.from().toInstant();
  }

  /** The windows covering a target at an instant. */
  public List<MaintenanceWindow> covering(String targetId, Instant t) {
    List<MaintenanceWindow> out = new ArrayList<>();
    for (Window w : windows.values()) if (w.window().covers(targetId, t)) out.add(w.window());
    return out;
  }

  public List<Window> all() {
    return List.copyOf(windows.values());
  }

  public Optional<Window> get(String id) {
    return Optional.ofNullable(windows.get(id));
  }

  public static JsonObject toJson(Window w) {
    MaintenanceWindow m = w.window();
    return new JsonObject().put("id", m.id()).put("targets", new JsonArray(m.targets()))
        .put("from", m.from().toString()).put("to", m.to().toString())
        .put("reason", new JsonObject().put("vi", m.reason().vi()).put("en", m.reason().en()))
        .put("planned", w.planned()).put("declaredBy", w.declaredBy());
  }
}
