package examops.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} a node believes:
 * addresses and CIDR ranges ({@code EXAMOPS_TRUSTED_PROXIES}). Empty by default: then those headers
 * are ignored and the client is the TCP peer, so nobody can choose the address their throttling is
 * counted against.
 */
public final class TrustedProxies {

  /** Literal IPv4 or IPv6 only: a host name would be resolved, and DNS is not a trust decision. */
  private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) return false;
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) if (address[i] != network[i]) return false;
      int rest = prefix % 8;
      if (rest == 0) return true;
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private final List<Range> ranges;
  private final String spec;

  private TrustedProxies(List<Range> ranges, String spec) {
    this.ranges = ranges;
    this.spec = spec;
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of(), "");
  }

  /**
   * Parses {@code 10.0.0.5, 172.16.0.0/12, ::1}; errors name {@code var}.
   *
   * @throws IllegalArgumentException for anything that is not a literal address or range
   */
  public static TrustedProxies parse(String var, String list) {
    if (list == null || list.isBlank()) return none();
    List<Range> ranges = new ArrayList<>();
    for (String raw : list.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) continue;
      String[] parts = item.split("/", -1);
      byte[] network = literal(var, parts[0]);
      int max = network.length * 8;
      int prefix = max;
      if (parts.length > 2) throw bad(var, item);
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw bad(var, item);
        }
        if (prefix < 0 || prefix > max) throw bad(var, item);
      }
      ranges.add(new Range(network, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges), list.trim());
  }

  private static byte[] literal(String var, String s) {
    if (!LITERAL.matcher(s).matches()) throw bad(var, s);
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      throw bad(var, s);
    }
  }

  private static IllegalArgumentException bad(String var, String item) {
    return new IllegalArgumentException(var + ": '" + item + "' is not an IP address or CIDR range (e.g. 10.0.0.5, 172.16.0.0/12, fd00::/8)");
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether this literal address (as a peer or an X-Forwarded-For entry) is one of ours; false for anything unparseable. */
  public boolean trusts(String address) {
    if (ranges.isEmpty() || address == null) return false;
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
    if (!LITERAL.matcher(a).matches()) return false;
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(a).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    for (Range r : ranges) if (r.contains(bytes)) return true;
    return false;
  }

  @Override
  public String toString() {
    return spec.isEmpty() ? "none" : spec;
  }
}
