package examops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The webhook's signature scheme, as README documents it. Pure. */
@Tier.Unit
class WebhookSignatureTest {

  private static final String SECRET = "an-giang-2020-webhook-secret";
  private static final String BODY = "{\"text\":\"[ExamOps] NGHIÊM TRỌNG\"}";

  @Test
  @DisplayName("the signature is sha256= and the hex HMAC-SHA256 of '<timestamp>.<body>' keyed by the secret")
  void scheme() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(
        mac.doFinal(("1596933300." + BODY).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(WebhookSignature.sign(SECRET, 1596933300L, BODY)).isEqualTo("sha256=" + expected);
  }

  @Test
  @DisplayName("a receiver accepts a fresh, untouched call and refuses a changed body, another secret or a replay")
  void verify() {
    Instant now = Instant.ofEpochSecond(1596933300L);
    String sig = WebhookSignature.sign(SECRET, now.getEpochSecond(), BODY);
    Duration fiveMinutes = Duration.ofMinutes(5);
    assertThat(WebhookSignature.verify(SECRET, "1596933300", BODY, sig, now.plusSeconds(30), fiveMinutes)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, "1596933300", BODY + " ", sig, now, fiveMinutes)).isFalse();
    assertThat(WebhookSignature.verify("another-secret-of-16+", "1596933300", BODY, sig, now, fiveMinutes)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1596933300", BODY, sig, now.plus(Duration.ofMinutes(6)), fiveMinutes))
        .as("replayed six minutes later").isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1596933301", BODY, sig, now, fiveMinutes)).as("timestamp changed").isFalse();
  }
}
