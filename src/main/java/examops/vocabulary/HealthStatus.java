package examops.vocabulary;

import java.util.Optional;

/** A target's health. UNKNOWN means no data: it is never counted as up. */
public enum HealthStatus {
  UNKNOWN("unknown"),
  UP("up"),
  DEGRADED("degraded"),
  DOWN("down");

  private final String wireName;

  HealthStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Up or degraded: the service answers. */
  public boolean isAvailable() {
    return this == UP || this == DEGRADED;
  }

  private static final WireNames<HealthStatus> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<HealthStatus> fromWireName(String name) {
    return NAMES.find(name);
  }
}
