package examops.access;

import examops.config.Config;
import examops.province.ExamSite;
import examops.province.Province;
import examops.province.ProvinceLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials subcommands of {@code java -jar examops.jar}, run before (instead of) a node:
 * <ul>
 *   <li>{@code token --role ROLE [--district ID] [--name NAME] [--days N]}: prints a signed token;
 *       {@code token --site SITE_ID [--name NAME] [--days N]} a site-scoped one (a district token for
 *       one site of the district: its check-ins and incident reports only);</li>
 *   <li>{@code hash-password [--name NAME --role ROLE [--district ID]]}: reads a password from
 *       stdin and prints the entry for the users file.</li>
 * </ul>
 * Each returns the process exit code: 0, or 2 with the reason on {@code err}.
 */
public final class AccessCli {

  public static final String TOKEN = "token";
  public static final String HASH_PASSWORD = "hash-password";
  static final int MIN_PASSWORD_LENGTH = 8;

  private AccessCli() {}

  public static boolean handles(String[] args) {
    return args.length > 0 && (TOKEN.equals(args[0]) || HASH_PASSWORD.equals(args[0]));
  }

  public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    try {
      Map<String, String> opts = options(args);
      return TOKEN.equals(args[0]) ? token(opts, env, out) : hashPassword(opts, in, out);
    } catch (IllegalArgumentException e) {
      err.println("examops " + args[0] + ": " + e.getMessage());
      return 2;
    }
  }

  private static int token(Map<String, String> opts, Map<String, String> env, PrintStream out) {
    Config config = Config.load(env);
    if (config.access().secret() == null) {
      throw new IllegalArgumentException("EXAMOPS_SECRET is not set. A token is signed with the secret the nodes "
          + "check it with: run this with the same EXAMOPS_SECRET (at least 32 characters) as the nodes. "
          + "(A node without one is in development mode and prints its own credentials at start.)");
    }
    Province province = ProvinceLoader.loadOrDefault(config.provinceFile());
    SiteGrant site = site(opts, province);
    Role role = site != null ? Role.DISTRICT : role(opts);
    String district = site != null ? site.district() : district(opts, role, province);
    int days = days(opts.get("days"));
    Vertx vertx = Vertx.vertx();
    try {
      Tokens tokens = new Tokens(vertx, config.access().secret());
      Instant expires = Instant.now().plus(Duration.ofDays(days));
      Tokens.Issued t = site != null ? tokens.issueForSite(district, site.site(), opts.get("name"), expires)
          : tokens.issue(role, district, opts.get("name"), expires);
      out.println(t.token());
      return 0;
    } finally {
      vertx.close();
    }
  }

  static Role role(Map<String, String> opts) {
    String r = opts.get("role");
    if (r == null) throw new IllegalArgumentException("--role is required: one of " + Role.names());
    return Role.fromWireName(r).orElseThrow(() -> new IllegalArgumentException("unknown role '" + r + "'; one of " + Role.names()));
  }

  /** A district role needs a district of the province data; other roles take none. */
  public static String district(Map<String, String> opts, Role role, Province province) {
    String d = opts.get("district");
    if (role != Role.DISTRICT) {
      if (d != null) throw new IllegalArgumentException("--district goes with --role district only");
      return null;
    }
    if (d == null) throw new IllegalArgumentException("--role district needs --district ID (the district it speaks for)");
    if (province.district(d).isEmpty()) throw new IllegalArgumentException("unknown district '" + d + "' (not in the province data)");
    return d;
  }

  /**
   * The site a {@code --site} token speaks for, checked as {@code POST /api/v1/tokens} checks it ({@link SiteGrant}),
   * or null without the option.
   */
  static SiteGrant site(Map<String, String> opts, Province province) {
    String s = opts.get("site");
    if (s == null) return null;
    Role role = opts.containsKey("role") ? role(opts) : null;
    SiteGrant.Checked checked = SiteGrant.check(s, role, opts.get("district"), id -> province.site(id).map(ExamSite::district));
    if (checked.grant() != null) return checked.grant();
    // The command line's words for the same fields: --role, --district.
    throw new IllegalArgumentException(checked.refusal().replace("site goes with role district (or no role)",
        "--site goes with --role district (or no --role)"));
  }

  /** Token lifetime in days: 1 to 366 (a revocation is kept that long), default 30. */
  public static int days(String value) {
    if (value == null) return Access.DEFAULT_DAYS;
    try {
      int days = Integer.parseInt(value.trim());
      if (days < 1 || days > Tokens.MAX_LIFETIME.toDays()) throw new NumberFormatException();
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--days must be a whole number from 1 to " + Tokens.MAX_LIFETIME.toDays() + ", got '" + value + "'");
    }
  }

  private static int hashPassword(Map<String, String> opts, InputStream in, PrintStream out) {
    String password = readPassword(in);
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("give a password of at least " + MIN_PASSWORD_LENGTH + " characters on standard input");
    }
    JsonObject entry = new JsonObject();
    if (opts.containsKey("name")) entry.put("name", opts.get("name"));
    if (opts.containsKey("role")) entry.put("role", role(opts).wireName());
    if (opts.containsKey("district")) entry.put("district", opts.get("district"));
    out.println(entry.put("passwordHash", Passwords.hash(password)).encode());
    return 0;
  }

  /** The first line of stdin; from a terminal, asked for without echo. */
  private static String readPassword(InputStream in) {
    Console console = System.console();
    if (in == System.in && console != null) {
      char[] typed = console.readPassword("Password: ");
      return typed == null ? null : new String(typed);
    }
    try {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      return line == null ? null : line.stripTrailing();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the password from standard input: " + e.getMessage());
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    List<String> known = List.of("--role", "--district", "--site", "--name", "--days");
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String value = null;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
        a = a.substring(0, a.indexOf('='));
      }
      if (!known.contains(a)) throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: " + String.join(", ", known));
      if (value == null) {
        if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
        value = args[++i];
      }
      opts.put(a.substring(2), value);
    }
    return opts;
  }
}
