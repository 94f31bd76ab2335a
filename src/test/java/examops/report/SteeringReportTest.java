package examops.report;

import static org.assertj.core.api.Assertions.assertThat;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Steering Committee's figures and document over one exam day: the portal down 45 minutes
 * during the Literature paper, an exam site's internet down 15 minutes during Mathematics and 30 in
 * the evening, one alert raised twice under one onset. Pure, then the PDF and .docx read back with
 * the libraries that wrote them.
 */
@Tier.Unit
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteeringReportTest {

  static final Province PROVINCE = ProvinceLoader.loadDefault();
  static final String INTERNET = "long-xuyen/thpt-long-xuyen/internet";
  private JsonObject report;

  @BeforeAll
  void day() {
    java.util.List<Event> events = new java.util.ArrayList<>();
    for (String at : new String[] {"06:00", "11:00", "13:00", "14:00", "16:00", "19:00", "21:00"}) {
      events.add(probe("province/portal", "up", at));
      events.add(probe(INTERNET, "up", at));
    }
    events.add(probe("province/portal", "down", "08:00"));
    events.add(probe("province/portal", "up", "08:45"));
    events.add(probe(INTERNET, "down", "14:40"));
    events.add(probe(INTERNET, "up", "14:55"));
    events.add(probe(INTERNET, "down", "20:00"));
    events.add(probe(INTERNET, "up", "20:30"));
    events.add(event(EventType.INCIDENT_REPORTED, "09:00", "long-xuyen", new JsonObject().put("incidentId", "inc-1")
        .put("title", "Mất internet tại điểm thi").put("severity", "high").put("category", "network").put("site", "long-xuyen/thpt-long-xuyen")));
    String alert = "target-down:province.portal:" + at("08:00").getEpochSecond();
    events.add(raised(alert, "08:03"));
    events.add(event(EventType.ALERT_CLEARED, "08:20", null, new JsonObject().put("alertId", alert)));
    events.add(raised(alert, "08:25")); // the same onset, raised again: one alert
    events.add(raised("target-down:" + INTERNET.replace('/', '.') + ":" + at("14:40").getEpochSecond(), "14:43"));
    ReportLedger ledger = new ReportLedger(PROVINCE, Instant.parse("2020-08-09T17:00:00Z"));
    events.stream().sorted(java.util.Comparator.comparing(Event::atInstant)).forEach(ledger::apply); // the log's order
    ReportWindow window = ReportWindow.parse("2020-08-09T00:00:00+07:00", "2020-08-10T00:00:00+07:00", PROVINCE,
        Instant.parse("2020-08-12T00:00:00Z"));
    report = KpiReport.build(PROVINCE, ledger, window, new JsonObject().put("records", 30).put("refused", 0),
        Instant.parse("2020-08-12T02:00:00Z"));
  }

  @Test
  @DisplayName("availability is measured over the exam papers, not the clock day: 45 minutes down in 3 h 30 min of papers")
  void availabilityOverSessions() {
    JsonObject s = report.getJsonObject("steering");
    assertThat(s.getJsonArray("sessions").stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("ngu-van", "toan");
    JsonObject portal = s.getJsonArray("keyServices").stream().map(JsonObject.class::cast)
        .filter(o -> o.getString("id").equals("province/portal")).findFirst().orElseThrow();
    assertThat(portal.getLong("totalSec")).isEqualTo(210 * 60);
    assertThat(portal.getLong("downSec")).isEqualTo(45 * 60);
    assertThat(portal.getLong("unknownSec")).isZero();
    assertThat(portal.getDouble("availability")).isEqualTo(0.7857); // 165 of 210 minutes
    assertThat(portal.getLong("downSecWindow")).isEqualTo(45 * 60);
  }

  @Test
  @DisplayName("outage minutes per target, during the papers and over the period, longest during the papers first")
  void outageMinutesPerTarget() {
    var outages = report.getJsonObject("steering").getJsonArray("outages");
    assertThat(outages).hasSize(2);
    assertThat(outages.getJsonObject(0).getString("id")).isEqualTo("province/portal");
    assertThat(outages.getJsonObject(0).getLong("downMinSessions")).isEqualTo(45);
    JsonObject internet = outages.getJsonObject(1);
    assertThat(internet.getString("id")).isEqualTo(INTERNET);
    assertThat(internet.getLong("downMinSessions")).isEqualTo(15);
    assertThat(internet.getLong("downMinWindow")).isEqualTo(45);
    assertThat(internet.getJsonObject("districtNames").getString("vi")).isEqualTo("TP. Long Xuyên");
  }

  @Test
  @DisplayName("an alert raised again under the same onset is counted once; the raises are kept apart")
  void alertsOncePerOnset() {
    JsonObject a = report.getJsonObject("steering").getJsonObject("alerts");
    assertThat(a.getInteger("onsets")).isEqualTo(2);
    assertThat(a.getInteger("raises")).isEqualTo(3);
    assertThat(a.getJsonObject("byRule").getInteger("target-down")).isEqualTo(2);
  }

  @Test
  @DisplayName("the PDF opens and reads back in Vietnamese: national motto, issuer, Kính gửi, names not ids, Nơi nhận and signature")
  void pdfReadsBack() throws Exception {
    byte[] pdf = PdfExport.write(SteeringDocument.build(PROVINCE, report, "vi"));
    keep("steering-report-vi.pdf", pdf);
    String text = pdfText(pdf).replaceAll("\\s+", " ");
    assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH AN GIANG", "An Giang, ngày 12 tháng 8 năm 2020", "Số:", "BÁO CÁO",
        "Kính gửi:", "Ban Chỉ đạo kỳ thi tỉnh", "I. KẾT QUẢ CHUNG", "II. HOẠT ĐỘNG CỦA HỆ THỐNG TRONG CÁC BUỔI THI",
        "Cổng thông tin điện tử tỉnh", "78,57 %", "TP. Long Xuyên / Điểm thi THPT Long Xuyên", "Mất internet tại điểm thi",
        "Nơi nhận:", "GIÁM ĐỐC");
    assertThat(text).doesNotContain("long-xuyen", "province/portal", "target-down");
  }

  @Test
  @DisplayName("the .docx opens in Apache POI and reads back the same Vietnamese text; in English it is English")
  void docxReadsBack() throws Exception {
    byte[] docx = DocxExport.write(SteeringDocument.build(PROVINCE, report, "vi"));
    keep("steering-report-vi.docx", docx);
    String vi = docxText(docx);
    assertThat(vi).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kính gửi:",
        "TP. Long Xuyên / Điểm thi THPT Long Xuyên", "Cổng thông tin điện tử tỉnh", "Nơi nhận:", "GIÁM ĐỐC",
        "Hệ thống ngừng hoạt động");
    assertThat(vi).doesNotContain("long-xuyen", "province/portal", "target-down");
    String en = docxText(DocxExport.write(SteeringDocument.build(PROVINCE, report, "en")));
    assertThat(en).contains("SOCIALIST REPUBLIC OF VIETNAM", "REPORT", "To:", "Provincial web portal", "78.57%",
        "Long Xuyên city / THPT Long Xuyên exam site", "Recipients:", "DIRECTOR", "An Giang, 12 August 2020");
    assertThat(en).doesNotContain("Kính gửi", "Nơi nhận", "Cổng thông tin");
  }

  /** Kept beside the screenshots, to be looked at. */
  static void keep(String name, byte[] bytes) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve(name), bytes);
  }

  static String pdfText(byte[] pdf) throws Exception {
    return ExportText.pdf(pdf);
  }

  static String docxText(byte[] docx) throws Exception {
    return ExportText.docx(docx);
  }

  private static Instant at(String local) {
    return OffsetDateTime.parse("2020-08-09T" + local + ":00+07:00").toInstant();
  }

  private static Event event(EventType type, String local, String district, JsonObject data) {
    OffsetDateTime t = OffsetDateTime.parse("2020-08-09T" + local + ":00+07:00");
    return new Event(UUID.randomUUID().toString(), type, t, t.toInstant(), "test", district, data);
  }

  private static Event probe(String target, String status, String local) {
    return event(EventType.PROBE_RESULT, local, null, new JsonObject().put("target", target).put("status", status));
  }

  private static Event raised(String alertId, String local) {
    return event(EventType.ALERT_RAISED, local, null, new JsonObject().put("alertId", alertId).put("rule", "target-down")
        .put("subject", "province/portal").put("severity", "critical").put("message", "Cổng mất kết nối").put("messageEn", "Portal down"));
  }
}
