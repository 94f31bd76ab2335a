package examops.config;

/**
 * How a node checks credentials.
 *
 * @param secret the HS256 signing secret ({@code EXAMOPS_SECRET}), or null: development mode
 * @param production {@code EXAMOPS_MODE=production}: never start without a secret
 * @param usersFile the people who log in with a password ({@code EXAMOPS_USERS}), or null for none
 * @param ratePerSecond ingest requests per second one credential may sustain
 * @param rateBurst ingest requests one credential may send at once
 */
public record AccessSettings(String secret, boolean production, String usersFile, double ratePerSecond, int rateBurst) {

  public static final int MIN_SECRET_LENGTH = 32;
  public static final double DEFAULT_RATE_PER_SECOND = 20;
  public static final int DEFAULT_RATE_BURST = 100;

  public AccessSettings {
    rateBurst = Math.max(1, rateBurst);
  }

  /** Development mode: no secret configured, so the node makes its own and prints credentials. */
  public boolean development() {
    return secret == null;
  }

  /** Never shows the secret: a logged config must not hand out the key to every token. */
  @Override
  public String toString() {
    return "AccessSettings[secret=" + (secret == null ? "none (development)" : "***") + ", production=" + production
        + ", usersFile=" + usersFile + ", ratePerSecond=" + ratePerSecond + ", rateBurst=" + rateBurst + "]";
  }
}
