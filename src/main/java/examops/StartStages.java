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

  @Override
  public String toString() {
    return said.toString();
  }
}
