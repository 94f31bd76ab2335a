package examops.publishing;

import java.util.Arrays;
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

  public static Optional<Channel> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
