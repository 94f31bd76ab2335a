package examops.web;

import io.netty.buffer.Unpooled;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * One text message encoded to UTF-8 once and written to many WebSocket clients.
 * {@code writeTextMessage(String)} encodes the string again for every client: with a thousand
 * screens that was 70% of the web thread (JFR: {@code String.encodeUTF8_UTF16}), and the ingest
 * answers queued behind it. Vert.x has no public text frame over bytes, hence its frame class;
 * messages go out in frames of at most {@link #FRAME_BYTES}, as writeTextMessage would send them.
 */
final class SharedText {

  /** Vert.x's default maximum WebSocket frame size: clients built on it accept no larger frame. */
  static final int FRAME_BYTES = 65_536;

  private final byte[] utf8;

  SharedText(String text) {
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
  }

  int length() {
    return utf8.length;
  }

  void writeTo(ServerWebSocket ws) {
    int n = utf8.length;
    int off = 0;
    do {
      int len = Math.min(FRAME_BYTES, n - off);
      boolean last = off + len == n;
      WebSocketFrameType type = off == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION;
      ws.writeFrame(new WebSocketFrameImpl(type, Unpooled.wrappedBuffer(utf8, off, len), last));
      off += len;
    } while (off < n);
  }
}
