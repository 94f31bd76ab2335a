package examops.web;

/**
 * Where an enrolment link may send the browser after it has set the session cookie: a path on this
 * node, never elsewhere. A request for {@code //evil.example/?access_token=...} (or {@code /\evil.example/},
 * which browsers read the same) would otherwise answer {@code Location: //evil.example/}, a redirect to
 * another site right after the victim's session was replaced.
 */
final class SafeRedirect {

  private SafeRedirect() {}

  /** The path itself when it is a plain same-origin path, else {@code /}. */
  static String path(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') return "/";
    if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) return "/";
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7F || c > 0x7E) return "/";
    }
    return path;
  }
}
