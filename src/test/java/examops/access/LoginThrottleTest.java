package examops.access;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Login throttling on a clock the test moves. */
@Tier.Unit
class LoginThrottleTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final LoginThrottle throttle = new LoginThrottle(nanos::get);

  private void advanceSeconds(long s) {
    nanos.addAndGet(s * 1_000_000_000L);
  }

  @Test
  @DisplayName("failures from one address on one account: a few free, then a backoff that doubles, capped")
  void backoffDoubles() {
    for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) {
      assertThat(throttle.waitSeconds("lx-1", "203.0.113.7")).isZero();
      throttle.failed("lx-1", "203.0.113.7");
    }
    assertThat(throttle.waitSeconds("lx-1", "203.0.113.7")).isZero();
    throttle.failed("lx-1", "203.0.113.7");
    assertThat(throttle.waitSeconds("lx-1", "203.0.113.7")).isEqualTo(1);
    advanceSeconds(1);
    throttle.failed("lx-1", "203.0.113.7");
    assertThat(throttle.waitSeconds("lx-1", "203.0.113.7")).isEqualTo(2);
    for (int i = 0; i < 20; i++) {
      advanceSeconds(LoginThrottle.PAIR_MAX_WAIT_S);
      throttle.failed("lx-1", "203.0.113.7");
    }
    assertThat(throttle.waitSeconds("lx-1", "203.0.113.7")).isEqualTo(LoginThrottle.PAIR_MAX_WAIT_S);
    assertThat(throttle.waitSeconds("lx-1", "198.51.100.20")).as("the same account from elsewhere").isZero();
    advanceSeconds(LoginThrottle.FORGET_AFTER_S + 1);
    assertThat(throttle.waitSeconds("lx-1", "203.0.113.7")).as("forgotten after a quiet spell").isZero();
  }

  @Test
  @DisplayName("one address spraying many accounts is slowed; guessing one account from many addresses slows that account only")
  void sprayAndDistributed() {
    for (int i = 0; i <= LoginThrottle.ADDRESS_FREE; i++) throttle.failed("user-" + i, "203.0.113.8");
    assertThat(throttle.waitSeconds("someone-else", "203.0.113.8")).isPositive();
    assertThat(throttle.waitSeconds("someone-else", "198.51.100.1")).isZero();

    for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE; i++) throttle.failed("trucban", "198.18.0." + (i % 250));
    assertThat(throttle.waitSeconds("trucban", "192.0.2.1")).isBetween(1L, (long) LoginThrottle.ACCOUNT_MAX_WAIT_S);
    assertThat(throttle.waitSeconds("lx-1", "192.0.2.1")).isZero();
  }

  @Test
  @DisplayName("a successful login clears its account-and-address counter; memory stays bounded whatever names are sent")
  void successAndBounds() {
    for (int i = 0; i < LoginThrottle.PAIR_FREE; i++) throttle.failed("lx-1", "192.0.2.9");
    throttle.succeeded("lx-1", "192.0.2.9");
    throttle.failed("lx-1", "192.0.2.9");
    assertThat(throttle.waitSeconds("lx-1", "192.0.2.9")).isZero();
    for (int i = 0; i < LoginThrottle.MAX_COUNTERS; i++) throttle.failed("x".repeat(10_000) + i, "192.0.2." + (i % 200));
    assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_COUNTERS);
  }
}
