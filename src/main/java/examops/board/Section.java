package examops.board;

/** The top-level parts of the board snapshot; a delta change replaces one entity of one section. */
public enum Section {
  CLOCK("clock"),
  DISTRICTS("districts"),
  TARGETS("targets"),
  INCIDENTS("incidents"),
  PUBLISHING("publishing"),
  ALERTS("alerts"),
  MAINTENANCE("maintenance"),
  NOTIFICATIONS("notifications"),
  /** Every unit's end-of-window report, by unit id (districts and provincial departments). */
  UNIT_REPORTS("unitReports"),
  STATS("stats");

  private final String key;

  Section(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
