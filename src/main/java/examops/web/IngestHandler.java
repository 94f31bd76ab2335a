package examops.web;

import examops.access.AccessPolicy;
import examops.access.Principal;
import examops.admission.Admission;
import examops.admission.Verdict;
import examops.board.Board;
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
 * The ingest API: parse the envelope, check the credentials and the schemas, ask {@link Admission}
 * for its verdict, append to Kafka, and answer 202 with the event id only once Kafka has
 * acknowledged the write. What may be written is the verdict's to say; this class only turns it
 * into HTTP. A retry with an id already applied is answered 202 again and written no second time;
 * if Kafka cannot take the write the answer is 503 with Retry-After.
 */
final class IngestHandler {

  /** The envelope's limit on {@code source} (kafka/schemas/envelope.json). */
  static final int MAX_SOURCE_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private final EventValidator validator;
  private final Admission admission;
  private final EventLog log;
  private final Board board;
  private final Stats stats;

  IngestHandler(Vertx vertx, EventValidator validator, ReferenceCheck references, EventLog log, Board board, Stats stats) {
    this.validator = validator;
    this.admission = new Admission(vertx, board, references);
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
    if (p.siteScoped() && data instanceof JsonObject body) {
      Object namedSite = body.getValue("site");
      AccessPolicy.SiteDecision s = AccessPolicy.site(p, namedSite == null ? null : String.valueOf(namedSite));
      if (s.refusal() != null) {
        reject(ctx, 403, "data.site", s.refusal());
        return false;
      }
      body.put("site", s.site());
    }
    json.put("source", p.source());
    return true;
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
    admission.judge(e, Authenticator.principal(ctx)).onComplete(judged -> {
      if (judged.failed()) {
        LOG.error("Could not judge event {} ({}) against the board", e.id(), e.type().wireName(), judged.cause());
        reject(ctx, 500, "", "the event could not be checked against the board; retry the same request with the same id");
        return;
      }
      Verdict verdict = judged.result();
      if (verdict instanceof Verdict.Admit admit) write(ctx, admit.event());
      else if (verdict instanceof Verdict.Repeat repeat) accepted(ctx, repeat.event());
      else refused(ctx, (Verdict.Refuse) verdict);
    });
  }

  /** Appends to the log and answers 202 once Kafka acknowledged it, or 503 with Retry-After when it did not. */
  private void write(RoutingContext ctx, Event e) {
    long t0 = System.nanoTime();
    log.append(e).onSuccess(md -> {
      stats.ingestWrite().record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
      admission.written(e);
      accepted(ctx, e);
    }).onFailure(err -> {
      LOG.warn("Kafka did not acknowledge event {} ({}): {}", e.id(), e.type().wireName(), err.toString());
      stats.rejected(503);
      ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      Problem.send(ctx, 503, "the event log did not confirm the write in time; retry the same request with the same id (a retry is never applied twice)");
    });
  }

  private void accepted(RoutingContext ctx, Event e) {
    stats.accepted(e.type().stream().name().toLowerCase());
    ctx.response().setStatusCode(202).putHeader("content-type", "application/json; charset=utf-8")
        .end(new JsonObject().put("id", e.id()).encode());
  }

  /** A refusal as HTTP: the status its reason calls for, the message, the field at fault, the entity as it stands. */
  private void refused(RoutingContext ctx, Verdict.Refuse r) {
    int status = switch (r.reason()) {
      case IMPLAUSIBLE -> 400;
      case FORBIDDEN -> 403;
      case ABSENT -> 404;
      case CONFLICT -> 409;
      case UNKNOWN_REFERENCE -> 422;
    };
    stats.rejected(status);
    Problem.send(ctx, status, r.field(), r.message(), r.current());
  }

  /**
   * The exam clock's time (the rehearsal clock in a drill), so that receipt times, delays and ages
   * all run on the same clock as the board.
   */
  private String now() {
    return EventCodec.iso(OffsetDateTime.ofInstant(board.clock().instant(), board.zone()));
  }

  private void reject(RoutingContext ctx, int status, String field, String message) {
    stats.rejected(status);
    Problem.send(ctx, status, field, message);
  }
}
