package examops;

/** How long each stage of a node's start took, for the log line that says the node serves. */
final class StartStages {

  private final StringBuilder said = new StringBuilder();
  private long last;

  StartStages(long startNanos) {
    this.last = startNanos;
  }

  /** Ends a stage: the time since the previous mark (or the start) is put down under its name. */
  void mark(String stage) {
    long now = System.nanoTime();
    if (!said.isEmpty()) said.append(", ");
    said.append(stage).append(' ').append((now - last) / 1_000_000).append(" ms");
    last = now;
  }

  /**
   * Ends a stage that ran beside the ones before it on a thread of its own: its own duration is put
   * down, and what the start waited for it beyond the stages beside it.
   */
  void markBeside(String stage, long ownMillis, String besideWhat) {
    long now = System.nanoTime();
    if (!said.isEmpty()) said.append(", ");
    said.append(stage).append(' ').append(ownMillis).append(" ms beside ").append(besideWhat)
        .append(" (").append((now - last) / 1_000_000).append(" ms waited)");
    last = now;
  }

  @Override
  public String toString() {
    return said.toString();
  }
}
