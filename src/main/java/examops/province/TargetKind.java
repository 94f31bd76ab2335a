package examops.province;

import examops.vocabulary.WireNames;
import java.util.Optional;

/**
 * What a monitored target is. {@code LINE} is the site's fixed carrier line: its phone and fax ride
 * on it, so a cut line explains both going down (see {@link Target#dependsOn()}).
 */
public enum TargetKind {
  DATACENTER("datacenter"),
  EMAIL("email"),
  PORTAL("portal"),
  COMPONENT_PORTAL("component-portal"),
  SERVER_ROOM("server-room"),
  LINE("line"),
  PHONE("phone"),
  FAX("fax"),
  INTERNET("internet");

  private final String wireName;

  TargetKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Kinds that exist only at an exam site, so a target of this kind must name its site. */
  public boolean isSiteLink() {
    return this == LINE || this == PHONE || this == FAX || this == INTERNET;
  }

  private static final WireNames<TargetKind> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<TargetKind> fromWireName(String name) {
    return NAMES.find(name);
  }
}
