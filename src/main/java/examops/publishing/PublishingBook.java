package examops.publishing;

import examops.event.Event;
import java.util.HashMap;
import java.util.Map;

/** Publishing checklist progress, keyed like the topic: {@code district:channel:item}. */
public final class PublishingBook {

  /** The district part of the key for province-wide items (the provincial portal). */
  public static final String PROVINCE = "province";

  private final Map<String, PublishingState> byKey = new HashMap<>();

  public static String key(String district, String channel, String item) {
    return (district == null ? PROVINCE : district) + ":" + channel + ":" + item;
  }

  public void apply(Event e) {
    String key = key(e.district(), e.data().getString("channel"), e.data().getString("item"));
    PublishingState before = state(key);
    String state = e.data().getString("state");
    String by = e.data().getString("by", e.source());
    String evidence = e.data().getString("evidence", before.evidence());
    String verifiedBy = "verified".equals(state) ? by : null;
    byKey.put(key, new PublishingState(state, evidence, "verified".equals(state) ? before.by() : by, e.receivedAt(), verifiedBy));
  }

  public PublishingState state(String key) {
    return byKey.getOrDefault(key, PublishingState.NOT_STARTED);
  }
}
