package examops.publishing;

import examops.vocabulary.PublishingState;

/** The outcome of an update to a checklist item: the new status, or why it is refused. */
public sealed interface PublishingResult {

  record Applied(PublishingStatus status) implements PublishingResult {}

  /** Refused; {@code current} is the item's state, {@code message} says why. */
  record Rejected(PublishingState current, String message) implements PublishingResult {}
}
