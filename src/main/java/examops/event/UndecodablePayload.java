package examops.event;

/**
 * A payload that cannot be typed: a value outside its closed set, or a date-time its schema's
 * pattern lets through that is no date (the 30th of February). The validator answers it as an
 * invalid field; an event built in code with one is refused when it is built.
 */
public final class UndecodablePayload extends IllegalArgumentException {

  private final String field;
  private final String problem;

  UndecodablePayload(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The dotted path of the field ({@code data.to}). */
  public String field() {
    return field;
  }

  /** What is wrong with it. */
  public String problem() {
    return problem;
  }
}
