package examops.notify;

import examops.vocabulary.DeliveryChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How notifications and their events are named. A notification's identity is derived from what it
 * is about (the alert id, which already captures the onset; the reminder number), whom (the
 * contact) and how (the channel), so every node and every lease holder names it the same way and
 * the log alone tells whether it was already delivered.
 */
public final class NotificationId {

  private NotificationId() {}

  /** {@code alertId[:reminder-N]:recipient:channel}. */
  public static String of(String alertId, int reminder, String recipient, DeliveryChannel channel) {
    return alertId + (reminder > 0 ? ":reminder-" + reminder : "") + ":" + recipient + ":" + channel.wireName();
  }

  /** The id of the one {@code notification.sent} a notification may have. */
  public static String sentEvent(String notificationId) {
    return "notification.sent:" + digest(notificationId);
  }

  /** The id of the {@code notification.failed} recording one attempt's failure. */
  public static String failedEvent(String notificationId, int attempt) {
    return "notification.failed:" + digest(notificationId) + ":" + attempt;
  }

  /** Event ids are limited to 100 characters; notification ids can be longer, so events carry a digest. */
  static String digest(String notificationId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(notificationId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
