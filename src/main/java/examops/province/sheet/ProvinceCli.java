package examops.province.sheet;

import examops.province.Province;
import examops.province.ProvinceException;
import examops.province.ProvinceLoader;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code province export --dir DIR}: the province (EXAMOPS_PROVINCE, else the built-in one) as CSV
 * files; {@code province import --dir DIR --out FILE.json [--lang en]}: a province file built from
 * them, written only when valid. Exit 0 when done, 1 on problems in the data, 2 on a usage error.
 */
public final class ProvinceCli {

  private ProvinceCli() {}

  public static boolean handles(String[] args) {
    return args.length > 0 && args[0].equals("province");
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>();
    String command = args.length > 1 ? args[1] : "";
    for (int i = 2; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) return usage(err, "unexpected argument " + a);
      options.put(a.substring(2), args[++i]);
    }
    try {
      return switch (command) {
        case "export" -> export(options, env, out, err);
        case "import" -> importSheets(options, out, err);
        default -> usage(err, command.isEmpty() ? "say export or import" : "unknown command " + command);
      };
    } catch (IOException e) {
      err.println("examops province: " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("examops province: " + problem);
    err.println("usage: province export --dir DIR");
    err.println("       province import --dir DIR --out FILE.json [--lang vi|en]");
    return 2;
  }

  private static int export(Map<String, String> options, Map<String, String> env, PrintStream out, PrintStream err)
      throws IOException {
    if (!known(options, List.of("dir"), err)) return 2;
    String dir = options.get("dir");
    if (dir == null) return usage(err, "--dir is required");
    String source = env.get("EXAMOPS_PROVINCE");
    Province province;
    try {
      province = ProvinceLoader.loadOrDefault(source);
    } catch (ProvinceException e) {
      err.println("examops province: " + e.getMessage());
      return 1;
    }
    Path target = Path.of(dir);
    Files.createDirectories(target);
    for (Map.Entry<String, byte[]> file : SheetExport.export(province).entrySet()) {
      write(target.resolve(file.getKey()), file.getValue());
    }
    out.println("wrote " + SheetFiles.files().size() + " CSV files to " + target + " from "
        + (source == null || source.isBlank() ? "the built-in province" : source) + ": " + summary(province));
    return 0;
  }

  private static int importSheets(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
    if (!known(options, List.of("dir", "out", "lang"), err)) return 2;
    String dir = options.get("dir");
    String file = options.get("out");
    String lang = options.getOrDefault("lang", "vi");
    if (dir == null || file == null) return usage(err, "--dir and --out are required");
    if (!lang.equals("vi") && !lang.equals("en")) return usage(err, "--lang is vi or en, not " + lang);
    Path source = Path.of(dir);
    if (!Files.isDirectory(source)) return usage(err, dir + " is not a directory");
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : SheetImport.fileNames()) {
      Path p = source.resolve(name);
      if (Files.isRegularFile(p)) files.put(name, Files.readAllBytes(p));
    }
    SheetImport.Result result = SheetImport.read(files);
    if (!result.ok()) {
      err.println(lang.equals("en")
          ? result.problems().size() + " problem(s); " + file + " was not written:"
          : result.problems().size() + " lỗi; chưa ghi " + file + ":");
      result.problems().forEach(p -> err.println(p.render(lang)));
      return 1;
    }
    JsonObject json = new JsonObject()
        .put("_comment", "Built by `examops province import` from the CSV files in " + source.getFileName() + ".");
    json.getMap().putAll(result.json().getMap());
    write(Path.of(file), (json.encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8));
    out.println((lang.equals("en") ? "wrote " : "đã ghi ") + file + ": " + summary(result.province()));
    return 0;
  }

  private static boolean known(Map<String, String> options, List<String> allowed, PrintStream err) {
    for (String o : options.keySet()) {
      if (!allowed.contains(o)) {
        usage(err, "unknown option --" + o);
        return false;
      }
    }
    return true;
  }

  private static String summary(Province p) {
    return p.districts().size() + " districts, " + p.sites().size() + " sites (" + p.gradingSites().size()
        + " grading), " + p.targets().size() + " targets, " + p.publishing().size() + " checklist items, "
        + p.timetable().size() + " timetable entries, " + p.contacts().size() + " contacts";
  }

  /** Written beside and moved in place, so a failed write never leaves half a file. */
  private static void write(Path path, byte[] bytes) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
