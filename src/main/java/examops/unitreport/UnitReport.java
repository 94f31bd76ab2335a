package examops.unitreport;

import examops.event.Event;
import examops.event.Payload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a unit's end-of-window report: what it did, its incidents, the figures it vouches
 * for and links to its attachments. An amendment is a new version; the latest is the report.
 *
 * @param submittedAt when the unit says it submitted it, never later than its receipt
 * @param by who sent it (the event's source: the credentials, never the body)
 * @param author the name the unit typed, or null
 */
public record UnitReport(String id, String unit, int version, Instant submittedAt, Instant receivedAt, String by,
    String author, String summary, String incidents, List<Figure> figures, List<Attachment> attachments) {

  /** A figure the unit vouches for, e.g. "Số lần mất kết nối: 0". */
  public record Figure(String label, String value) {}

  /** A link to a document the unit attaches (http or https). */
  public record Attachment(String title, String url) {}

  public UnitReport {
    figures = List.copyOf(figures);
    attachments = List.copyOf(attachments);
  }

  /** The report an event carries, as the unit's {@code version}-th. */
  static UnitReport from(Event e, int version) {
    Payload.UnitReportSubmitted d = e.as(Payload.UnitReportSubmitted.class);
    List<Figure> figures = d.figures().stream().map(f -> new Figure(f.label(), f.value())).toList();
    List<Attachment> attachments = d.attachments().stream().map(a -> new Attachment(a.title(), a.url())).toList();
    Instant at = e.atInstant().isAfter(e.receivedAt()) ? e.receivedAt() : e.atInstant();
    return new UnitReport(e.id(), d.unit(), version, at, e.receivedAt(), e.source(), d.by(), d.summary(), d.incidents(), figures,
        attachments);
  }

  /** The report as the board, the report and a checkpoint show it. */
  public JsonObject toJson() {
    JsonArray figs = new JsonArray();
    figures.forEach(x -> figs.add(new JsonObject().put("label", x.label()).put("value", x.value())));
    JsonArray atts = new JsonArray();
    attachments.forEach(x -> atts.add(new JsonObject().put("title", x.title()).put("url", x.url())));
    return new JsonObject().put("id", id).put("unit", unit).put("version", version)
        .put("submittedAt", submittedAt.toString()).put("receivedAt", receivedAt.toString()).put("by", by)
        .put("author", author).put("summary", summary).put("incidents", incidents)
        .put("figures", figs).put("attachments", atts);
  }

  static UnitReport fromJson(JsonObject j) {
    List<Figure> figures = new ArrayList<>();
    j.getJsonArray("figures").forEach(o -> figures.add(new Figure(((JsonObject) o).getString("label"), ((JsonObject) o).getString("value"))));
    List<Attachment> attachments = new ArrayList<>();
    j.getJsonArray("attachments").forEach(o -> attachments.add(new Attachment(((JsonObject) o).getString("title"), ((JsonObject) o).getString("url"))));
    return new UnitReport(j.getString("id"), j.getString("unit"), j.getInteger("version"), Instant.parse(j.getString("submittedAt")),
        Instant.parse(j.getString("receivedAt")), j.getString("by"), j.getString("author"), j.getString("summary"),
        j.getString("incidents"), figures, attachments);
  }
}
