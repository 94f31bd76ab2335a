package examops.access;

import examops.vocabulary.WireNames;
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

  private static final WireNames<Role> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<Role> fromWireName(String name) {
    return NAMES.find(name);
  }

  /** "command, district, leadership, agent", for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
  }
}
