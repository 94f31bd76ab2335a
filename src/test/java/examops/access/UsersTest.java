package examops.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import examops.testing.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tier.Unit
class UsersTest {

  /** A wrong name must cost what a wrong password costs: the decoy is a hash of the same kind as those users have. */
  @Test
  void theDecoyIsAsCostlyAsARealHash() {
    String real = Passwords.hash("a real password");
    String[] decoy = Users.DECOY.split("\\$");
    String[] made = real.split("\\$");
    assertTrue(Passwords.wellFormed(Users.DECOY));
    assertEquals(made[1], decoy[1], "algorithm");
    assertEquals(made[2], decoy[2], "iterations");
    assertEquals("it=" + Passwords.ITERATIONS, decoy[2]);
    assertEquals(made[3].length(), decoy[3].length(), "salt");
    assertEquals(made[4].length(), decoy[4].length(), "hash");
    assertTrue(Passwords.verify(Users.DECOY, "examops-decoy-password"), "the decoy is a hash Passwords can check");
  }

  @Test
  void anUnknownNameAndAWrongPasswordAreBothRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "[{\"name\":\"ops\",\"role\":\"command\",\"passwordHash\":\"" + Passwords.hash("right") + "\"}]");
    Users users = Users.load(file.toString(), d -> false);
    assertTrue(users.check("ops", "right").isPresent());
    assertFalse(users.check("ops", "wrong").isPresent());
    assertFalse(users.check("nobody", "right").isPresent());
    assertFalse(users.check("nobody", "examops-decoy-password").isPresent(), "the decoy's password opens nothing");
  }
}
