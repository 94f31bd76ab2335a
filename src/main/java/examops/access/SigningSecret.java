package examops.access;

import examops.config.AccessSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key every token is signed with: {@code EXAMOPS_SECRET}, or in development mode one the node
 * makes itself and keeps in {@code <data dir>/dev-secret} (owner-only), so the printed enrolment links
 * survive a restart of the same data directory. Its toString never shows the key.
 */
public record SigningSecret(String value, boolean development) {

  static final String DEV_FILE = "dev-secret";

  public static SigningSecret resolve(AccessSettings settings, Path dataDir) {
    if (settings.secret() != null) return new SigningSecret(settings.secret(), false);
    if (settings.production()) throw new IllegalStateException("production mode needs EXAMOPS_SECRET");
    return new SigningSecret(devSecret(dataDir.resolve(DEV_FILE)), true);
  }

  private static String devSecret(Path file) {
    try {
      if (Files.exists(file)) {
        String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (kept.length() >= AccessSettings.MIN_SECRET_LENGTH) return kept;
      }
      byte[] key = new byte[48];
      new SecureRandom().nextBytes(key);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // a non-POSIX file system: the data directory's own permissions have to do
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the development secret in " + file, e);
    }
  }

  @Override
  public String toString() {
    return "SigningSecret[" + (development ? "development" : "configured") + ", ***]";
  }
}
