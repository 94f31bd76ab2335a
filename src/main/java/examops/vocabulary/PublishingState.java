package examops.vocabulary;

import java.util.Optional;

/** A checklist item's progress. Only the command center moves an item to VERIFIED. */
public enum PublishingState {
  NOT_STARTED("not-started"),
  IN_PROGRESS("in-progress"),
  /** Claimed done by the district, with evidence; not complete until verified. */
  DONE("done"),
  /** The command center checked the evidence: complete. */
  VERIFIED("verified");

  private final String wireName;

  PublishingState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<PublishingState> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<PublishingState> fromWireName(String name) {
    return NAMES.find(name);
  }
}
