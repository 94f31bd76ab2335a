package examops.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who a credential speaks for (ARCHITECTURE.md, "Credentials"). */
public enum Role {
  /** The Department's duty room: everything, incident actions, alert acknowledgement, tokens. */
  COMMAND("command"),
  /** A district unit: check-ins, incident reports and publishing for its own district only. */
  DISTRICT("district"),
  /** The director and the Steering Committee: read-only. */
  LEADERSHIP("leadership"),
  /** A machine that pushes monitoring results. */
  AGENT("agent");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }

  /** "command, district, leadership, agent", for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
  }
}
