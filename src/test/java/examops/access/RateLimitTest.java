package examops.access;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Prometheus;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One token bucket per credential on the write API. */
@Tier.Broker
class RateLimitTest {

  @Test
  @DisplayName("past its burst a credential is answered 429 with Retry-After, while another credential still gets through")
  void perCredential429() throws Exception {
    try (TestNode node = TestNode.start(Files.createTempDirectory("examops-rate"), new TestClock(Instant.parse("2020-08-09T00:00:00Z")),
        Map.of("EXAMOPS_RATE_BURST", "3", "EXAMOPS_RATE_PER_SECOND", "0.2"))) {
      String agent = node.token(Role.AGENT, null);
      for (int i = 0; i < 3; i++) assertThat(node.post("/api/v1/monitoring", Bodies.probe().encode(), agent).status()).isEqualTo(202);
      TestNode.Response limited = node.post("/api/v1/monitoring", Bodies.probe().encode(), agent);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(Integer.parseInt(limited.headers().get("retry-after"))).isBetween(1, 5);
      assertThat(limited.json().getInteger("status")).isEqualTo(429);
      assertThat(node.post("/api/v1/monitoring", Bodies.probe().encode(), node.token(Role.AGENT, null)).status()).isEqualTo(202);
      assertThat(node.get("/api/v1/board", agent).status()).as("reads are not metered").isEqualTo(200);
      assertThat(Prometheus.parse(node.get("/metrics").body()).value("examops_ingest_rejected_total", "status", "429")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a bucket refills at its rate, and memory stays bounded however many credentials come")
  void bucketRefillsAndStaysBounded() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(2, 2, 100, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    now.addAndGet(500_000_000L);
    assertThat(limiter.acquire("a")).isZero();
    for (int i = 0; i < 1000; i++) limiter.acquire("cred-" + i);
    assertThat(limiter.size()).isEqualTo(100);
  }
}
