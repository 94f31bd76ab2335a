package examops.admission;

import examops.access.AccessPolicy;
import examops.access.Principal;
import examops.admission.Verdict.Reason;
import examops.board.Board;
import examops.board.ReferenceCheck;
import examops.event.Event;
import examops.event.EventType;
import examops.event.Payload;
import examops.vocabulary.Audience;
import examops.vocabulary.Refusal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * Whether a valid event may be written now, decided beside the board: is it plausible, does what it
 * names exist, may these credentials touch its entity, is it a retry, does the entity's lifecycle
 * allow it. Who may touch the entity is checked first, so that nothing after it tells a sender about
 * an entity it may not read. The answer is a {@link Verdict}; turning it into HTTP is the web's job.
 */
public final class Admission {

  /** How often, and how far apart, a refusal is checked again for an entity this node has just written. */
  static final int READ_BACK_TRIES = 20;
  static final long READ_BACK_EVERY_MS = 50;

  private final Vertx vertx;
  private final Board board;
  private final ReferenceCheck references;
  private final RecentWrites recentWrites = new RecentWrites();

  public Admission(Vertx vertx, Board board, ReferenceCheck references) {
    this.vertx = vertx;
    this.board = board;
    this.references = references;
  }

  /** Judges an event that passed the schemas, sent with these credentials. */
  public Future<Verdict> judge(Event e, Principal sender) {
    Optional<PlausibleInput.Problem> implausible = PlausibleInput.check(e, board.clock().instant(), board.province().window());
    if (implausible.isPresent()) {
      PlausibleInput.Problem p = implausible.get();
      return Future.succeededFuture(Verdict.Refuse.of(Reason.IMPLAUSIBLE, p.field(), p.field() + " " + p.message()));
    }
    if (e.type() == EventType.UNIT_REPORT_SUBMITTED) {
      Optional<examops.unitreport.UnitReportInput.Problem> bad = examops.unitreport.UnitReportInput.check(e);
      if (bad.isPresent()) return Future.succeededFuture(Verdict.Refuse.of(Reason.IMPLAUSIBLE, bad.get().field(), bad.get().message()));
    }
    Optional<ReferenceCheck.Unknown> unknown = references.unknown(e);
    if (unknown.isPresent()) {
      return Future.succeededFuture(Verdict.Refuse.of(Reason.UNKNOWN_REFERENCE, unknown.get().field(), unknown.get().message()));
    }
    return entityAccess(e, sender, Optional.empty()).compose(denied -> denied.isPresent()
        ? Future.succeededFuture(denied.get())
        : board.sameAsSeen(e).compose(seen -> seen.isPresent() ? Future.succeededFuture(retried(e, seen.get()))
            : settledRefusal(e, READ_BACK_TRIES).compose(refused -> entityAccess(e, sender, refused))
                .map(denied2 -> denied2.orElse(new Verdict.Admit(e)))));
  }

  /** The log acknowledged this event: for a moment, a refusal about its entity may be the board not having read it yet. */
  public void written(Event e) {
    recentWrites.wrote(entity(e));
  }

  /**
   * An id this entity has applied already: the same event again is a retry, accepted again without a
   * second write; another event under the same id is refused, since it would be ignored.
   */
  private static Verdict retried(Event e, boolean same) {
    return same ? new Verdict.Repeat(e)
        : Verdict.Refuse.of(Reason.CONFLICT, "id", "id \"" + e.id() + "\" was already used for a different event; send a new id");
  }

  /**
   * The refusal to answer, given the board's own ({@code refused}, empty before it is asked): for
   * credentials that do not see everything, an incident they may not read is answered as absent (or,
   * for a report under its id, refused without showing it), and a district unit acts on its own
   * district's incidents only. The board's refusal shows the incident as it stands, which these
   * credentials may then read.
   */
  private Future<Optional<Verdict>> entityAccess(Event e, Principal sender, Optional<Board.Refused> refused) {
    if (sender.audience() == Audience.FULL || e.type().stream() != EventType.Stream.INCIDENTS) {
      return Future.succeededFuture(refused.map(Admission::refusal));
    }
    String id = e.as(Payload.OfIncident.class).incidentId();
    return board.incidentOwner(id).map(owner -> {
      if (owner.isPresent() && !AccessPolicy.mayRead(sender, owner.get().needToKnow())) {
        return Optional.<Verdict>of(e.type() == EventType.INCIDENT_REPORTED
            ? Verdict.Refuse.of(Reason.CONFLICT, null, "incident id \"" + id + "\" is already in use; report under another id")
            : Verdict.Refuse.of(Reason.ABSENT, null, "no incident \"" + id + "\""));
      }
      if (owner.isPresent() && e.type() != EventType.INCIDENT_REPORTED) {
        Optional<String> notOwn = AccessPolicy.incidentRefusal(sender, id, owner.get().district());
        if (notOwn.isPresent()) return Optional.<Verdict>of(Verdict.Refuse.of(Reason.FORBIDDEN, "incidentId", notOwn.get()));
      }
      return refused.map(Admission::refusal);
    });
  }

  private static Verdict refusal(Board.Refused r) {
    Reason reason = r.why().kind() == Refusal.Kind.ABSENT ? Reason.ABSENT : Reason.CONFLICT;
    return new Verdict.Refuse(reason, null, r.why().message(), r.current());
  }

  /**
   * The board's refusal, checked again for a short while when this node has just acknowledged an
   * event for the same entity that the board may not have read back yet (read your own writes).
   */
  private Future<Optional<Board.Refused>> settledRefusal(Event e, int triesLeft) {
    return board.refusal(e).compose(refused -> {
      if (refused.isEmpty() || triesLeft == 0 || !recentWrites.recent(entity(e))) return Future.succeededFuture(refused);
      return vertx.timer(READ_BACK_EVERY_MS).compose(v -> settledRefusal(e, triesLeft - 1));
    });
  }

  private static String entity(Event e) {
    return e.topic() + "/" + e.key();
  }
}
