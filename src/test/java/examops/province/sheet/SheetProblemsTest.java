package examops.province.sheet;

import static examops.province.sheet.SheetRoundTripTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad spreadsheets: every problem, at its file and line, in Vietnamese (and English). */
@Tier.Unit
class SheetProblemsTest {

  private static final Province BUILT_IN = ProvinceLoader.loadDefault();
  private static final String SITE = "tan-chau/thpt-tan-chau";

  @Test
  @DisplayName("a site in a district that is not in districts.csv is named at its line, in Vietnamese and English")
  void unknownDistrict() {
    Map<String, byte[]> files = export();
    int line = lineOf(files, "sites.csv", SITE + ",");
    edit(files, "sites.csv", t -> t.replace(SITE + ",tan-chau,", SITE + ",tan-chou,"));
    SheetImport.Result r = SheetImport.read(files);
    assertThat(vi(r)).contains("sites.csv:" + line + ": huyện \"tan-chou\" không có trong districts.csv");
    assertThat(en(r)).contains("sites.csv:" + line + ": district \"tan-chou\" is not in districts.csv");
    assertThat(r.json()).isNull();
    assertThat(r.province()).isNull();
  }

  @Test
  @DisplayName("two bad cells in one row are two problems on that line; the targets of a left-out site are not reported again")
  void twoBadCells() {
    Map<String, byte[]> files = export();
    int line = lineOf(files, "targets.csv", "province/email,");
    edit(files, "targets.csv", t -> t.replace("province/email,email,", "province/email,e-mail,")
        .replace("https://mail.angiang.gov.vn/,200,,,PT30S", "https://mail.angiang.gov.vn/,200,,,30 phút"));
    int siteLine = lineOf(files, "sites.csv", SITE + ",");
    edit(files, "sites.csv", t -> t.replace(SITE + ",tan-chau,exam,", SITE + ",tan-chau,exam-site,"));
    List<String> problems = vi(SheetImport.read(files));
    assertThat(problems).filteredOn(p -> p.startsWith("targets.csv:" + line + ":")).hasSize(2)
        .anyMatch(p -> p.contains("\"kind\" = \"e-mail\" không phải một trong: datacenter, email"))
        .anyMatch(p -> p.contains("\"probe_interval\" = \"30 phút\" không phải khoảng thời gian"));
    assertThat(problems).contains("sites.csv:" + siteLine + ": \"kind\" = \"exam-site\" không phải một trong: exam, grading");
    assertThat(problems).noneMatch(p -> p.contains(SITE + "\" không có trong sites.csv"));
    assertThat(problems).hasSize(3);
  }

  @Test
  @DisplayName("rules across files are the province loader's, reported at the row they come from")
  void crossEntryRules() {
    Map<String, byte[]> files = export();
    int dup = lineOf(files, "targets.csv", "province/portal,");
    edit(files, "targets.csv", t -> t.replace("\r\nprovince/portal,", "\r\nprovince/email,")
        .replace(SITE + "/fax,fax,tan-chau," + SITE + ",", SITE + "/fax,fax,an-phu," + SITE + ","));
    int fax = lineOf(files, "targets.csv", SITE + "/fax,");
    int toan = lineOf(files, "timetable.csv", "toan,");
    edit(files, "timetable.csv", t -> t.replace("toan,exam,Toán,Mathematics,2020-08-09T13:30:00+07:00",
        "toan,exam,Toán,Mathematics,2020-08-09T09:00:00+07:00"));
    int window = lineOf(files, "maintenance.csv", "dc-storage");
    edit(files, "maintenance.csv", t -> t.replace("province/data-center,", "province/data-centre,"));
    int cadence = lineOf(files, "cadences.csv", "district,reporting,");
    edit(files, "cadences.csv", t -> t.replace("district,reporting,PT10H,PT2H,07:00,17:00", "district,reporting,PT10H,PT2H,07:00,"));
    SheetImport.Result r = SheetImport.read(files);
    assertThat(vi(r)).contains(
        "targets.csv:" + dup + ": id mục giám sát bị trùng (đã có ở dòng trước)",
        "targets.csv:" + fax + ": điểm \"" + SITE + "\" thuộc huyện \"tan-chau\", không phải \"an-phu\"",
        "timetable.csv:" + toan + ": mở trước khi buổi \"ngu-van\" kết thúc (các buổi phải theo thứ tự thời gian, không chồng nhau)",
        "maintenance.csv:" + window + ": targets: \"province/data-centre\" không có trong targets.csv",
        "cadences.csv:" + cadence + ": cho cả active_from và active_to, hoặc để trống cả hai");
    assertThat(en(r)).contains(
        "targets.csv:" + dup + ": duplicate target id",
        "timetable.csv:" + toan + ": opens before \"ngu-van\" ends (sessions must be in time order, without overlap)",
        "cadences.csv:" + cadence + ": give both active_from and active_to, or neither");
  }

  @Test
  @DisplayName("grading sites without grading dates, grading dates out of order, a contact without phone or email")
  void gradingAndContacts() {
    Map<String, byte[]> files = export();
    edit(files, "province.csv", t -> t.replace("2020-08-12T07:00:00+07:00,2020-08-23T00:00:00+07:00,true,\"Ngày chấm thi 2020 ước tính, cần đối chiếu kế hoạch của Hội đồng thi\",\"2020 grading dates estimated; check them against the exam council plan\"", ",,,,"));
    assertThat(vi(SheetImport.read(files))).containsExactly(
        "province.csv:2: có điểm chấm thi (kind = grading) trong sites.csv nhưng province.csv không có grading_start và grading_end");
    files = export();
    edit(files, "province.csv", t -> t.replace("2020-08-12T07:00:00+07:00,2020-08-23T00:00:00+07:00", "2020-08-23 07:00,2020-08-12 07:00"));
    int contact = lineOf(files, "contacts.csv", "sotttt-chanh-van-phong,");
    edit(files, "contacts.csv", t -> t.replace("0296.6.522.225,sotttt@angiang.gov.vn", ","));
    assertThat(vi(SheetImport.read(files))).containsExactly(
        "province.csv:2: grading_start phải trước grading_end",
        "contacts.csv:" + contact + ": cần số điện thoại (phone) hoặc email");
    files = export();
    edit(files, "province.csv", t -> t.replace("2020-08-23T00:00:00+07:00,true", ",true"));
    assertThat(en(SheetImport.read(files))).containsExactly("province.csv:2: give both grading_start and grading_end, or neither");
  }

  @Test
  @DisplayName("headers: an unknown column, a required column missing, a column twice; notes columns (_...) are ignored")
  void headers() {
    Map<String, byte[]> files = export();
    edit(files, "targets.csv", t -> t.replace(",depends_on,", ",depend_on,"));
    edit(files, "districts.csv", t -> t.replace("id,name_vi,name_en", "id,name_en,name_en"));
    edit(files, "publishing.csv", t -> t.replace("channel,item,name_vi,name_en,due,per_district\r\n",
        "channel,item,name_vi,name_en,due,per_district,_ghi chú\r\n").replaceFirst("(\r\nprovincial-portal,exam-section-opened,[^\r\n]*)", "$1,một ghi chú"));
    List<String> problems = vi(SheetImport.read(files));
    assertThat(problems).contains(
        "districts.csv:1: cột \"name_en\" có hai lần",
        "districts.csv:1: thiếu cột bắt buộc \"name_vi\"",
        "targets.csv:1: cột \"depend_on\" không có trong targets.csv (các cột: id, kind, district, site, name_vi, name_en, depends_on, probe_type, probe_url, probe_expect_status, probe_host, probe_port, probe_interval, probe_timeout, probe_latency_threshold_ms, probe_enabled, failures_to_down, successes_to_up, down_alert_after)");
    assertThat(problems).noneMatch(p -> p.startsWith("publishing.csv"));
  }

  @Test
  @DisplayName("structure: an unclosed quote, text after a closing quote, a row with too many cells, an empty file, two province rows")
  void structure() {
    Map<String, byte[]> files = export();
    int chauDoc = lineOf(files, "districts.csv", "chau-doc,");
    edit(files, "districts.csv", t -> t.replace("chau-doc,TP. Châu Đốc,", "chau-doc,\"TP. Châu Đốc\" (An Giang),"));
    int lastContact = text(files.get("contacts.csv")).split("\r\n").length;
    edit(files, "contacts.csv", t -> t.substring(0, t.length() - 2).replaceFirst("(\r\n[^\r\n]*),([^,\r\n]*)$", "$1,\"$2\r\n"));
    int pubLine = lineOf(files, "publishing.csv", "provincial-portal,exam-section-opened,");
    edit(files, "publishing.csv", t -> t.replace("provincial-portal,exam-section-opened,", "provincial-portal,exam-section-opened,Mở, chuyên mục,"));
    files.put("maintenance.csv", new byte[0]);
    edit(files, "province.csv", t -> t + t.split("\r\n")[1] + "\r\n");
    List<String> problems = vi(SheetImport.read(files));
    assertThat(problems).contains(
        "province.csv:3: cần đúng một dòng dữ liệu (có 2)",
        "districts.csv:" + chauDoc + ": có chữ sau dấu ngoặc kép đóng của ô \"TP. Châu Đốc\" (trong ô có ngoặc kép, hãy viết \"\")",
        "publishing.csv:" + pubLine + ": dòng có 8 ô nhưng tiêu đề chỉ có 6 cột (thiếu dấu ngoặc kép quanh một ô có dấu phân cách?)",
        "contacts.csv:" + lastContact + ": dấu ngoặc kép mở ở đây không được đóng đến cuối tệp",
        "maintenance.csv:1: tệp trống: cần một dòng tiêu đề với tên các cột");
  }

  @Test
  @DisplayName("encoding: a file saved in a Windows code page is named at the line of its first bad byte; UTF-16 is named too; a missing file is named")
  void encodings() {
    Map<String, byte[]> files = export();
    int line = lineOf(files, "districts.csv", "chau-doc,");
    String districts = text(files.get("districts.csv")).substring(1);
    files.put("districts.csv", latin1Line(districts, line));
    files.put("timetable.csv", text(files.get("timetable.csv")).getBytes(StandardCharsets.UTF_16LE));
    files.remove("contacts.csv");
    List<String> problems = vi(SheetImport.read(files));
    assertThat(problems).containsExactly(
        "districts.csv:" + line + ": tệp không phải UTF-8 (có lẽ được lưu bằng bảng mã Windows); hãy lưu lại dạng \"CSV UTF-8\"",
        "timetable.csv:1: tệp được lưu dạng UTF-16 (\"Unicode Text\"); hãy lưu lại dạng \"CSV UTF-8\"",
        "contacts.csv:0: thiếu tệp (các tệp cần có: province.csv, districts.csv, sites.csv, targets.csv, publishing.csv, timetable.csv, contacts.csv)");
  }

  @Test
  @DisplayName("values: dates, durations, booleans, numbers, ids and choices that do not read, each said with an example")
  void values() {
    Map<String, byte[]> files = export();
    int portal = lineOf(files, "targets.csv", "province/portal,");
    edit(files, "targets.csv", t -> t.replace("\r\nprovince/portal,portal,,,", "\r\nprovince/portal,portal,,,")
        .replaceFirst("(\r\nprovince/portal,[^\r\n]*),200,", "$1,2000,")
        .replaceFirst("(\r\nprovince/portal,[^\r\n]*),(true|false),(\\d+),(\\d+),", "$1,có lẽ,0,$4,"));
    int ngoaiNgu = lineOf(files, "timetable.csv", "ngoai-ngu,");
    edit(files, "timetable.csv", t -> t.replace("ngoai-ngu,exam,", "ngoai-ngu,paper,").replace("2020-08-10T14:30:00+07:00", "10/8/2020 14:30"));
    int site = lineOf(files, "sites.csv", SITE + ",");
    edit(files, "sites.csv", t -> t.replace(SITE + ",tan-chau,exam,", "tan-chau/THPT Tân Châu,tan-chau,exam,"));
    int cadence = lineOf(files, "cadences.csv", "district,in-session,");
    edit(files, "cadences.csv", t -> t.replace("district,in-session,PT30M,", "district,in-session,30s,"));
    List<String> problems = vi(SheetImport.read(files));
    assertThat(problems).contains("cadences.csv:" + cadence + ": every phải ít nhất một phút (PT1M), đang là PT30S");
    assertThat(problems).contains(
        "targets.csv:" + portal + ": \"probe_expect_status\" = \"2000\" phải là số nguyên từ 100 đến 599",
        "targets.csv:" + portal + ": \"probe_enabled\" = \"có lẽ\" phải là true hoặc false (có/không)",
        "targets.csv:" + portal + ": \"failures_to_down\" = \"0\" phải là số nguyên từ 1 đến 1000",
        "timetable.csv:" + ngoaiNgu + ": \"kind\" = \"paper\" không phải một trong: site-check-in, exam, reserve",
        "timetable.csv:" + ngoaiNgu + ": \"start\" = \"10/8/2020 14:30\" không phải thời điểm (ví dụ 2020-08-09T07:35:00+07:00 hoặc 2020-08-09 07:35)");
    assertThat(problems).anyMatch(p -> p.startsWith("sites.csv:" + site + ": id điểm phải có dạng \"tan-chau/<slug>\""));
  }

  @Test
  @DisplayName("every problem of a badly damaged set is listed in one run, sorted by file and line")
  void everyProblemAtOnce() {
    Map<String, byte[]> files = export();
    edit(files, "sites.csv", t -> t.replace(SITE + ",tan-chau,", SITE + ",tan-chou,"));
    edit(files, "timetable.csv", t -> t.replace("ngoai-ngu,exam,", "ngoai-ngu,paper,"));
    edit(files, "contacts.csv", t -> t.replace("0296.6.522.225,sotttt@angiang.gov.vn", ","));
    edit(files, "cadences.csv", t -> t.replace("site,in-session,", "site,in-sesion,"));
    edit(files, "maintenance.csv", t -> t.replace("province/data-center,", "province/data-centre,"));
    List<String> problems = vi(SheetImport.read(files));
    assertThat(problems).hasSize(5);
    assertThat(problems).extracting(p -> p.substring(0, p.indexOf(".csv"))).containsExactly(
        "sites", "timetable", "cadences", "contacts", "maintenance");
  }

  private static Map<String, byte[]> export() {
    return new java.util.LinkedHashMap<>(SheetExport.export(BUILT_IN));
  }

  private static void edit(Map<String, byte[]> files, String file, UnaryOperator<String> change) {
    files.put(file, SheetRoundTripTest.edit(files.get(file), change));
  }

  /** The 1-based line of the first row starting with {@code prefix} (exported files have one line per row). */
  private static int lineOf(Map<String, byte[]> files, String file, String prefix) {
    String[] lines = text(files.get(file)).split("\r\n");
    for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(prefix)) return i + 1;
    throw new AssertionError("no row " + prefix + " in " + file);
  }

  /** The file as UTF-8 except one line, written as Latin-1 (as a code-page save would). */
  private static byte[] latin1Line(String text, int badLine) {
    String[] lines = text.split("\r\n", -1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i] + (i < lines.length - 1 ? "\r\n" : "");
      byte[] b = i + 1 == badLine ? l.replace("Đ", "D").replace("ố", "ô").getBytes(StandardCharsets.ISO_8859_1)
          : l.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  private static List<String> vi(SheetImport.Result r) {
    return r.problems().stream().map(p -> p.render("vi")).toList();
  }

  private static List<String> en(SheetImport.Result r) {
    return r.problems().stream().map(p -> p.render("en")).toList();
  }
}
