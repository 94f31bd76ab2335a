package examops.province;

import examops.vocabulary.Channel;
import java.time.Instant;

/**
 * One checklist item on one channel.
 *
 * @param item the item's id, unique within its channel (e.g. {@code timetable})
 * @param perDistrict true when every district owes it; false for a provincial item done once
 */
public record PublishingItem(
    Channel channel, String item, LocalizedText name, Instant due, boolean perDistrict) {

  /** The key used in events and on the board: {@code channel:item}. */
  public String key() {
    return channel.wireName() + ":" + item;
  }
}
