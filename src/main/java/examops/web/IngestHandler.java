package examops.web;

import examops.access.AccessPolicy;
import examops.access.Principal;
import examops.board.Audience;
import examops.board.Board;
import examops.board.Change;
import examops.board.Section;
import examops.board.ReferenceCheck;
import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventType;
import examops.event.EventValidator;
import examops.event.ReservedIds;
import examops.event.StrictJson;
import examops.event.Validation;
import examops.incident.IncidentAction;
import examops.kafka.EventLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest API: validate, append to Kafka, and answer 202 with the event id only once Kafka has
 * acknowledged the write. A retry with an id already applied is answered 202 again and written no
 * second time; if Kafka cannot take the write the answer is 503 with Retry-After.
 */
final class IngestHandler {

  /** The envelope's limit on {@code source} (kafka/schemas/envelope.json). */
  static final int MAX_SOURCE_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private final EventValidator validator;
  private final ReferenceCheck references;
  private final EventLog log;
  private final Board board;
  private final Stats stats;
  private final Vertx vertx;
  private final RecentWrites recentWrites = new RecentWrites();
  static final int READ_BACK_TRIES = 20;
  static final long READ_BACK_EVERY_MS = 50;

  IngestHandler(Vertx vertx, EventValidator validator, ReferenceCheck references, EventLog log, Board board, Stats stats) {
    this.vertx = vertx;
    this.validator = validator;
    this.references = references;
    this.log = log;
    this.board = board;
    this.stats = stats;
  }

  /** {@code POST /api/v1/monitoring}, {@code /checkins}, {@code /publishing}, {@code /incidents}. */
  void ingest(RoutingContext ctx, EventType expected) {
    envelope(ctx, expected).filter(json -> authorized(ctx, json, expected)).ifPresent(json -> accept(ctx, json));
  }

  /** {@code POST /api/v1/incidents/{id}/{action}}. */
  void incidentAction(RoutingContext ctx) {
    Optional<IncidentAction> action = IncidentAction.fromWireName(ctx.pathParam("action"))
        .filter(a -> a != IncidentAction.REPORT);
    if (action.isEmpty()) {
      reject(ctx, 404, "action", "unknown incident action '" + ctx.pathParam("action")
          + "'; one of acknowledge, assign, update, escalate, resolve, reopen");
      return;
    }
    pathAction(ctx, action.get().eventType(), "incidentId");
  }

  /** {@code POST /api/v1/alerts/{id}/acknowledge}: silences an active alert for everyone. */
  void acknowledgeAlert(RoutingContext ctx) {
    pathAction(ctx, EventType.ALERT_ACKNOWLEDGED, "alertId");
  }

  /** An action on the entity the path names; the body (an envelope) is optional. */
  private void pathAction(RoutingContext ctx, EventType type, String idField) {
    JsonObject json;
    Buffer body = ctx.body().buffer();
    if (body != null && body.length() > 0) {
      Optional<JsonObject> parsed = envelope(ctx, type);
      if (parsed.isEmpty()) return;
      json = parsed.get();
    } else {
      json = new JsonObject().put("type", type.wireName()).put("id", UUID.randomUUID().toString())
          .put("at", now()).put("data", new JsonObject());
    }
    if (!(json.getValue("data") instanceof JsonObject data)) {
      reject(ctx, 400, "data", "must be a JSON object");
      return;
    }
    String pathId = ctx.pathParam("id");
    if (data.containsKey(idField) && !pathId.equals(data.getValue(idField))) {
      reject(ctx, 400, "data." + idField, "names " + data.getValue(idField) + " but the path names " + pathId);
      return;
    }
    data.put(idField, pathId);
    if (authorized(ctx, json, type)) accept(ctx, json);
  }

  /** {@code POST /api/v1/maintenance/{id}/end}: ends an ad-hoc (or planned) maintenance window now. */
  void endMaintenance(RoutingContext ctx) {
    pathAction(ctx, EventType.MAINTENANCE_ENDED, "windowId");
  }

  /**
   * Whether these credentials may write this event (403 when not). The district comes from a
   * district unit's credentials (a body naming another is refused), and {@code source} always
   * from the credentials: the log records who did it, whatever the body says.
   */
  private boolean authorized(RoutingContext ctx, JsonObject json, EventType type) {
    Object claimed = json.getValue("source");
    if (claimed != null && !(claimed instanceof String c && !c.isEmpty() && c.length() <= MAX_SOURCE_LENGTH)) {
      // Replaced below by the credentials' name, but a body that breaks the envelope is refused, not repaired.
      reject(ctx, 400, "source", "must be a string of 1 to " + MAX_SOURCE_LENGTH + " characters (the credentials' name is recorded in its place)");
      return false;
    }
    Principal p = Authenticator.principal(ctx);
    Object data = json.getValue("data");
    Optional<String> refusal = AccessPolicy.writeRefusal(p, type, data instanceof JsonObject d ? d : null);
    if (refusal.isPresent()) {
      reject(ctx, 403, "", refusal.get());
      return false;
    }
    Object named = json.getValue("district");
    AccessPolicy.DistrictDecision d = AccessPolicy.district(p, named == null ? null : String.valueOf(named));
    if (d.refusal() != null) {
      reject(ctx, 403, "district", d.refusal());
      return false;
    }
    if (d.district() != null) json.put("district", d.district());
    json.put("source", p.source());
    return true;
  }

  /** What the board holds about an incident, as far as access decisions go; null fields when it is absent. */
  private record IncidentFacts(boolean exists, String district, boolean needToKnow) {}

  private Future<IncidentFacts> incidentFacts(String id) {
    return board.read(s -> s.incidents().get(id)
        .map(i -> new IncidentFacts(true, i.district(), board.view().needToKnow(s, new Change(Section.INCIDENTS, id))))
        .orElse(new IncidentFacts(false, null, false)));
  }

  /**
   * Incident events from credentials that do not see everything: an incident they may not read is
   * answered as absent (404, the same body), or, for a report under its id, refused without showing
   * it; a district unit acts on its own district's incidents only (403). Refusals that pass show the
   * incident as it stands, which these credentials may read.
   */
  private Future<Boolean> checkIncident(RoutingContext ctx, Event e, Optional<Board.Refusal> refusal) {
    Principal p = Authenticator.principal(ctx);
    if (p.audience() == Audience.FULL || e.type().stream() != EventType.Stream.INCIDENTS) return Future.succeededFuture(answer(ctx, refusal));
    String id = e.data().getString("incidentId");
    return incidentFacts(id).map(facts -> {
      if (facts.exists() && !AccessPolicy.mayRead(p, facts.needToKnow())) {
        Board.Refusal hidden = e.type() == EventType.INCIDENT_REPORTED
            ? new Board.Refusal(409, "incident id \"" + id + "\" is already in use; report under another id", null)
            : new Board.Refusal(404, "no incident \"" + id + "\"", null);
        return answer(ctx, Optional.of(hidden));
      }
      if (facts.exists() && e.type() != EventType.INCIDENT_REPORTED) {
        Optional<String> notOwn = AccessPolicy.incidentRefusal(p, id, facts.district());
        if (notOwn.isPresent()) {
          reject(ctx, 403, "incidentId", notOwn.get());
          return false;
        }
      }
      return answer(ctx, refusal);
    });
  }

  /** Parses the body and fills what ingest supplies (type, id, at); empty when already answered. */
  private Optional<JsonObject> envelope(RoutingContext ctx, EventType expected) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      reject(ctx, 400, "", "empty body: expected a JSON event envelope");
      return Optional.empty();
    }
    Object parsed;
    try {
      parsed = StrictJson.parse(body);
    } catch (DecodeException e) {
      reject(ctx, 400, "", "body is not valid JSON: " + e.getMessage());
      return Optional.empty();
    }
    if (!(parsed instanceof JsonObject json)) {
      reject(ctx, 400, "", "body must be a JSON object (the event envelope)");
      return Optional.empty();
    }
    Object type = json.getValue("type");
    if (type == null) {
      json.put("type", expected.wireName());
    } else if (!expected.wireName().equals(type)) {
      reject(ctx, 400, "type", "this endpoint takes " + expected.wireName() + ", not " + type);
      return Optional.empty();
    }
    if (json.getValue("id") == null) json.put("id", UUID.randomUUID().toString());
    Optional<String> reserved = json.getValue("id") instanceof String id ? ReservedIds.refusal(id) : Optional.empty();
    if (reserved.isPresent()) {
      reject(ctx, 400, "id", reserved.get());
      return Optional.empty();
    }
    if (json.getValue("at") == null) json.put("at", now());
    if (json.getValue("data") == null) json.put("data", new JsonObject());
    json.remove("receivedAt"); // ExamOps' own stamp, never the sender's
    return Optional.of(json);
  }

  private void accept(RoutingContext ctx, JsonObject json) {
    Validation v = validator.validate(json, board.clock().instant());
    if (v instanceof Validation.Invalid bad) {
      reject(ctx, 400, bad.field(), bad.message());
      return;
    }
    Event e = ((Validation.Valid) v).event();
    Optional<PlausibleInput.Problem> implausible = PlausibleInput.check(e, board.clock().instant(), board.province().window());
    if (implausible.isPresent()) {
      reject(ctx, 400, implausible.get().field(), implausible.get().field() + " " + implausible.get().message());
      return;
    }
    Optional<String> unknown = references.problem(e);
    if (unknown.isPresent()) {
      String msg = unknown.get();
      reject(ctx, 422, msg.substring(0, Math.max(0, msg.indexOf(':'))), msg);
      return;
    }
    // Who may touch the entity first (so that nothing below tells a caller about what it may not read),
    // then retries, then the entity's own rules.
    checkIncident(ctx, e, Optional.empty())
        .compose(allowed -> !allowed ? Future.<Event>succeededFuture(null) : board.sameAsSeen(e)
            .compose(seen -> seen.isPresent() ? retried(ctx, e, seen.get()) : settledRefusal(e, READ_BACK_TRIES)
                .compose(refusal -> checkIncident(ctx, e, refusal))
                .compose(ok -> ok ? append(e) : Future.succeededFuture(null))))
        .onSuccess(accepted -> {
          if (accepted == null) return;
          recentWrites.wrote(e.topic() + "/" + e.key());
          stats.accepted(e.type().stream().name().toLowerCase());
          ctx.response().setStatusCode(202).putHeader("content-type", "application/json; charset=utf-8")
              .end(new JsonObject().put("id", e.id()).encode());
        })
        .onFailure(err -> {
          LOG.warn("Kafka did not acknowledge event {} ({}): {}", e.id(), e.type().wireName(), err.toString());
          stats.rejected(503);
          ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
          Problem.send(ctx, 503, "the event log did not confirm the write in time; retry the same request with the same id (a retry is never applied twice)");
        });
  }

  /**
   * An id this entity has applied already: the same event again is a retry, accepted again without a
   * second write; another event under the same id is refused, since it would be ignored.
   */
  private Future<Event> retried(RoutingContext ctx, Event e, boolean same) {
    if (same) return Future.succeededFuture(e);
    reject(ctx, 409, "id", "id \"" + e.id() + "\" was already used for a different event; send a new id");
    return Future.succeededFuture(null);
  }

  /**
   * The exam clock's time (the rehearsal clock in a drill), so that receipt times, delays and ages
   * all run on the same clock as the board.
   */
  private String now() {
    return EventCodec.iso(OffsetDateTime.ofInstant(board.clock().instant(), board.zone()));
  }

  private Future<Event> append(Event e) {
    long t0 = System.nanoTime();
    return log.append(e).map(md -> {
      stats.ingestWrite().record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
      return e;
    });
  }

  /** Answers the refusal (409, or 404 for an absent entity) and returns false, or returns true when there is none. */
  private boolean answer(RoutingContext ctx, Optional<Board.Refusal> refusal) {
    if (refusal.isEmpty()) return true;
    Board.Refusal r = refusal.get();
    stats.rejected(r.status());
    JsonObject body = new JsonObject().put("error", r.message()).put("status", r.status());
    if (r.current() != null) body.put("current", r.current());
    ctx.response().setStatusCode(r.status()).putHeader("content-type", "application/json; charset=utf-8").end(body.encode());
    return false;
  }

  /**
   * The board's refusal, checked again for a short while when this node has just acknowledged an
   * event for the same entity that the board may not have read back yet (read your own writes).
   */
  private Future<Optional<Board.Refusal>> settledRefusal(Event e, int triesLeft) {
    return board.refusal(e).compose(refusal -> {
      if (refusal.isEmpty() || triesLeft == 0 || !recentWrites.recent(e.topic() + "/" + e.key())) {
        return Future.succeededFuture(refusal);
      }
      return vertx.timer(READ_BACK_EVERY_MS).compose(v -> settledRefusal(e, triesLeft - 1));
    });
  }

  private void reject(RoutingContext ctx, int status, String field, String message) {
    stats.rejected(status);
    Problem.send(ctx, status, field, message);
  }
}
