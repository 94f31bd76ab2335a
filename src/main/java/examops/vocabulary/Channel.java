package examops.vocabulary;

import java.util.Optional;

/** Where exam information is published, and the post that carries the admission files. */
public enum Channel {
  PROVINCIAL_PORTAL("provincial-portal"),
  DISTRICT_PORTAL("district-portal"),
  RADIO("radio"),
  COMMUNE_RADIO("commune-radio"),
  SOCIAL("social"),
  /**
   * The postal delivery of admission files after the exam: each district's delivery checklist
   * (sent, received) is the checklist of this channel. Added after the first round.
   */
  POST("post");

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
