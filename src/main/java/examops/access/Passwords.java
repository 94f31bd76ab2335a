package examops.access;

import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password hashes with vertx-auth-common's {@link HashingStrategy}: PBKDF2-HMAC-SHA512 at 210,000
 * iterations (OWASP's figure for that function), a random 16-byte salt, stored as one PHC-style
 * string ({@code $pbkdf2$it=210000$salt$hash}). Verifying takes ~0.1 s by design: call it off the
 * event loop.
 */
public final class Passwords {

  static final String ALGORITHM = "pbkdf2";
  static final int ITERATIONS = 210_000;
  private static final HashingStrategy STRATEGY = HashingStrategy.load();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return STRATEGY.hash(ALGORITHM, Map.of("it", String.valueOf(ITERATIONS)),
        Base64.getEncoder().encodeToString(salt), password);
  }

  /** Constant-time comparison of the password's hash with the stored one; false for a malformed hash. */
  public static boolean verify(String storedHash, String password) {
    try {
      return STRATEGY.verify(storedHash, password);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /** Whether a stored hash is one this class can check (for validating the users file at start). */
  static boolean wellFormed(String storedHash) {
    return storedHash != null && storedHash.startsWith("$" + ALGORITHM + "$") && storedHash.split("\\$").length == 5;
  }
}
