package examops.report;

import examops.monitoring.TimeSpan;
import examops.province.Province;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The period a report covers: [from, to), by event time. {@code measuredTo} is where measurement
 * stops: {@code to}, or the exam clock's now when {@code to} is still ahead, so time that has not
 * happened yet is not counted as unknown.
 */
public record ReportWindow(OffsetDateTime from, OffsetDateTime to, Instant measuredTo) {

  /** A query parameter that is not acceptable, named so the answer can say which. */
  public static final class BadParameter extends IllegalArgumentException {
    private final String parameter;

    BadParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  public Instant fromInstant() {
    return from.toInstant();
  }

  public Instant toInstant() {
    return to.toInstant();
  }

  /** The measured part, [from, measuredTo); empty (zero length) when the period has not begun. */
  public TimeSpan measured() {
    return new TimeSpan(fromInstant(), measuredTo);
  }

  /** True when the period is over: the report can no longer change. */
  public boolean complete() {
    return !measuredTo.isBefore(toInstant());
  }

  /**
   * Reads {@code from} and {@code to} (ISO-8601 with an offset; either may be absent: the province's
   * window then fills it).
   *
   * @param now the exam clock's instant
   * @throws BadParameter naming the parameter at fault
   */
  public static ReportWindow parse(String from, String to, Province province, Instant now) {
    OffsetDateTime start = present(from) ? parse("from", from)
        : OffsetDateTime.ofInstant(province.window().start(), province.zone());
    OffsetDateTime end = present(to) ? parse("to", to)
        : OffsetDateTime.ofInstant(province.window().end(), province.zone());
    if (!start.toInstant().isBefore(end.toInstant())) {
      throw new BadParameter(present(from) ? "from" : "to", "from (" + start + ") must be before to (" + end + ")");
    }
    Instant measuredTo = now.isBefore(end.toInstant()) ? now : end.toInstant();
    if (measuredTo.isBefore(start.toInstant())) measuredTo = start.toInstant();
    return new ReportWindow(start, end, measuredTo);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static OffsetDateTime parse(String name, String value) {
    try {
      // An unencoded "+07:00" in a query string arrives as " 07:00": a date-time has no spaces, so put it back.
      return OffsetDateTime.parse(value.trim().replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw new BadParameter(name, name + " must be an ISO-8601 date-time with an offset, e.g. 2020-08-09T00:00:00+07:00; got '"
          + value + "'");
    }
  }
}
