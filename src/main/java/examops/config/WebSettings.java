package examops.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node meets the outside: which proxies it believes, the address people reach it at, who may
 * frame its pages, and how many board sockets one credential may hold open.
 *
 * @param trustedProxies peers whose {@code X-Forwarded-For} / {@code -Proto} are believed ({@code EXAMOPS_TRUSTED_PROXIES})
 * @param publicUrl the origin people open, e.g. {@code https://examops.sgd.example} ({@code EXAMOPS_PUBLIC_URL}); null:
 *     {@code http://<host>:<port>} of this node
 * @param frameAncestors origins allowed to show the pages in a frame (a kiosk shell); empty: none ({@code EXAMOPS_FRAME_ANCESTORS})
 * @param socketsPerCredential board WebSockets one credential may hold open on one node ({@code EXAMOPS_WS_PER_CREDENTIAL})
 * @param bodySeconds how long a request body may take to arrive whole ({@code EXAMOPS_BODY_TIMEOUT})
 */
public record WebSettings(TrustedProxies trustedProxies, String publicUrl, List<String> frameAncestors, int socketsPerCredential,
    int bodySeconds) {

  public static final int DEFAULT_SOCKETS_PER_CREDENTIAL = 20;
  /** 64 KiB (the largest body) in 30 s is 17 kbit/s: a poor 2G link still makes it. */
  public static final int DEFAULT_BODY_SECONDS = 30;

  public WebSettings {
    frameAncestors = List.copyOf(frameAncestors);
  }

  public static WebSettings defaults() {
    return new WebSettings(TrustedProxies.none(), null, List.of(), DEFAULT_SOCKETS_PER_CREDENTIAL, DEFAULT_BODY_SECONDS);
  }

  /** {@code scheme://host[:port]} with no path, query or fragment; errors name the variable. */
  static String origin(String var, String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    while (v.endsWith("/")) v = v.substring(0, v.length() - 1);
    try {
      URI u = new URI(v);
      boolean web = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
      if (!web || u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null
          || u.getRawPath() != null && !u.getRawPath().isEmpty()) {
        throw new URISyntaxException(v, "not an origin");
      }
      return u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(var + " must be an origin such as https://examops.example.vn (scheme, host, optional port; no path), got '" + value + "'");
    }
  }

  static List<String> origins(String var, String list) {
    List<String> out = new ArrayList<>();
    if (list == null || list.isBlank()) return out;
    for (String item : list.split("[,\\s]+")) {
      if (!item.isBlank()) out.add(origin(var, item));
    }
    return out;
  }
}
