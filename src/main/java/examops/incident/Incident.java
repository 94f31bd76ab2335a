package examops.incident;

import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident's current state, folded from its events.
 *
 * @param district the district it happened in, or null for provincial incidents
 * @param site the exam site, or null
 * @param targets the monitored targets it affects
 * @param assignee who works on it, or null
 * @param acknowledgedAt the first acknowledgement (a reopen does not reset it)
 * @param awaitingSince when the current wait for acknowledgement began (report or reopen); null once
 *     acknowledged
 * @param resolvedAt the latest resolution, or null while open
 * @param escalations how many times it was escalated
 */
public record Incident(
    String id,
    String title,
    Severity severity,
    IncidentCategory category,
    String district,
    String site,
    List<String> targets,
    String reporter,
    IncidentState state,
    String assignee,
    Instant reportedAt,
    Instant acknowledgedAt,
    Instant awaitingSince,
    Instant resolvedAt,
    int escalations,
    Instant updatedAt) {

  public Incident {
    Objects.requireNonNull(id, "id");
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  public static Incident report(String id, String title, Severity severity, IncidentCategory category,
      String district, String site, List<String> targets, String reporter, Instant at) {
    return new Incident(id, title, severity, category, district, site, targets, reporter,
        IncidentState.REPORTED, null, at, null, at, null, 0, at);
  }

  /**
   * Applies an action (not {@code REPORT}: a reported incident exists already, so reporting it again
   * is rejected).
   *
   * @param assignee for ASSIGN, who takes it; ignored otherwise
   * @param severity for ESCALATE or UPDATE, a new severity, or null to keep it
   */
  public IncidentResult apply(IncidentAction action, Instant at, String assignee, Severity severity) {
    Optional<IncidentState> next = action == IncidentAction.REPORT ? Optional.empty()
        : IncidentTransitions.next(state, action);
    if (next.isEmpty()) return new IncidentResult.Rejected(id, state, action);
    if (action == IncidentAction.ASSIGN && (assignee == null || assignee.isBlank())) {
      throw new IllegalArgumentException("assign needs an assignee (validated at ingest)");
    }
    boolean acknowledges = next.get() == IncidentState.ACKNOWLEDGED || next.get() == IncidentState.ASSIGNED;
    return new IncidentResult.Applied(new Incident(
        id, title,
        severity != null && (action == IncidentAction.ESCALATE || action == IncidentAction.UPDATE) ? severity : this.severity,
        category, district, site, targets, reporter,
        next.get(),
        action == IncidentAction.ASSIGN ? assignee : this.assignee,
        reportedAt,
        acknowledgedAt == null && acknowledges ? at : acknowledgedAt,
        action == IncidentAction.REOPEN ? at : acknowledges ? null : awaitingSince,
        action == IncidentAction.RESOLVE ? at : action == IncidentAction.REOPEN ? null : resolvedAt,
        escalations + (action == IncidentAction.ESCALATE ? 1 : 0),
        at));
  }

  /** Every field, as a checkpoint keeps it. */
  public io.vertx.core.json.JsonObject save() {
    return new io.vertx.core.json.JsonObject().put("id", id).put("title", title).put("severity", severity.name())
        .put("category", category.name()).put("district", district).put("site", site)
        .put("targets", new io.vertx.core.json.JsonArray(targets)).put("reporter", reporter).put("state", state.name())
        .put("assignee", assignee).put("reportedAt", str(reportedAt)).put("acknowledgedAt", str(acknowledgedAt))
        .put("awaitingSince", str(awaitingSince)).put("resolvedAt", str(resolvedAt)).put("escalations", escalations)
        .put("updatedAt", str(updatedAt));
  }

  /** An incident as {@link #save()} wrote it. */
  public static Incident restore(io.vertx.core.json.JsonObject j) {
    return new Incident(j.getString("id"), j.getString("title"), Severity.valueOf(j.getString("severity")),
        IncidentCategory.valueOf(j.getString("category")), j.getString("district"), j.getString("site"),
        j.getJsonArray("targets").stream().map(String::valueOf).toList(), j.getString("reporter"),
        IncidentState.valueOf(j.getString("state")), j.getString("assignee"), instant(j.getString("reportedAt")),
        instant(j.getString("acknowledgedAt")), instant(j.getString("awaitingSince")), instant(j.getString("resolvedAt")),
        j.getInteger("escalations"), instant(j.getString("updatedAt")));
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  public boolean open() {
    return state != IncidentState.RESOLVED;
  }

  /** From the report to the first acknowledgement. */
  public Optional<Duration> timeToAcknowledge() {
    return Optional.ofNullable(acknowledgedAt).map(a -> Duration.between(reportedAt, a));
  }

  /** From the report to the resolution; empty while open (including after a reopen). */
  public Optional<Duration> timeToResolve() {
    return state == IncidentState.RESOLVED ? Optional.of(Duration.between(reportedAt, resolvedAt)) : Optional.empty();
  }

  /** How long it has waited for acknowledgement at {@code now}; empty when not waiting. */
  public Optional<Duration> unacknowledgedFor(Instant now) {
    return state == IncidentState.REPORTED ? Optional.of(Duration.between(awaitingSince, now)) : Optional.empty();
  }

  public Duration age(Instant now) {
    return Duration.between(reportedAt, open() ? now : resolvedAt);
  }
}
