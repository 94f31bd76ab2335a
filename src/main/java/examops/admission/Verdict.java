package examops.admission;

import examops.event.Event;
import io.vertx.core.json.JsonObject;

/** What admission decided about an event: write it, accept it again without writing, or refuse it. */
public sealed interface Verdict {

  /** New and allowed: write it to the log. */
  record Admit(Event event) implements Verdict {}

  /** This very event was applied already (a client's retry): accepted again, written no second time. */
  record Repeat(Event event) implements Verdict {}

  /**
   * Refused: why, the field at fault (null when the event as a whole is), a message for the sender,
   * and the entity as it stands when the sender may see it (else null).
   */
  record Refuse(Reason reason, String field, String message, JsonObject current) implements Verdict {

    static Refuse of(Reason reason, String field, String message) {
      return new Refuse(reason, field, message, null);
    }
  }

  /** Why an event is refused; the web answers each with its own status. */
  enum Reason {
    /** It cannot have happened as stated (a time far off, invisible characters in a text). */
    IMPLAUSIBLE,
    /** It names a district, target, site or checklist item the province data does not have. */
    UNKNOWN_REFERENCE,
    /** These credentials may not act on its entity. */
    FORBIDDEN,
    /** The entity it acts on does not exist, or not for these credentials. */
    ABSENT,
    /** The entity's state does not allow it, or its id was used for something else. */
    CONFLICT
  }
}
