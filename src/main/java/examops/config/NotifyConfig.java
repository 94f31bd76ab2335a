package examops.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Outgoing notifications: the email and webhook channels (each off unless configured) and the
 * policy the notifier follows. Loaded with the rest of {@link Config}; errors name the variable.
 *
 * @param smtp the mail server, or null for no email
 * @param webhook the webhook, or null for none
 * @param quietHours when non-critical notifications wait (province time), or null for never
 * @param repeatWindow a new alert on a subject notified less than this long before is not sent again (flapping)
 * @param reminderEvery how often an unresolved critical alert is called out again; zero for never
 * @param maxAttempts delivery attempts per notification before it is reported failed
 * @param backoff the wait before the first retry; it doubles with each further attempt
 * @param boardUrl the board's address for links in emails, or null to leave the link out
 */
public record NotifyConfig(Smtp smtp, Webhook webhook, QuietHours quietHours, Duration repeatWindow,
    Duration reminderEvery, int maxAttempts, Duration backoff, String boardUrl) {

  public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofMinutes(30);
  public static final Duration DEFAULT_REMINDER_EVERY = Duration.ofMinutes(30);
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(2);

  /** How the SMTP connection is secured: none, upgraded with STARTTLS (required), or TLS from the start. */
  public enum Tls { OFF, STARTTLS, TLS }

  /** The mail server. {@code user} and {@code password} are both null when it takes no login. */
  public record Smtp(String host, int port, String from, String user, String password, Tls tls) {
    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + ", from " + from + ", tls " + tls + (user == null ? "" : ", user " + user + ", password ***") + "]";
    }
  }

  /** The webhook: JSON POSTed to {@code url}, signed with HMAC-SHA256 keyed by {@code secret}. */
  public record Webhook(String url, String secret) {
    @Override
    public String toString() {
      return "Webhook[" + url + ", secret ***]";
    }
  }

  /** A daily span of local time; it may run over midnight (22:00-06:00). */
  public record QuietHours(LocalTime from, LocalTime to) {
    public boolean contains(LocalTime t) {
      return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
  }

  /** No channels, the default policy: what a node without any notification settings runs with. */
  public static NotifyConfig none() {
    return new NotifyConfig(null, null, null, DEFAULT_REPEAT_WINDOW, DEFAULT_REMINDER_EVERY, DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BACKOFF, null);
  }

  public boolean anyChannel() {
    return smtp != null || webhook != null;
  }

  static NotifyConfig load(Config.Settings s) {
    return new NotifyConfig(smtp(s), webhook(s), quietHours(s),
        duration(s, "EXAMOPS_NOTIFY_REPEAT_WINDOW", "notifyRepeatWindow", DEFAULT_REPEAT_WINDOW),
        duration(s, "EXAMOPS_NOTIFY_REMINDER_EVERY", "notifyReminderEvery", DEFAULT_REMINDER_EVERY),
        attempts(s), positive(s, "EXAMOPS_NOTIFY_BACKOFF", "notifyBackoff", DEFAULT_BACKOFF),
        s.string("EXAMOPS_NOTIFY_BOARD_URL", "notifyBoardUrl", null));
  }

  private static Smtp smtp(Config.Settings s) {
    String host = s.string("EXAMOPS_SMTP_HOST", "smtpHost", null);
    if (host == null) return null;
    String mode = s.string("EXAMOPS_SMTP_TLS", "smtpTls", "starttls").toUpperCase(Locale.ROOT);
    Tls tls;
    try {
      tls = Tls.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("EXAMOPS_SMTP_TLS must be off, starttls or tls, got '" + mode.toLowerCase(Locale.ROOT) + "'");
    }
    int port = s.port("EXAMOPS_SMTP_PORT", "smtpPort", switch (tls) {
      case OFF -> 25;
      case STARTTLS -> 587;
      case TLS -> 465;
    });
    String from = s.string("EXAMOPS_SMTP_FROM", "smtpFrom", null);
    if (from == null || !from.contains("@")) {
      throw new IllegalArgumentException("EXAMOPS_SMTP_FROM must be the sender's address (e.g. examops@angiang.gov.vn) when EXAMOPS_SMTP_HOST is set");
    }
    String user = s.string("EXAMOPS_SMTP_USER", "smtpUser", null);
    String password = s.string("EXAMOPS_SMTP_PASSWORD", "smtpPassword", null);
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("EXAMOPS_SMTP_USER and EXAMOPS_SMTP_PASSWORD go together: set both or neither");
    }
    return new Smtp(host, port, from, user, password, tls);
  }

  private static Webhook webhook(Config.Settings s) {
    String url = s.string("EXAMOPS_WEBHOOK_URL", "webhookUrl", null);
    if (url == null) return null;
    try {
      URI u = new URI(url);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) throw new URISyntaxException(url, "not http(s)");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("EXAMOPS_WEBHOOK_URL must be an http:// or https:// address, got '" + url + "'");
    }
    String secret = s.string("EXAMOPS_WEBHOOK_SECRET", "webhookSecret", null);
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("EXAMOPS_WEBHOOK_SECRET must be set (at least 16 characters) when EXAMOPS_WEBHOOK_URL is set");
    }
    return new Webhook(url, secret);
  }

  private static QuietHours quietHours(Config.Settings s) {
    String v = s.string("EXAMOPS_NOTIFY_QUIET_HOURS", "notifyQuietHours", null);
    if (v == null) return null;
    String[] parts = v.split("-");
    try {
      if (parts.length != 2) throw new DateTimeParseException("two times", v, 0);
      QuietHours q = new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
      if (q.from().equals(q.to())) throw new DateTimeParseException("empty span", v, 0);
      return q;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("EXAMOPS_NOTIFY_QUIET_HOURS must be a span of local times such as 22:00-06:00, got '" + v + "'");
    }
  }

  private static int attempts(Config.Settings s) {
    String v = s.string("EXAMOPS_NOTIFY_MAX_ATTEMPTS", "notifyMaxAttempts", null);
    if (v == null) return DEFAULT_MAX_ATTEMPTS;
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > 20) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("EXAMOPS_NOTIFY_MAX_ATTEMPTS must be a whole number 1-20, got '" + v + "'");
    }
  }

  private static Duration duration(Config.Settings s, String var, String key, Duration fallback) {
    String v = s.string(var, key, null);
    if (v == null) return fallback;
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) throw new DateTimeParseException("negative", v, 0);
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(var + " must be an ISO-8601 duration such as PT30M, got '" + v + "'");
    }
  }

  private static Duration positive(Config.Settings s, String var, String key, Duration fallback) {
    Duration d = duration(s, var, key, fallback);
    if (d.isZero()) throw new IllegalArgumentException(var + " must be above zero, got '" + d + "'");
    return d;
  }
}
