package examops.kafka;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded broker's log holds every event (incidents, exam-data reports): its directory is the
 * owner's alone (0700), whatever the umask, so the files Kafka creates inside (0644 under the usual
 * umask) cannot be reached by other local users. Applied on every start, so older installs are fixed too.
 */
final class OwnerOnly {

  private OwnerOnly() {}

  static void directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
