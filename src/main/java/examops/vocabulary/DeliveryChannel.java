package examops.vocabulary;

import java.util.Optional;

/** How a notification travels: email over SMTP, or the webhook (a province's SMS gateway or messaging app). */
public enum DeliveryChannel {
  EMAIL("email"),
  WEBHOOK("webhook");

  private final String wireName;

  DeliveryChannel(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<DeliveryChannel> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<DeliveryChannel> fromWireName(String name) {
    return NAMES.find(name);
  }
}
