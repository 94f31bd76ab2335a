package examops.province;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates a province file: the classpath default, or a file on disk named in config.
 * Any problem stops the load with a {@link ProvinceException} listing every problem found.
 */
public final class ProvinceLoader {

  /** The default province: An Giang, the 2020 graduation exam. */
  public static final String DEFAULT_RESOURCE = "province/an-giang-2020.json";

  private ProvinceLoader() {}

  public static Province loadDefault() {
    return loadResource(DEFAULT_RESOURCE);
  }

  public static Province loadResource(String resource) {
    try (InputStream in = ProvinceLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new ProvinceException("classpath:" + resource, List.of("not found on the classpath"));
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
    } catch (IOException e) {
      throw new ProvinceException("classpath:" + resource, "cannot be read: " + e.getMessage(), e);
    }
  }

  public static Province load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ProvinceException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The file named by config when given, else the classpath default. */
  public static Province loadOrDefault(String pathOrNull) {
    return pathOrNull == null || pathOrNull.isBlank() ? loadDefault() : load(Path.of(pathOrNull));
  }

  /**
   * Parses and validates province JSON.
   *
   * @param source names the file in error messages
   */
  public static Province parse(String json, String source) {
    JsonObject root;
    try {
      root = new JsonObject(json);
    } catch (DecodeException e) {
      throw new ProvinceException(source, "is not valid JSON: " + e.getMessage(), e);
    }
    ProvinceParser parser = new ProvinceParser();
    Province province = parser.parse(root);
    if (province == null) throw new ProvinceException(source, parser.problems());
    List<String> problems = ProvinceValidator.validate(province);
    if (!problems.isEmpty()) throw new ProvinceException(source, problems);
    return province;
  }
}
