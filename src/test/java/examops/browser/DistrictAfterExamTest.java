package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The district page after the exam, on a phone against a real node: the postal delivery checklist is
 * ticked with its receipt number, and the end-of-window report is sent, refused with the server's
 * message next to a bad link, then sent and amended; the board shows each.
 */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictAfterExamTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  private Browser browser;
  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    browser = Browser.start(390, 844);
    // 12 Oct 2020, 10:00 in An Giang: the delivery is over, the reports are due on the 14th.
    node = TestNode.start(Files.createTempDirectory("examops-after-exam"), new TestClock(Instant.parse("2020-10-12T03:00:00Z")));
  }

  @AfterAll
  void stop() {
    if (node != null) node.close();
    if (browser != null) browser.close();
  }

  private String text(String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  private void scrollTo(WebElement e) {
    browser.js("arguments[0].scrollIntoView({block: 'start'});", e);
  }

  private JsonObject board() {
    return node.board();
  }

  @Test
  @DisplayName("a district unit ticks its delivery checklist and sends, corrects and amends its report from its phone")
  void deliveryAndReport() {
    browser.open(node.baseUrl() + "/district.html?access_token=" + node.token(Role.DISTRICT, "long-xuyen"));
    browser.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed());
    browser.waitUntil(WAIT, d -> d.findElement(By.id("delivery-card")).isDisplayed()
        && d.findElements(By.cssSelector("#delivery-list .pub-item")).size() == 2);

    // The delivery checklist: both items late (12 Oct is past 8 and 10 Oct); tick "sent" with the receipt number.
    WebElement sent = browser.driver().findElement(By.cssSelector("#delivery-list .pub-item[data-key='post:admission-files-sent']"));
    scrollTo(browser.driver().findElement(By.id("delivery-card")));
    assertThat(sent.getAttribute("class")).contains("is-late");
    browser.screenshot("district-phone-delivery-before");
    sent.findElement(By.cssSelector(".pi-open")).click();
    sent.findElement(By.cssSelector("input[name='evidence']")).sendKeys("EB123456789VN");
    sent.findElement(By.cssSelector(".pi-send")).click();
    browser.waitUntil(WAIT, d -> "done".equals(board().getJsonObject("publishing").getJsonObject("long-xuyen")
        .getJsonObject("post:admission-files-sent").getString("state")));
    browser.waitUntil(WAIT, d -> d.findElement(By.cssSelector("#delivery-list .pub-item[data-key='post:admission-files-sent']"))
        .getAttribute("class").contains("state-done"));
    assertThat(board().getJsonObject("publishing").getJsonObject("long-xuyen").getJsonObject("post:admission-files-sent")
        .getString("evidence")).isEqualTo("EB123456789VN");

    // The report: pending before the due date; a link that is not http(s) is refused next to its field.
    WebElement card = browser.driver().findElement(By.id("report-card"));
    browser.waitUntil(WAIT, d -> card.isDisplayed() && !text("#report-status").isEmpty());
    scrollTo(card);
    assertThat(text("#report-status")).startsWith("Chưa gửi");
    browser.driver().findElement(By.cssSelector("#report-form textarea[name='summary']"))
        .sendKeys("Đảm bảo thông tin liên lạc thông suốt trong 3 ngày thi; phát thanh lịch thi và địa chỉ điểm thi.");
    browser.driver().findElement(By.cssSelector("#report-figures .report-row input[name='label']")).sendKeys("Số lần báo cáo định kỳ");
    browser.driver().findElement(By.cssSelector("#report-figures .report-row input[name='value']")).sendKeys("46");
    browser.driver().findElement(By.cssSelector("#report-links .report-row input[name='title']")).sendKeys("Biên bản");
    WebElement url = browser.driver().findElement(By.cssSelector("#report-links .report-row input[name='url']"));
    url.sendKeys("ftp://longxuyen.example/bien-ban.pdf");
    browser.driver().findElement(By.id("report-send")).click();
    browser.waitUntil(WAIT, d -> !text("[data-error-for='data.attachments.0.url']").isEmpty());
    assertThat(text("[data-error-for='data.attachments.0.url']")).contains("http");
    assertThat(text("#report-result")).contains("data.attachments.0.url");
    browser.screenshot("district-phone-report-refused");
    assertThat(board().getJsonObject("unitReports").getJsonObject("long-xuyen").getJsonObject("report")).isNull();

    url.clear();
    url.sendKeys("https://longxuyen.angiang.gov.vn/bien-ban.pdf");
    browser.driver().findElement(By.id("report-send")).click();
    browser.waitUntil(WAIT, d -> board().getJsonObject("unitReports").getJsonObject("long-xuyen").getJsonObject("report") != null);
    JsonObject report = board().getJsonObject("unitReports").getJsonObject("long-xuyen").getJsonObject("report");
    assertThat(report.getJsonArray("attachments").getJsonObject(0).getString("url")).isEqualTo("https://longxuyen.angiang.gov.vn/bien-ban.pdf");
    assertThat(report.getJsonArray("figures").getJsonObject(0).getString("value")).isEqualTo("46");
    browser.waitUntil(WAIT, d -> text("#report-status").startsWith("Đã gửi"));
    browser.waitUntil(WAIT, d -> "Gửi bản sửa đổi".equals(text("#report-send")));

    // An amendment: the page keeps what was sent in the form; the board's report becomes version 2.
    browser.js("document.activeElement && document.activeElement.blur();");
    WebElement summary = browser.driver().findElement(By.cssSelector("#report-form textarea[name='summary']"));
    assertThat(summary.getAttribute("value")).startsWith("Đảm bảo thông tin liên lạc");
    summary.sendKeys(" Bổ sung: hỗ trợ chuyển phát hồ sơ nhập học.");
    browser.driver().findElement(By.id("report-send")).click();
    browser.waitUntil(WAIT, d -> board().getJsonObject("unitReports").getJsonObject("long-xuyen").getJsonObject("report").getInteger("version") == 2);
    browser.waitUntil(WAIT, d -> text("#report-status").contains("bản 2"));
    scrollTo(card);
    browser.screenshot("district-phone-report-sent");
    assertThat(board().getJsonObject("unitReports").getJsonObject("long-xuyen").getJsonArray("history")).hasSize(2);
  }
}
