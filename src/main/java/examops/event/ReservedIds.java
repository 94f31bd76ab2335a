package examops.event;

import java.util.List;
import java.util.Optional;

/**
 * The event ids ExamOps gives the events it writes itself (alerts raised and cleared, escalations,
 * notification outcomes). They are derived from what the event is about, so that every node names
 * the same fact the same way; a client may therefore not use them, or it could write first under
 * such an id and the node's own event would be taken for a duplicate.
 */
public final class ReservedIds {

  static final List<String> PREFIXES = List.of("raised:", "cleared:", "escalated:", "notification.");

  private ReservedIds() {}

  /** Why a client may not send this id, or empty when it may. */
  public static Optional<String> refusal(String id) {
    for (String prefix : PREFIXES) {
      if (id.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return Optional.of("ids beginning with \"" + prefix + "\" are written by ExamOps itself; choose another id (e.g. a UUID)");
      }
    }
    return Optional.empty();
  }
}
