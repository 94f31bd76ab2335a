package examops.vocabulary;

import examops.event.WireNames;
import java.util.Optional;

/** Where exam information is published. */
public enum Channel {
  PROVINCIAL_PORTAL("provincial-portal"),
  DISTRICT_PORTAL("district-portal"),
  RADIO("radio"),
  COMMUNE_RADIO("commune-radio"),
  SOCIAL("social");

  private final String wireName;

  Channel(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<Channel> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<Channel> fromWireName(String name) {
    return NAMES.find(name);
  }
}
