package examops.config;

import java.util.List;

/**
 * How this node joins the other Vert.x nodes (Hazelcast, TCP-IP member list, no multicast):
 * clustered when {@code members} is not empty.
 *
 * @param members the Hazelcast members as {@code host:port}, this node included or not
 * @param host the address this node's Hazelcast member and event bus bind to and announce
 * @param port this node's Hazelcast port
 */
public record ClusterSettings(List<String> members, String host, int port) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;

  public ClusterSettings {
    members = List.copyOf(members);
  }

  public static ClusterSettings none() {
    return new ClusterSettings(List.of(), DEFAULT_HOST, DEFAULT_PORT);
  }

  public boolean enabled() {
    return !members.isEmpty();
  }

  /** Splits a comma-separated member list; each entry must be {@code host:port}. Errors name {@code var}. */
  static List<String> parseMembers(String var, String list) {
    if (list == null || list.isBlank()) return List.of();
    List<String> members = java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String m : members) {
      int colon = m.lastIndexOf(':');
      boolean valid = colon > 0 && colon < m.length() - 1;
      if (valid) {
        try {
          int port = Integer.parseInt(m.substring(colon + 1));
          valid = port > 0 && port <= 65535;
        } catch (NumberFormatException e) {
          valid = false;
        }
      }
      if (!valid) throw new IllegalArgumentException(var + " must list host:port entries separated by commas, got '" + m + "'");
    }
    return members;
  }
}
