package examops.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: {@code X-ExamOps-Signature: sha256=<hex>}, the HMAC-SHA256 keyed by the
 * shared secret of {@code <timestamp>.<body>}, where the timestamp is the {@code X-ExamOps-Timestamp}
 * header (Unix seconds). Signing the timestamp with the body lets a receiver refuse a replayed call:
 * it recomputes the signature and rejects a timestamp too far from its own clock.
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-ExamOps-Signature";
  public static final String TIMESTAMP_HEADER = "X-ExamOps-Timestamp";
  public static final String ID_HEADER = "X-ExamOps-Notification-Id";

  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  /** What a receiver does: the signature matches (compared in constant time) and the timestamp is fresh. */
  public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
      Instant now, Duration tolerance) {
    if (timestampHeader == null || signatureHeader == null) return false;
    long ts;
    try {
      ts = Long.parseLong(timestampHeader);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) return false;
    return MessageDigest.isEqual(sign(secret, ts, body).getBytes(StandardCharsets.UTF_8),
        signatureHeader.getBytes(StandardCharsets.UTF_8));
  }
}
