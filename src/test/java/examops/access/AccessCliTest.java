package examops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The token and hash-password subcommands, and the users file they feed. */
@Tier.Unit
class AccessCliTest {

  private static final String SECRET = "cli-secret-of-at-least-thirty-two-characters";

  private record Run(int exit, String out, String err) {}

  private static Run run(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = AccessCli.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  @DisplayName("token --role district --district long-xuyen --days 7 prints a token the nodes accept, for that district, for 7 days")
  void tokenCommand() throws Exception {
    Run r = run(Map.of("EXAMOPS_SECRET", SECRET), "", "token", "--role", "district", "--district", "long-xuyen", "--name", "Phòng GD Long Xuyên", "--days", "7");
    assertThat(r.exit()).as(r.err()).isZero();
    Vertx vertx = Vertx.vertx();
    try {
      Principal p = new Tokens(vertx, SECRET).verify(r.out()).toCompletionStage().toCompletableFuture().get();
      assertThat(p.source()).isEqualTo("district:long-xuyen");
      assertThat(p.name()).isEqualTo("Phòng GD Long Xuyên");
      assertThat(Duration.between(Instant.now(), p.expiresAt()).toDays()).isBetween(6L, 7L);
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("token --site prints a site-scoped district token for that site of its district; a wrong role, district or site is refused")
  void siteToken() throws Exception {
    Map<String, String> env = Map.of("EXAMOPS_SECRET", SECRET);
    Run r = run(env, "", "token", "--site", "long-xuyen/thpt-long-xuyen", "--days", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    Vertx vertx = Vertx.vertx();
    try {
      Principal p = new Tokens(vertx, SECRET).verify(r.out()).toCompletionStage().toCompletableFuture().get();
      assertThat(p.role()).isEqualTo(Role.DISTRICT);
      assertThat(p.district()).isEqualTo("long-xuyen");
      assertThat(p.site()).isEqualTo("long-xuyen/thpt-long-xuyen");
      assertThat(p.siteScoped()).isTrue();
      assertThat(p.source()).isEqualTo("site:long-xuyen/thpt-long-xuyen");
      assertThat(p.toJson().getString("site")).isEqualTo("long-xuyen/thpt-long-xuyen");
    } finally {
      vertx.close();
    }
    assertThat(run(env, "", "token", "--role", "district", "--district", "long-xuyen", "--site", "long-xuyen/thpt-long-xuyen").exit()).isZero();
    assertThat(run(env, "", "token", "--site", "long-xuyen/atlantis").err()).contains("unknown site 'long-xuyen/atlantis'");
    assertThat(run(env, "", "token", "--role", "command", "--site", "long-xuyen/thpt-long-xuyen").err()).contains("--site goes with --role district");
    assertThat(run(env, "", "token", "--district", "chau-doc", "--site", "long-xuyen/thpt-long-xuyen").err())
        .contains("is in district long-xuyen, not chau-doc");
  }

  @Test
  @DisplayName("token refuses an unknown role or district, a district without --district, bad --days, and explains a missing EXAMOPS_SECRET")
  void tokenRefusals() {
    Map<String, String> env = Map.of("EXAMOPS_SECRET", SECRET);
    assertThat(run(env, "", "token", "--role", "root")).satisfies(r -> assertThat(r.exit()).isEqualTo(2))
        .satisfies(r -> assertThat(r.err()).contains("unknown role 'root'").contains("command, district, leadership, agent"));
    assertThat(run(env, "", "token", "--role", "district", "--district", "atlantis").err()).contains("unknown district 'atlantis'");
    assertThat(run(env, "", "token", "--role", "district").err()).contains("--district");
    assertThat(run(env, "", "token", "--role", "agent", "--days", "900").err()).contains("--days");
    Run noSecret = run(Map.of(), "", "token", "--role", "command");
    assertThat(noSecret.exit()).isEqualTo(2);
    assertThat(noSecret.err()).contains("EXAMOPS_SECRET is not set");
    assertThat(noSecret.out()).isEmpty();
  }

  @Test
  @DisplayName("hash-password reads stdin and prints a users-file entry whose PBKDF2 hash verifies; the file is checked entry by entry")
  void hashPasswordAndUsersFile() throws Exception {
    Run r = run(Map.of(), "mật khẩu dài đủ\n", "hash-password", "--name", "lx-1", "--role", "district", "--district", "long-xuyen");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonObject entry = new JsonObject(r.out());
    assertThat(entry.getString("passwordHash")).startsWith("$pbkdf2$it=210000$");
    assertThat(r.out()).doesNotContain("mật khẩu dài đủ");
    assertThat(Passwords.verify(entry.getString("passwordHash"), "mật khẩu dài đủ")).isTrue();
    assertThat(Passwords.verify(entry.getString("passwordHash"), "mật khẩu khác")).isFalse();
    assertThat(run(Map.of(), "short\n", "hash-password").exit()).isEqualTo(2);

    Path file = Files.createTempFile("users", ".json");
    Files.writeString(file, new JsonObject().put("users", new io.vertx.core.json.JsonArray().add(entry)).encode());
    Users users = Users.load(file.toString(), "long-xuyen"::equals);
    assertThat(users.check("lx-1", "mật khẩu dài đủ")).hasValueSatisfying(u -> assertThat(u.district()).isEqualTo("long-xuyen"));
    assertThat(users.check("lx-1", "sai")).isEmpty();
    assertThat(users.check("ai-đó", "mật khẩu dài đủ")).isEmpty();

    Files.writeString(file, "[{\"name\": \"x\", \"role\": \"district\", \"district\": \"atlantis\", \"passwordHash\": \"" + entry.getString("passwordHash") + "\"}]");
    assertThatThrownBy(() -> Users.load(file.toString(), "long-xuyen"::equals)).hasMessageContaining("users[0] (x)").hasMessageContaining("atlantis");
    Files.writeString(file, "[{\"name\": \"y\", \"role\": \"command\", \"passwordHash\": \"plaintext\"}]");
    assertThatThrownBy(() -> Users.load(file.toString(), d -> true)).hasMessageContaining("users[0] (y)").hasMessageContaining("passwordHash");
  }
}
