package examops.web;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import examops.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message longer than one frame reaches a client whole, wherever its multi-byte characters fall
 * (a frame may end inside a character; the message is decoded whole, as writeTextMessage's are).
 */
@Tier.Unit
class SharedTextTest {

  private static Vertx vertx;
  private static HttpServer server;
  private static volatile String text;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .webSocketHandler(ws -> new SharedText(text).writeTo(ws))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A JSON message whose {@code note} puts a character of {@code width} UTF-8 bytes across the first frame boundary at {@code shift}. */
  private static String straddling(String ch, int shift) {
    String prefix = "{\"type\":\"snapshot\",\"note\":\"";
    int width = ch.getBytes(StandardCharsets.UTF_8).length;
    int pad = SharedText.FRAME_BYTES - prefix.length() - width + shift;
    String message = prefix + "a".repeat(pad) + ch.repeat(40_000) + "\"}";
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    assertThat(utf8.length).isGreaterThan(2 * SharedText.FRAME_BYTES);
    return message;
  }

  @ParameterizedTest(name = "{0} (character:bytes past the boundary)")
  @ValueSource(strings = {"ấ:1", "ấ:2", "ữ:1", "é:1", "😀:1", "😀:2", "😀:3"})
  @DisplayName("a long message with multi-byte characters across frame boundaries arrives whole")
  void wholeAcrossFrames(String spec) throws Exception {
    String[] p = spec.split(":");
    text = straddling(p[0], Integer.parseInt(p[1]));
    try (WsClient client = new WsClient("ws://127.0.0.1:" + server.actualPort() + "/")) {
      JsonObject got = client.await(m -> true, Duration.ofSeconds(10));
      assertThat(got.encode()).isEqualTo(new JsonObject(text).encode());
    }
  }
}
