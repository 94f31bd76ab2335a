package examops.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, for what a well-behaved client library will not send: a Host header of
 * the test's choosing, a request target with a backslash, a body that never arrives.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Sends the request text as is (with {@code Connection: close} added) and reads the whole answer. */
  public static TestNode.Response exchange(int port, String requestHead, String body) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      String head = requestHead.endsWith("\r\n") ? requestHead : requestHead + "\r\n";
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) head += "Content-Length: " + bytes.length + "\r\n";
      s.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      return parse(readAll(s.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  /** Status, headers (names lower-cased, first value) and body of an answer read whole. */
  public static TestNode.Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    int status = lines.length == 0 || lines[0].length() < 12 ? -1 : Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new TestNode.Response(status, end < 0 ? "" : text.substring(end + 4), headers);
  }
}
