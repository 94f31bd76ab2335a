package examops.province.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import examops.province.ProvinceLoader;
import examops.testing.Tier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tier.Unit
class ProvinceCliTest {

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @DisplayName("province export then province import writes a province file that loads to the built-in province")
  void exportThenImport() {
    Path dir = tmp.resolve("sheets");
    assertThat(run(Map.of(), "province", "export", "--dir", dir.toString())).isZero();
    assertThat(out()).contains("wrote 12 CSV files", "the built-in province", "49 sites (2 grading)");
    Path file = tmp.resolve("an-giang.json");
    assertThat(run(Map.of(), "province", "import", "--dir", dir.toString(), "--out", file.toString())).isZero();
    assertThat(out()).contains("đã ghi " + file);
    SheetRoundTripTest.assertSame(ProvinceLoader.load(file), ProvinceLoader.loadDefault());
  }

  @Test
  @DisplayName("export reads EXAMOPS_PROVINCE when it is set")
  void exportsTheConfiguredProvince() throws IOException {
    Path file = tmp.resolve("p.json");
    Path sheets = tmp.resolve("sheets");
    run(Map.of(), "province", "export", "--dir", sheets.toString());
    Files.writeString(sheets.resolve("districts.csv"), Files.readString(sheets.resolve("districts.csv"))
        .replace("TP. Châu Đốc", "Thành phố Châu Đốc"));
    assertThat(run(Map.of(), "province", "import", "--dir", sheets.toString(), "--out", file.toString())).isZero();
    Path again = tmp.resolve("again");
    assertThat(run(Map.of("EXAMOPS_PROVINCE", file.toString()), "province", "export", "--dir", again.toString())).isZero();
    assertThat(out()).contains("from " + file);
    assertThat(Files.readString(again.resolve("districts.csv"))).contains("chau-doc,Thành phố Châu Đốc,");
  }

  @Test
  @DisplayName("bad sheets: exit 1, every problem on standard error as file:line, in English with --lang en, and no file written")
  void badSheets() throws IOException {
    Path dir = tmp.resolve("sheets");
    run(Map.of(), "province", "export", "--dir", dir.toString());
    Files.writeString(dir.resolve("sites.csv"), Files.readString(dir.resolve("sites.csv"))
        .replace("tan-chau/thpt-tan-chau,tan-chau,", "tan-chau/thpt-tan-chau,tan-chou,"));
    Files.delete(dir.resolve("contacts.csv"));
    Path file = tmp.resolve("out.json");
    assertThat(run(Map.of(), "province", "import", "--dir", dir.toString(), "--out", file.toString())).isEqualTo(1);
    assertThat(err()).startsWith("2 lỗi; chưa ghi " + file + ":\n")
        .contains("sites.csv:14: huyện \"tan-chou\" không có trong districts.csv\n")
        .contains("contacts.csv:0: thiếu tệp");
    assertThat(file).doesNotExist();
    assertThat(run(Map.of(), "province", "import", "--dir", dir.toString(), "--out", file.toString(), "--lang", "en")).isEqualTo(1);
    assertThat(err()).startsWith("2 problem(s); " + file + " was not written:\n")
        .contains("sites.csv:14: district \"tan-chou\" is not in districts.csv\n");
  }

  @Test
  @DisplayName("usage errors exit 2 and say what is wrong")
  void usage() {
    assertThat(run(Map.of(), "province")).isEqualTo(2);
    assertThat(run(Map.of(), "province", "import", "--dir", tmp.toString())).isEqualTo(2);
    assertThat(err()).contains("--dir and --out are required");
    assertThat(run(Map.of(), "province", "import", "--dir", tmp.toString(), "--out", "x.json", "--lang", "fr")).isEqualTo(2);
    assertThat(err()).contains("--lang is vi or en, not fr");
    assertThat(run(Map.of(), "province", "export", "--folder", tmp.toString())).isEqualTo(2);
    assertThat(err()).contains("unknown option --folder");
    assertThat(run(Map.of(), "province", "import", "--dir", tmp.resolve("nope").toString(), "--out", "x.json")).isEqualTo(2);
    assertThat(err()).contains("is not a directory");
  }

  private int run(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return ProvinceCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
