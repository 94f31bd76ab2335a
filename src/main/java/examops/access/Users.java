package examops.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The people who log in with a password, from the file named by {@code EXAMOPS_USERS}:
 * <pre>{"users": [{"name": "trucban", "role": "command", "passwordHash": "$pbkdf2$..."},
 *            {"name": "lx-1", "role": "district", "district": "long-xuyen", "passwordHash": "..."}]}</pre>
 * ({@code java -jar examops.jar hash-password} prints an entry). Checked whole at start; an error
 * names the entry.
 */
public final class Users {

  /** One person who may log in. */
  public record User(String name, Role role, String district, String passwordHash) {}

  /**
   * Checked against when the name is unknown, so that a wrong name costs the same time as a wrong
   * password. Written out rather than hashed at start: hashing it took ~0.5 s of every node's start,
   * and a decoy need not be secret, only as costly to check as a real hash (same algorithm, same
   * iterations: {@code UsersTest} checks it).
   */
  static final String DECOY = "$pbkdf2$it=210000$83d59fUZtzikxqK7LLEfrQ==$"
      + "kaGpZ8hkwBfXJ3w8gzCpZhyRduieABJlZPHCyJdrpPYcuTFQHSzQmhsLJsCGIDNJaSKWsK8DxcorlX75FF2nYA";

  private final Map<String, User> byName;

  private Users(Map<String, User> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static Users none() {
    return new Users(Map.of());
  }

  /** Reads and checks the users file; {@code districtExists} answers for the province data. */
  public static Users load(String path, Predicate<String> districtExists) {
    if (path == null || path.isBlank()) return none();
    JsonObject json;
    try {
      String text = Files.readString(Path.of(path));
      json = text.trim().startsWith("[") ? new JsonObject().put("users", new JsonArray(text)) : new JsonObject(text);
    } catch (IOException e) {
      throw new UncheckedIOException("EXAMOPS_USERS: cannot read " + path, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("EXAMOPS_USERS: " + path + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonArray list = json.getJsonArray("users", new JsonArray());
    Map<String, User> users = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      User u = entry(list.getValue(i), districtExists, "EXAMOPS_USERS " + path + ": users[" + i + "]");
      if (users.put(u.name(), u) != null) {
        throw new IllegalArgumentException("EXAMOPS_USERS " + path + ": users[" + i + "]: name '" + u.name() + "' appears twice");
      }
    }
    return new Users(users);
  }

  private static User entry(Object value, Predicate<String> districtExists, String where) {
    if (!(value instanceof JsonObject o)) throw new IllegalArgumentException(where + ": must be an object");
    String name = o.getString("name");
    if (name == null || name.isBlank()) throw new IllegalArgumentException(where + ": name is missing");
    String at = where + " (" + name + ")";
    Role role = Role.fromWireName(o.getString("role")).orElseThrow(() -> new IllegalArgumentException(at + ": " + (
        o.getString("role") == null ? "role is missing" : "unknown role '" + o.getString("role") + "'; one of " + Role.names())));
    String district = o.getString("district");
    if (role == Role.DISTRICT && (district == null || !districtExists.test(district))) {
      throw new IllegalArgumentException(at + ": a district user needs a district of the province data, got '" + district + "'");
    }
    String hash = o.getString("passwordHash");
    if (!Passwords.wellFormed(hash)) {
      throw new IllegalArgumentException(at + ": passwordHash must be a $pbkdf2$ hash from 'java -jar examops.jar hash-password'");
    }
    return new User(name, role, role == Role.DISTRICT ? district : null, hash);
  }

  /** The user when the password is right; blocking (~0.1 s), call off the event loop. */
  public Optional<User> check(String name, String password) {
    User u = name == null ? null : byName.get(name);
    boolean ok = Passwords.verify(u == null ? DECOY : u.passwordHash(), password == null ? "" : password);
    return ok && u != null ? Optional.of(u) : Optional.empty();
  }

  public int size() {
    return byName.size();
  }
}
