package examops.access;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the {@code examops.access} topic says: the revoked token ids, and the tokens the command
 * center issued. Written by the access log's reader thread, read by every request: thread-safe.
 * Bounded: an entry is dropped once its token has expired, since an expired token fails anyway.
 */
public final class TokenBook {

  private final Map<String, Instant> revokedUntil = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> issued = new ConcurrentHashMap<>();

  /** Applies one record already checked against {@code access.json}. */
  public void apply(JsonObject record) {
    JsonObject d = record.getJsonObject("data");
    String jti = d.getString("jti");
    Instant at = Instant.parse(normalize(record.getString("at")));
    switch (record.getString("type")) {
      case "token.revoked" -> {
        Instant until = d.getString("expiresAt") != null ? Instant.parse(normalize(d.getString("expiresAt")))
            : at.plus(Tokens.MAX_LIFETIME);
        revokedUntil.merge(jti, until, (a, b) -> a.isAfter(b) ? a : b);
        issued.computeIfPresent(jti, (k, v) -> v.copy().put("revoked", true).put("revokedAt", at.toString())
            .put("revokedBy", record.getString("source")));
      }
      case "token.issued" -> issued.putIfAbsent(jti, d.copy().put("issuedAt", at.toString())
          .put("issuedBy", record.getString("source")).put("revoked", revokedUntil.containsKey(jti)));
      default -> { }
    }
  }

  private static String normalize(String isoWithOffset) {
    return java.time.OffsetDateTime.parse(isoWithOffset).toInstant().toString();
  }

  public boolean revoked(String jti) {
    return revokedUntil.containsKey(jti);
  }

  /** When the token expires, if the command center issued it through the API; else null. */
  public Instant expiryOf(String jti) {
    JsonObject meta = issued.get(jti);
    return meta == null || meta.getString("expiresAt") == null ? null : Instant.parse(normalize(meta.getString("expiresAt")));
  }

  /** The tokens issued through the API and not yet expired, newest first (never the tokens themselves). */
  public List<JsonObject> issued() {
    List<JsonObject> out = new ArrayList<>(issued.values());
    out.sort(Comparator.comparing((JsonObject j) -> j.getString("issuedAt")).reversed());
    return out;
  }

  /** Forgets what concerns only tokens already expired at {@code now}. */
  public void prune(Instant now) {
    revokedUntil.values().removeIf(until -> until.isBefore(now));
    issued.values().removeIf(meta -> meta.getString("expiresAt") != null
        && Instant.parse(normalize(meta.getString("expiresAt"))).isBefore(now));
  }

  public int revokedCount() {
    return revokedUntil.size();
  }
}
