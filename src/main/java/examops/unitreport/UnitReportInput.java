package examops.unitreport;

import examops.event.Event;
import examops.event.Payload;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * What the schema cannot say about a unit report: a summary of more than blanks, figures with
 * content, and attachment links that are real http(s) addresses with a host and no password in
 * them (a link is shown to the command center and printed in the report).
 */
public final class UnitReportInput {

  /** A field at fault and why; the message starts with the field. */
  public record Problem(String field, String message) {}

  private UnitReportInput() {}

  public static Optional<Problem> check(Event e) {
    Payload.UnitReportSubmitted d = e.as(Payload.UnitReportSubmitted.class);
    if (d.summary() == null || d.summary().isBlank()) return problem("data.summary", "must say what the unit did (it is blank)");
    List<Payload.UnitReportSubmitted.Figure> figures = d.figures();
    for (int i = 0; i < figures.size(); i++) {
      if (figures.get(i).label().isBlank()) return problem("data.figures." + i + ".label", "is blank");
      if (figures.get(i).value().isBlank()) return problem("data.figures." + i + ".value", "is blank");
    }
    List<Payload.UnitReportSubmitted.Attachment> attachments = d.attachments();
    for (int i = 0; i < attachments.size(); i++) {
      String field = "data.attachments." + i + ".url";
      Optional<String> why = linkProblem(attachments.get(i).url());
      if (why.isPresent()) return problem(field, why.get());
    }
    return Optional.empty();
  }

  /** Why a link is not an http(s) address, or empty when it is one. */
  static Optional<String> linkProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException ex) {
      return Optional.of("is not a valid address (" + ex.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) return Optional.of("must start with http:// or https://");
    if (uri.getHost() == null || uri.getHost().isBlank()) return Optional.of("has no host name");
    if (uri.getRawUserInfo() != null) return Optional.of("must not carry a user name or password");
    return Optional.empty();
  }

  private static Optional<Problem> problem(String field, String what) {
    return Optional.of(new Problem(field, field + " " + what));
  }
}
