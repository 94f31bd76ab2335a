package examops.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the envelope's date-times. Every event carries one, and {@link OffsetDateTime#parse} took
 * about as long as the rest of decoding: the usual shape ({@code 2020-08-09T07:05:00+07:00}, with
 * optional seconds, fraction and {@code Z}) is read by hand, anything else by the JDK's parser.
 */
public final class IsoDateTimes {

  private IsoDateTimes() {}

  /** The date-time, or null when it is not an ISO-8601 date-time with an offset. */
  public static OffsetDateTime parse(String s) {
    if (s == null) return null;
    OffsetDateTime fast = fast(s);
    if (fast != null) return fast;
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:MM), or null for any other shape (the JDK then decides). */
  private static OffsetDateTime fast(String s) {
    int n = s.length();
    if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && i - start < 9 && isDigit(s.charAt(i))) nano = nano * 10 + (s.charAt(i++) - '0');
        int count = i - start;
        if (count == 0 || i < n && isDigit(s.charAt(i))) return null;
        for (int k = count; k < 9; k++) nano *= 10;
      }
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || i >= n) return null;
    ZoneOffset offset;
    char sign = s.charAt(i);
    if (sign == 'Z' && i + 1 == n) {
      offset = ZoneOffset.UTC;
    } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0) return null;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -oh : oh, sign == '-' ? -om : om);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    } catch (DateTimeException e) {
      return null; // out of range: let the JDK's parser say so
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number in s[from, from+len), or -1 when any of it is not a digit. */
  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) return -1;
    int v = 0;
    for (int k = from; k < from + len; k++) {
      char c = s.charAt(k);
      if (!isDigit(c)) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
