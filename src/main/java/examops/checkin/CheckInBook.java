package examops.checkin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The check-ins received, per district: the latest one and a short history for the district page. */
public final class CheckInBook {

  static final int HISTORY = 10;

  private final Map<String, Deque<CheckIn>> byDistrict = new HashMap<>();

  /** Records a check-in; the latest is the one the sender made last, whatever order they arrive in. */
  public void record(CheckIn c) {
    Deque<CheckIn> history = byDistrict.computeIfAbsent(c.district(), k -> new ArrayDeque<>());
    history.addFirst(c);
    if (history.size() > HISTORY) history.removeLast();
  }

  public Optional<CheckIn> latest(String district) {
    Deque<CheckIn> h = byDistrict.get(district);
    if (h == null || h.isEmpty()) return Optional.empty();
    return h.stream().max(java.util.Comparator.comparing(CheckIn::countsAt));
  }

  public List<CheckIn> history(String district) {
    Deque<CheckIn> h = byDistrict.get(district);
    return h == null ? List.of() : List.copyOf(h);
  }
}
