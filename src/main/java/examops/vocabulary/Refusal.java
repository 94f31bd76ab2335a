package examops.vocabulary;

/**
 * Why a stream's book will not take an event now: the entity it names is absent, or the entity's
 * state does not allow it. The message is for the person who sent it.
 */
public record Refusal(Kind kind, String message) {

  public enum Kind {
    /** The entity the event acts on does not exist (or is no longer active). */
    ABSENT,
    /** The entity exists, but its state does not allow this event. */
    CONFLICT
  }

  public static Refusal absent(String message) {
    return new Refusal(Kind.ABSENT, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message);
  }
}
