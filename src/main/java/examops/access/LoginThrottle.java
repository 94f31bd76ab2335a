package examops.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing without letting a guesser lock anyone else out. Failed logins are
 * counted three ways, each with its own allowance and then an exponential backoff:
 *
 * <ul>
 *   <li>per account and client address: {@value #PAIR_FREE} free failures, then 1 s, 2 s, 4 s ... up to
 *       {@value #PAIR_MAX_WAIT_S} s between tries — the guesser's own attempts;</li>
 *   <li>per client address: {@value #ADDRESS_FREE} failures on any accounts, then up to {@value #ADDRESS_MAX_WAIT_S} s
 *       — one address spraying many accounts (generous, since a whole district office may share one NAT);</li>
 *   <li>per account: {@value #ACCOUNT_FREE} failures from all addresses together, then up to {@value #ACCOUNT_MAX_WAIT_S} s
 *       — guessing spread over many addresses; the only counter a colleague elsewhere can feel, and it only slows.</li>
 * </ul>
 *
 * A counter is forgotten {@value #FORGET_AFTER_S} s after its last failure, and a successful login
 * clears its account-and-address counter. Only failures count: a colleague who types the right
 * password at another address is never held back by someone else's guesses until the account-wide
 * allowance is spent. Memory is bounded (least recently failed counters go first).
 */
public final class LoginThrottle {

  static final int PAIR_FREE = 5;
  static final int PAIR_MAX_WAIT_S = 300;
  static final int ADDRESS_FREE = 50;
  static final int ADDRESS_MAX_WAIT_S = 60;
  static final int ACCOUNT_FREE = 100;
  static final int ACCOUNT_MAX_WAIT_S = 30;
  static final int FORGET_AFTER_S = 900;
  static final int MAX_COUNTERS = 20_000;
  static final int MAX_KEY_CHARS = 200;

  private final LongSupplier nanoTime;
  private final Map<String, Counter> counters = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
      return size() > MAX_COUNTERS;
    }
  };

  public LoginThrottle() {
    this(System::nanoTime);
  }

  LoginThrottle(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  private static final class Counter {
    int failures;
    long lastFailure;
    long blockedUntil;
  }

  /** Seconds this login must wait before it is tried (0: go ahead). Checked before the password is. */
  public synchronized long waitSeconds(String account, String address) {
    long now = nanoTime.getAsLong();
    long until = Math.max(blockedUntil(pair(account, address), now),
        Math.max(blockedUntil(addressKey(address), now), blockedUntil(accountKey(account), now)));
    return until <= now ? 0 : Math.max(1, (until - now + 999_999_999L) / 1_000_000_000L);
  }

  /** Counts a wrong name or password. */
  public synchronized void failed(String account, String address) {
    long now = nanoTime.getAsLong();
    count(pair(account, address), now, PAIR_FREE, PAIR_MAX_WAIT_S);
    count(addressKey(address), now, ADDRESS_FREE, ADDRESS_MAX_WAIT_S);
    count(accountKey(account), now, ACCOUNT_FREE, ACCOUNT_MAX_WAIT_S);
  }

  /** A successful login: this account's counter for this address starts over. */
  public synchronized void succeeded(String account, String address) {
    counters.remove(pair(account, address));
  }

  private long blockedUntil(String key, long now) {
    Counter c = counters.get(key);
    if (c == null) return 0;
    if (now - c.lastFailure > FORGET_AFTER_S * 1_000_000_000L) {
      counters.remove(key);
      return 0;
    }
    return c.blockedUntil;
  }

  private void count(String key, long now, int free, int maxWaitSeconds) {
    Counter c = counters.get(key);
    if (c == null || now - c.lastFailure > FORGET_AFTER_S * 1_000_000_000L) {
      c = new Counter();
      counters.put(key, c);
    }
    c.failures++;
    c.lastFailure = now;
    int over = c.failures - free;
    if (over > 0) {
      long wait = Math.min(maxWaitSeconds, 1L << Math.min(over - 1, 20));
      c.blockedUntil = now + wait * 1_000_000_000L;
    }
  }

  private static String pair(String account, String address) {
    return "p\u0000" + bounded(account) + "\u0000" + bounded(address);
  }

  /** Keys stay small whatever a client sends: the counters' memory is bounded by count and by size. */
  private static String bounded(String s) {
    return s == null ? "" : s.length() > MAX_KEY_CHARS ? s.substring(0, MAX_KEY_CHARS) : s;
  }

  private static String addressKey(String address) {
    return "a\u0000" + bounded(address);
  }

  private static String accountKey(String account) {
    return "u\u0000" + bounded(account);
  }

  synchronized int size() {
    return counters.size();
  }
}
