package examops.web;

import examops.config.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is at the other end of a request: the client's address and whether it came over HTTPS.
 * Only a request whose TCP peer is a trusted proxy has them from {@code X-Forwarded-For} (the
 * right-most address that is not itself a trusted proxy: the left ones are whatever the client
 * wrote) and {@code X-Forwarded-Proto}; from anyone else both headers are ignored. Vert.x Web's
 * {@code Router.allowForward} believes every peer and takes the left-most address, so the trust
 * decision is made here.
 *
 * @param address the client's IP address as text
 * @param https whether the client reached us (or our proxy) over TLS
 */
record Client(String address, boolean https) {

  private static final String KEY = "examops.client";
  /** Longest X-Forwarded-For read: a proxy chain is a handful of hops, not kilobytes. */
  static final int MAX_FORWARDED_ENTRIES = 20;

  static Client of(HttpServerRequest req, TrustedProxies trusted) {
    SocketAddress remote = req.remoteAddress();
    String peer = remote == null ? "unknown" : remote.hostAddress() != null ? remote.hostAddress() : remote.host();
    return resolve(peer, req.isSSL(), req.headers().getAll("X-Forwarded-For"), req.getHeader("X-Forwarded-Proto"), trusted);
  }

  /** The decision itself, from the TCP peer, whether it spoke TLS, and the two headers. */
  static Client resolve(String peer, boolean tls, java.util.List<String> forwardedFor, String forwardedProto, TrustedProxies trusted) {
    if (!trusted.trusts(peer)) return new Client(peer, tls);
    String address = forwardedFor(forwardedFor, trusted, peer);
    boolean https = forwardedProto == null ? tls : "https".equalsIgnoreCase(lastItem(forwardedProto));
    return new Client(address, https);
  }

  /** The right-most entry that is not a trusted proxy; the peer when every entry is one (or there are none). */
  private static String forwardedFor(java.util.List<String> headers, TrustedProxies trusted, String peer) {
    java.util.List<String> entries = new java.util.ArrayList<>();
    for (String h : headers) for (String e : h.split(",")) entries.add(e.trim());
    int seen = 0;
    for (int i = entries.size() - 1; i >= 0 && seen < MAX_FORWARDED_ENTRIES; i--, seen++) {
      String e = entries.get(i);
      if (e.isEmpty() || trusted.trusts(e)) continue;
      return plausible(e) ? e : peer;
    }
    return peer;
  }

  /** An address as a proxy writes it; anything else (a name, garbage) is not taken as a client's identity. */
  private static boolean plausible(String e) {
    return e.length() <= 64 && e.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '[' || c == ']');
  }

  private static String lastItem(String header) {
    int comma = header.lastIndexOf(',');
    return (comma < 0 ? header : header.substring(comma + 1)).trim();
  }

  /** Route handler, first on every request: resolves the client once. */
  static io.vertx.core.Handler<RoutingContext> resolver(TrustedProxies trusted) {
    return ctx -> {
      ctx.put(KEY, of(ctx.request(), trusted));
      ctx.next();
    };
  }

  static Client of(RoutingContext ctx) {
    Client c = ctx.get(KEY);
    return c != null ? c : new Client(ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress(),
        ctx.request().isSSL());
  }
}
