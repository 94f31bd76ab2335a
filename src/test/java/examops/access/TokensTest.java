package examops.access;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Signing and checking tokens with vertx-auth-jwt, without a node. */
@Tier.Unit
class TokensTest {

  private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static Principal verify(Tokens tokens, String token) throws Exception {
    return tokens.verify(token).toCompletionStage().toCompletableFuture().get();
  }

  @Test
  @DisplayName("a district token carries its role, district, name, expiry and a jti of its own")
  void roundTrip() throws Exception {
    Tokens tokens = new Tokens(vertx, SECRET);
    Instant exp = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Tokens.Issued t = tokens.issue(Role.DISTRICT, "long-xuyen", "lx-phone", exp);
    Principal p = verify(tokens, t.token());
    assertThat(p).isEqualTo(t.principal());
    assertThat(p.role()).isEqualTo(Role.DISTRICT);
    assertThat(p.district()).isEqualTo("long-xuyen");
    assertThat(p.expiresAt()).isEqualTo(exp);
    assertThat(p.source()).isEqualTo("district:long-xuyen");
    assertThat(tokens.issue(Role.DISTRICT, "long-xuyen", "lx-phone", exp).principal().jti()).isNotEqualTo(p.jti());
  }

  @Test
  @DisplayName("a token signed with another secret, an expired one and a tampered one are refused")
  void refusals() {
    Tokens tokens = new Tokens(vertx, SECRET);
    Tokens other = new Tokens(vertx, "another-secret-of-at-least-thirty-two-chars");
    String foreign = other.issue(Role.COMMAND, null, "x", Instant.now().plusSeconds(60)).token();
    String expired = tokens.issue(Role.COMMAND, null, "x", Instant.now().minusSeconds(5)).token();
    String good = tokens.issue(Role.AGENT, null, "nms", Instant.now().plusSeconds(60)).token();
    String[] parts = good.split("\\.");
    String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"jti\":\"x\",\"role\":\"command\",\"exp\":9999999999,\"iss\":\"examops\"}".getBytes()) + "." + parts[2];
    for (String bad : new String[] {foreign, expired, tampered, "not-a-jwt", ""}) {
      assertThat(tokens.verify(bad).toCompletionStage().toCompletableFuture()).as(bad).isCompletedExceptionally();
    }
  }
}
