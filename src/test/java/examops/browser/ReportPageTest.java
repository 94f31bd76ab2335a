package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/** The printable report and the leadership summary, served by a real node over a small exam day. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TITLE = "<img src=x onerror=window.__x=1> Dò quét cổng thông tin";

  private Browser browser;
  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    node = TestNode.start();
    node.clock().set(Instant.parse("2020-08-09T14:00:00Z"));
    for (String at : new String[] {"06:30", "07:00", "07:35", "08:20"}) {
      post("/api/v1/checkins", at, "long-xuyen", new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok"));
    }
    post("/api/v1/checkins", "07:05", "chau-doc", new JsonObject().put("site", "chau-doc/thpt-chau-doc").put("status", "issue")
        .put("phone", "ok").put("fax", "down").put("internet", "slow"));
    post("/api/v1/monitoring", "06:00", null, new JsonObject().put("target", "province/portal").put("status", "up"));
    post("/api/v1/monitoring", "09:00", null, new JsonObject().put("target", "province/portal").put("status", "down"));
    post("/api/v1/monitoring", "09:20", null, new JsonObject().put("target", "province/portal").put("status", "up"));
    post("/api/v1/monitoring", "06:00", null, new JsonObject().put("target", "province/email").put("status", "degraded"));
    post("/api/v1/incidents", "07:10", "long-xuyen", new JsonObject().put("incidentId", "inc-1").put("title", TITLE)
        .put("severity", "critical").put("category", "security").put("description", "Nhiều yêu cầu bất thường"));
    awaitBoard(b -> b.getJsonObject("incidents").containsKey("inc-1"));
    post("/api/v1/incidents/inc-1/acknowledge", "07:14", "long-xuyen", new JsonObject().put("by", "Trực ban Sở"));
    awaitBoard(b -> b.getJsonObject("incidents").getJsonObject("inc-1").getString("acknowledgedAt") != null);
    post("/api/v1/incidents/inc-1/resolve", "08:02", "long-xuyen", new JsonObject().put("by", "Trực ban Sở").put("note", "Đã chặn IP"));
    post("/api/v1/publishing", "17:00", "long-xuyen", new JsonObject().put("channel", "radio").put("item", "live-coverage-day-1")
        .put("state", "done").put("evidence", "Bản tin 17h"));
    browser = Browser.start(1280, 900);
    browser.open(node.baseUrl() + "/?access_token=" + node.commandToken()); // signs this browser in as the command center
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (node != null) node.close();
  }

  @Test
  @DisplayName("the report page renders every section from the log, user text as text, and prints to A4")
  void reportRendersEverySection() throws Exception {
    browser.open(node.baseUrl() + "/report.html?day=2020-08-09");
    browser.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    for (String section : List.of("sec-summary", "sec-availability", "sec-incidents", "sec-checkins", "sec-publishing", "sec-alerts", "sec-days")) {
      assertThat(browser.driver().findElements(By.cssSelector("#" + section + " tbody tr"))).as(section).isNotEmpty();
    }
    for (String chart : List.of("chart-availability", "chart-incidents", "chart-timing", "chart-checkins", "chart-channels", "chart-days")) {
      assertThat(browser.js("return !!Chart.getChart(document.getElementById(arguments[0]));", chart)).as(chart).isEqualTo(true);
    }
    assertThat(text("#authority")).isEqualTo("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH AN GIANG");
    assertThat(text("#subject")).contains("Kỳ thi tốt nghiệp THPT năm 2020");
    assertThat(text(".recipients")).contains("Ban Chỉ đạo kỳ thi tỉnh").contains("Ủy ban nhân dân tỉnh");
    assertThat(text("#period-line")).contains("00:00 09/08").contains("00:00 10/08");
    assertThat(text("#incident-list .incident-title")).isEqualTo(TITLE);
    assertThat(text("#incident-list .timeline")).contains("Tiếp nhận").contains("Đã chặn IP");
    assertThat(browser.driver().findElements(By.cssSelector("#sheet img"))).isEmpty();
    assertThat(browser.js("return window.__x;")).isNull();
    assertThat(browser.driver().findElement(By.id("csv-link")).getAttribute("href")).contains("format=csv");
    assertThat(browser.driver().findElement(By.id("progress-box")).isDisplayed()).isFalse();
    browser.screenshot("report-page");
    browser.js("window.scrollTo(0, document.getElementById('sec-incidents').offsetTop - 60);");
    browser.screenshot("report-page-incidents");

    PrintOptions a4 = new PrintOptions();
    a4.setPageSize(new PageSize(29.7, 21.0)); // cm; the page's own @page margins apply
    a4.setPageMargin(new PageMargin(0, 0, 0, 0));
    String pdf = ((PrintsPage) browser.driver()).print(a4).getContent();
    Path out = Path.of("target", "screenshots", "report.pdf");
    Files.write(out, Base64.getDecoder().decode(pdf));
    assertThat(Files.size(out)).isGreaterThan(10_000);

    browser.driver().findElement(By.id("lang")).click();
    browser.waitUntil(WAIT, d -> text(".doc-title").equals("REPORT"));
    assertThat(text("#sec-incidents h2")).isEqualTo("IV. INCIDENTS");
    browser.driver().findElement(By.id("lang")).click();
    browser.waitUntil(WAIT, d -> text(".doc-title").equals("BÁO CÁO"));
  }

  @Test
  @DisplayName("the summary page shows the KPIs and its charts from the report API")
  void summaryShowsKpisAndCharts() {
    browser.viewport(1920, 1080);
    browser.open(node.baseUrl() + "/summary.html?day=2020-08-09");
    browser.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(text("#kpi-incidents")).isEqualTo("1");
    assertThat(text("#kpi-mtta")).isEqualTo("4 phút");
    assertThat(text("#kpi-mttr")).isEqualTo("52 phút");
    assertThat(text("#period option:checked")).isEqualTo("Ngày thi 09/08");
    for (String chart : List.of("chart-availability", "chart-incidents", "chart-timing", "chart-days", "chart-checkins", "chart-publishing", "chart-channels")) {
      assertThat(browser.js("return !!Chart.getChart(document.getElementById(arguments[0]));", chart)).as(chart).isEqualTo(true);
    }
    browser.screenshot("summary-page");
    browser.viewport(1280, 900);
  }

  @Test
  @DisplayName("opened from the board's buttons as leadership, on their defaults, the summary and the report show the whole window")
  void summaryAndReportFromTheBoardsButtons() {
    try (Browser leadership = Browser.start(1366, 768)) {
      leadership.open(node.baseUrl() + "/?access_token=" + node.token(Role.LEADERSHIP, null));
      leadership.waitUntil(WAIT, d -> !d.findElements(By.cssSelector("#district-grid .district")).isEmpty());
      leadership.driver().findElement(By.cssSelector("a.nav-link[href='summary.html']")).click();
      String summary = finalState(leadership);
      assertThat(summary).as("summary: %s", leadership.driver().findElement(By.id("status-text")).getText()).isEqualTo("true");
      assertThat(leadership.driver().findElements(By.cssSelector("#period option"))).as("whole window and each exam day").hasSizeGreaterThanOrEqualTo(3);
      assertThat(leadership.driver().findElement(By.cssSelector("#period option:checked")).getText()).isEqualTo("Cả đợt thi");
      leadership.screenshot("summary-from-board-1366x768");

      leadership.driver().navigate().back();
      leadership.waitUntil(WAIT, d -> !d.findElements(By.cssSelector("#district-grid .district")).isEmpty());
      leadership.driver().findElement(By.cssSelector("a.nav-link[href='report.html']")).click();
      String report = finalState(leadership);
      assertThat(report).as("report: %s", leadership.driver().findElement(By.id("progress-text")).getText()).isEqualTo("true");
      assertThat(leadership.driver().findElements(By.cssSelector("#sec-summary tbody tr"))).isNotEmpty();
      leadership.screenshot("report-from-board-1366x768");
    }
  }

  @Test
  @DisplayName("on a phone, the summary and the report opened from the board's buttons fit the screen's width")
  void summaryAndReportFitAPhone() {
    try (Browser phone = Browser.start(390, 844)) {
      phone.open(node.baseUrl() + "/?access_token=" + node.token(Role.LEADERSHIP, null));
      for (String page : new String[] {"summary.html", "report.html"}) {
        phone.waitUntil(WAIT, d -> !d.findElements(By.cssSelector("#district-grid .district")).isEmpty());
        phone.js("document.querySelector(\"a.nav-link[href='" + page + "']\").click();");
        assertThat(finalState(phone)).as(page).isEqualTo("true");
        phone.screenshot(page.replace(".html", "") + "-from-board-390x844");
        Object widths = phone.js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        assertThat(widths).as(page + ": the page's width against the screen's (no sideways scrolling)")
            .satisfies(w -> assertThat(((Number) ((java.util.List<?>) w).get(0)).intValue())
                .isLessThanOrEqualTo(((Number) ((java.util.List<?>) w).get(1)).intValue()));
        phone.driver().navigate().back();
      }
    }
  }

  @Test
  @DisplayName("at its defaults every link of the report page works; the PDF and .docx it offers open and read back in Vietnamese")
  void linksAndExportsAtDefaults() throws Exception {
    browser.open(node.baseUrl() + "/report.html");
    assertThat(finalState(browser)).isEqualTo("true");
    assertThat(browser.driver().findElement(By.id("pdf-link")).getAttribute("aria-disabled")).isNull();
    List<String> hrefs = browser.driver().findElements(By.cssSelector("a[href]")).stream()
        .map(a -> a.getAttribute("href")).filter(h -> h.startsWith(node.baseUrl())).distinct().toList();
    assertThat(hrefs).anyMatch(h -> h.contains("format=pdf")).anyMatch(h -> h.contains("format=docx"))
        .anyMatch(h -> h.contains("format=csv")).anyMatch(h -> h.endsWith("summary.html")).anyMatch(h -> h.endsWith("index.html"));
    for (String href : hrefs) {
      assertThat(fetchStatus(href)).as(href).isEqualTo(200);
    }
    String pdfHref = browser.driver().findElement(By.id("pdf-link")).getAttribute("href");
    byte[] pdf = fetchBytes(pdfHref);
    java.nio.file.Files.write(Path.of("target", "screenshots", "report-page-export.pdf"), pdf);
    String pdfText = examops.report.ExportText.pdf(pdf).replaceAll("\\s+", " ");
    assertThat(pdfText).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kính gửi:",
        "Cổng thông tin điện tử tỉnh", "Nơi nhận:").doesNotContain("long-xuyen");
    byte[] docx = fetchBytes(browser.driver().findElement(By.id("docx-link")).getAttribute("href"));
    java.nio.file.Files.write(Path.of("target", "screenshots", "report-page-export.docx"), docx);
    assertThat(examops.report.ExportText.docx(docx)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi:",
        "TP. Long Xuyên", "Nơi nhận:").doesNotContain("long-xuyen");
    browser.screenshot("report-page-defaults");
  }

  private long fetchStatus(String href) {
    Object status = browser.driver() instanceof org.openqa.selenium.JavascriptExecutor js ? js.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0], {cache: 'no-store'}).then(r => done(r.status), e => done(-1));", href) : -1;
    return ((Number) status).longValue();
  }

  private byte[] fetchBytes(String href) {
    Object b64 = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(buf => {"
        + "  let s = ''; const a = new Uint8Array(buf); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]); done(btoa(s));"
        + "}, e => done('ERROR ' + e));", href);
    assertThat(String.valueOf(b64)).as(href).doesNotStartWith("ERROR");
    return Base64.getDecoder().decode(String.valueOf(b64));
  }

  /** Waits until the page has finished generating, well or badly, and says which. */
  private static String finalState(Browser b) {
    return b.waitUntil(WAIT, d -> {
      String ready = d.findElement(By.tagName("body")).getAttribute("data-ready");
      return "true".equals(ready) || "failed".equals(ready) ? ready : null;
    });
  }

  private String text(String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  private void post(String path, String localTime, String district, JsonObject data) {
    JsonObject e = new JsonObject().put("at", "2020-08-09T" + localTime + ":00+07:00").put("data", data);
    if (district != null) e.put("district", district);
    TestNode.Response r = node.post(path, e.encode());
    assertThat(r.status()).as("%s %s", path, r.body()).isEqualTo(202);
  }

  private void awaitBoard(java.util.function.Predicate<JsonObject> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline && !condition.test(node.board())) Thread.sleep(25);
    assertThat(condition.test(node.board())).isTrue();
  }
}
