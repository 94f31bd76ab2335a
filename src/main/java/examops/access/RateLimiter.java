package examops.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per credential: {@code burst} requests at once, refilled at {@code perSecond}.
 * Memory is bounded: past {@code maxKeys} credentials the least recently seen bucket is forgotten
 * (it comes back full, which errs on the side of letting a real user through).
 */
public final class RateLimiter {

  static final int DEFAULT_MAX_KEYS = 10_000;

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  public RateLimiter(double perSecond, int burst) {
    this(perSecond, burst, DEFAULT_MAX_KEYS, System::nanoTime);
  }

  RateLimiter(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /**
   * Takes one request's token for this credential.
   *
   * @return 0 when the request may go ahead, else the whole seconds to wait (for Retry-After)
   */
  public synchronized long acquire(String key) {
    long now = nanoTime.getAsLong();
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
  }

  synchronized int size() {
    return buckets.size();
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
