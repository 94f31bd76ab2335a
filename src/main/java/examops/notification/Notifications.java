package examops.notification;

import examops.vocabulary.DeliveryChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What may be read of the notifications ({@link NotificationBook}): nothing here changes them. */
public interface Notifications {

  Optional<Notification> get(String id);

  /** Delivered or failed for good: never attempted again. */
  boolean done(String id);

  /** The onset of the latest alert about this rule's subject this recipient was notified of, if any. */
  Optional<Instant> lastOnset(String rule, String subject, String recipient, DeliveryChannel channel);

  /** The recent notifications, oldest first. */
  List<String> recent();
}
