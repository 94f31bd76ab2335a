package examops.admission;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entities this node has just written an event for, and when. A client that reports an
 * incident and acknowledges it a moment later must not be told the incident does not exist because
 * the board has not read its own write back yet: for such an entity a refusal is checked again for a
 * short while before it is answered. Bounded; used on one event loop at a time.
 */
final class RecentWrites {

  static final long WINDOW_NANOS = 3_000_000_000L;
  private static final int CAPACITY = 10_000;

  private final Map<String, Long> lastWrite = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized void wrote(String entity) {
    lastWrite.put(entity, System.nanoTime());
  }

  /** True when an event for this entity was acknowledged here within the last few seconds. */
  synchronized boolean recent(String entity) {
    Long at = lastWrite.get(entity);
    return at != null && System.nanoTime() - at < WINDOW_NANOS;
  }
}
