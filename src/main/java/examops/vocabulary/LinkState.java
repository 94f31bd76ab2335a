package examops.vocabulary;

import java.util.Optional;

/**
 * A site's phone, fax or internet link as its check-in reports it (a phone or fax is only ok or
 * down; the schemas say which link may be slow).
 */
public enum LinkState {
  OK("ok", HealthStatus.UP),
  SLOW("slow", HealthStatus.DEGRADED),
  DOWN("down", HealthStatus.DOWN);

  private final String wireName;
  private final HealthStatus health;

  LinkState(String wireName, HealthStatus health) {
    this.wireName = wireName;
    this.health = health;
  }

  public String wireName() {
    return wireName;
  }

  /** The link's target health on the board. */
  public HealthStatus health() {
    return health;
  }

  /** The state a site would report for a link of this health; empty for unknown. */
  public static Optional<LinkState> of(HealthStatus health) {
    for (LinkState s : values()) if (s.health == health) return Optional.of(s);
    return Optional.empty();
  }

  private static final WireNames<LinkState> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<LinkState> fromWireName(String name) {
    return NAMES.find(name);
  }
}
