package examops.province.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class SheetRoundTripTest {

  private static final Province BUILT_IN = ProvinceLoader.loadDefault();

  @Test
  @DisplayName("the built-in province exported to CSV and imported again is the same province, and its file loads to it too")
  void roundTrip() {
    SheetImport.Result result = SheetImport.read(SheetExport.export(BUILT_IN));
    assertThat(result.problems()).isEmpty();
    assertSame(result.province(), BUILT_IN);
    assertSame(ProvinceLoader.parse(result.json().encode(), "imported"), BUILT_IN);
    assertThat(result.province().gradingSites()).hasSize(2);
    assertThat(result.province().grading()).isEqualTo(BUILT_IN.grading());
  }

  @Test
  @DisplayName("every file is UTF-8 with a BOM, a header row and CRLF line ends; sites.csv starts with the issue's columns")
  void spreadsheetFriendly() {
    Map<String, byte[]> files = SheetExport.export(BUILT_IN);
    assertThat(files.keySet()).containsExactly("province.csv", "districts.csv", "sites.csv", "targets.csv",
        "publishing.csv", "timetable.csv", "cadences.csv", "contacts.csv", "maintenance.csv", "probe-phases.csv",
        "after-exam.csv", "departments.csv");
    files.forEach((name, bytes) -> {
      assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).endsWith("\r\n");
      assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    });
    String sites = text(files.get("sites.csv"));
    assertThat(sites).startsWith("\uFEFFid,district,kind,name_vi,name_en,address,checkins,sample\r\n")
        .contains("long-xuyen/cham-thi-tu-luan,long-xuyen,grading,Điểm chấm thi tự luận,Essay grading site,,true,true\r\n");
    assertThat(sites.lines().count()).isEqualTo(1 + BUILT_IN.sites().size());
    assertThat(text(files.get("districts.csv"))).contains("chau-doc,TP. Châu Đốc,");
  }

  @Test
  @DisplayName("files saved back by a spreadsheet read the same: ';' separator, no BOM, LF or CR ends, quoting everywhere, blank rows, TRUE/FALSE, 7:00")
  void spreadsheetVariants() {
    Map<String, byte[]> files = SheetExport.export(BUILT_IN);
    Map<String, byte[]> variant = new LinkedHashMap<>();
    files.forEach((name, bytes) -> variant.put(name, resave(text(bytes), name.hashCode())));
    SheetImport.Result result = SheetImport.read(variant);
    assertThat(result.problems()).isEmpty();
    assertSame(result.province(), BUILT_IN);
  }

  @Test
  @DisplayName("quoted cells keep commas, semicolons, quotes and line breaks; a leading apostrophe shields a formula-like value")
  void quoting() {
    Map<String, byte[]> files = SheetExport.export(BUILT_IN);
    files.put("districts.csv", edit(files.get("districts.csv"), t -> t.replace("chau-doc,TP. Châu Đốc,",
        "chau-doc,\"TP. Châu Đốc, \"\"An Giang\"\"; dòng 1\r\ndòng 2\",")));
    files.put("contacts.csv", edit(files.get("contacts.csv"), t -> t.replace("0296.6.522.225", "'+84 296 6 522 225")));
    SheetImport.Result result = SheetImport.read(files);
    assertThat(result.problems()).isEmpty();
    assertThat(result.province().district("chau-doc").orElseThrow().name().vi())
        .isEqualTo("TP. Châu Đốc, \"An Giang\"; dòng 1\ndòng 2");
    assertThat(result.province().contacts().get(0).phone()).isEqualTo("+84 296 6 522 225");
    Map<String, byte[]> again = SheetImport.read(SheetExport.export(result.province())).problems().isEmpty()
        ? SheetExport.export(SheetImport.read(SheetExport.export(result.province())).province()) : Map.of();
    assertThat(text(again.get("contacts.csv"))).contains(",'+84 296 6 522 225,");
    assertSame(SheetImport.read(again).province(), result.province());
  }

  @Test
  @DisplayName("the sample CSVs in province/sample are the built-in province as exported today, and import to it")
  void committedSample() throws IOException {
    Path dir = Path.of("province/sample");
    Map<String, byte[]> exported = SheetExport.export(BUILT_IN);
    Map<String, byte[]> committed = new LinkedHashMap<>();
    for (String name : exported.keySet()) committed.put(name, Files.readAllBytes(dir.resolve(name)));
    exported.forEach((name, bytes) -> assertThat(text(committed.get(name))).as(name).isEqualTo(text(bytes)));
    assertSame(SheetImport.read(committed).province(), BUILT_IN);
  }

  static void assertSame(Province actual, Province expected) {
    assertThat(actual).isNotNull();
    assertThat(actual.id()).isEqualTo(expected.id());
    assertThat(actual.name()).isEqualTo(expected.name());
    assertThat(actual.authority()).isEqualTo(expected.authority());
    assertThat(actual.exam()).isEqualTo(expected.exam());
    assertThat(actual.zone()).isEqualTo(expected.zone());
    assertThat(actual.window()).isEqualTo(expected.window());
    assertThat(actual.districts()).isEqualTo(expected.districts());
    assertThat(actual.targets()).isEqualTo(expected.targets());
    assertThat(actual.publishing()).isEqualTo(expected.publishing());
    assertThat(actual.timetable()).isEqualTo(expected.timetable());
    assertThat(actual.checkins()).isEqualTo(expected.checkins());
    assertThat(actual.contacts()).isEqualTo(expected.contacts());
    assertThat(actual.maintenance()).isEqualTo(expected.maintenance());
    assertThat(actual.grading()).isEqualTo(expected.grading());
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] edit(byte[] file, UnaryOperator<String> change) {
    String before = text(file);
    String after = change.apply(before);
    assertThat(after).as("the edit changed the file").isNotEqualTo(before);
    return after.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The file as a spreadsheet in a comma-decimal locale might save it: ';' between cells, every
   * cell quoted, no BOM on some, LF or CR ends, TRUE/FALSE, times without a leading zero, a blank row.
   */
  private static byte[] resave(String text, int seed) {
    boolean bom = (seed & 1) == 0;
    String end = (seed & 2) == 0 ? "\n" : (seed & 4) == 0 ? "\r" : "\r\n";
    StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
    for (String line : parseLines(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
      out.append(line).append(end);
    }
    out.append(";;;").append(end);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static java.util.List<String> parseLines(String text) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String line : text.split("\r\n")) {
      java.util.List<String> cells = new java.util.ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i <= line.length(); i++) {
        char c = i < line.length() ? line.charAt(i) : ',';
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          String v = cell.toString();
          v = v.equals("true") ? "TRUE" : v.equals("false") ? "FALSE" : v.matches("0\\d:\\d\\d") ? v.substring(1) : v;
          cells.add("\"" + v.replace("\"", "\"\"") + "\"");
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      lines.add(String.join(";", cells));
    }
    return lines;
  }
}
