package examops.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The default {@code EXAMOPS_NODE_ID}: this machine's host name. Shells do not export
 * {@code HOSTNAME}, so reading it alone named every node started from a shell {@code node-1}.
 */
final class NodeName {

  static final String FALLBACK = "node-1";

  private NodeName() {}

  static String ofThisHost(Map<String, String> env) {
    return of(() -> InetAddress.getLocalHost().getHostName(), env);
  }

  /** The host name from {@code lookup}; if that fails, {@code HOSTNAME} from the environment; else {@link #FALLBACK}. */
  static String of(Callable<String> lookup, Map<String, String> env) {
    try {
      String name = lookup.call();
      if (name != null && !name.isBlank()) return name;
    } catch (UnknownHostException e) {
      // A host name that does not resolve is still a name: Java reports it as "name: reason".
      String message = e.getMessage();
      int colon = message == null ? -1 : message.indexOf(':');
      if (colon > 0) return message.substring(0, colon).trim();
    } catch (Exception e) {
      // fall through to the environment
    }
    String host = env.get("HOSTNAME");
    return host == null || host.isBlank() ? FALLBACK : host.trim();
  }
}
