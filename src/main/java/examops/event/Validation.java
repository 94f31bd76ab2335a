package examops.event;

/** The outcome of checking one input: the event, or the field at fault and what is wrong with it. */
public sealed interface Validation {

  record Valid(Event event) implements Validation {}

  /**
   * @param field dotted path of the offending field ({@code data.status}), or {@code ""} for the
   *     whole document
   */
  record Invalid(String field, String problem) implements Validation {
    public String message() {
      return field.isEmpty() ? problem : field + ": " + problem;
    }
  }
}
