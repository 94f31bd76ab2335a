package examops.event;

/**
 * The schemas' {@code pattern}s as plain loops, for the fast path: identifiers ({@code ^[set][set]*$},
 * {@code ^[set]+$}) and the envelope's date-time. java.util.regex was a tenth of validating an event.
 * Any other pattern is left to {@link java.util.regex.Pattern}. Each loop accepts exactly what its
 * pattern matches for strings without line breaks (SimplePatternsTest compares them on generated
 * strings); a line break is never accepted, so the full validator decides those, as with a regex.
 */
final class SimplePatterns {

  static final String DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$";

  private SimplePatterns() {}

  /** The check for this pattern (true only for a string it matches), or null when it has no loop here. */
  static CompiledSchema.Check compile(String regex) {
    if (DATE_TIME.equals(regex)) return x -> !(x instanceof String s) || dateTime(s);
    if (!regex.startsWith("^[") || !regex.endsWith("$")) return null;
    int close = regex.indexOf(']', 2);
    if (close < 0) return null;
    boolean[] first = set(regex.substring(2, close));
    if (first == null) return null;
    String rest = regex.substring(close + 1, regex.length() - 1);
    if (rest.equals("+")) return x -> !(x instanceof String s) || all(first, s, 0) && !s.isEmpty();
    if (!rest.startsWith("[") || !rest.endsWith("]*")) return null;
    boolean[] others = set(rest.substring(1, rest.length() - 2));
    if (others == null) return null;
    return x -> !(x instanceof String s) || !s.isEmpty() && in(first, s.charAt(0)) && all(others, s, 1);
  }

  /** An ASCII character class's members (ranges and literals), or null for anything else. */
  private static boolean[] set(String body) {
    if (body.isEmpty() || body.startsWith("^")) return null;
    boolean[] members = new boolean[128];
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c >= 128 || c == '\\' || c == '[' || c == ']' || c == '&') return null;
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        char to = body.charAt(i + 2);
        if (to >= 128 || to < c || to == '\\' || to == '[' || to == ']') return null;
        for (char k = c; k <= to; k++) members[k] = true;
        i += 2;
      } else {
        members[c] = true;
      }
    }
    return members;
  }

  private static boolean in(boolean[] set, char c) {
    return c < 128 && set[c];
  }

  private static boolean all(boolean[] set, String s, int from) {
    for (int i = from; i < s.length(); i++) if (!in(set, s.charAt(i))) return false;
    return true;
  }

  /** {@link #DATE_TIME}: yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:MM), digits only where the pattern says. */
  static boolean dateTime(String s) {
    int n = s.length();
    if (n < 17 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-' || !digits(s, 8, 2)
        || s.charAt(10) != 'T' || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)) {
      return false;
    }
    int i = 16;
    if (s.charAt(i) == ':') {
      if (!digits(s, i + 1, 2)) return false;
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && isDigit(s.charAt(i))) i++;
        if (i == start || i - start > 9) return false;
      }
    }
    if (i >= n) return false;
    char c = s.charAt(i);
    if (c == 'Z') return i + 1 == n;
    return (c == '+' || c == '-') && i + 6 == n && digits(s, i + 1, 2) && s.charAt(i + 3) == ':' && digits(s, i + 4, 2);
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) return false;
    for (int i = from; i < from + count; i++) if (!isDigit(s.charAt(i))) return false;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
