package examops.board;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * The ids of the most recently applied events, bounded in count. Partition offsets already keep
 * one record from being read twice; this only has to outlast client retries and offline queues,
 * which resend within hours, not across the whole window's log.
 */
final class RecentIds {

  private final int capacity;
  private final LinkedHashSet<String> ids = new LinkedHashSet<>();

  RecentIds(int capacity) {
    this.capacity = capacity;
  }

  boolean contains(String id) {
    return ids.contains(id);
  }

  /** Adds the id, forgetting the oldest when full; false when it is already here (one lookup, not two). */
  boolean add(String id) {
    if (!ids.add(id)) return false;
    if (ids.size() > capacity) {
      Iterator<String> oldest = ids.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  int size() {
    return ids.size();
  }
}
