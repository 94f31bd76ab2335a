package examops.notify;

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
}
