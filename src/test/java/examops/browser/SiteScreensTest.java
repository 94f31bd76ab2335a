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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The sites on the screens, on the drill's first afternoon paper (14:15, 9 Aug): An Phú's THPT An Phú
 * silent past its grace, every other site checked in. The board's strip and site detail as the
 * command center sees them at the wall's, the laptop's and the phone's sizes; the district page as
 * the unit and as the site's own staff (a site token) see it.
 */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the district page checks the silent site in: the board is looked at first
class SiteScreensTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Instant AFTERNOON = Instant.parse("2020-08-09T07:15:00Z");
  private static final String SILENT = "an-phu/thpt-an-phu";

  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    node = TestNode.startDrill(Files.createTempDirectory("examops-sites"), new TestClock(AFTERNOON));
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (System.nanoTime() < deadline && !played(node.board())) Thread.sleep(250);
    assertThat(played(node.board())).as("the drill played up to 14:15 and the silent site is alarmed").isTrue();
  }

  @AfterAll
  void stop() {
    if (node != null) node.close();
  }

  private static boolean played(JsonObject board) {
    return board.getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue())
        .anyMatch(a -> "site-checkin-missed".equals(a.getString("rule")) && SILENT.equals(a.getString("subject")));
  }

  @Test
  @Order(1)
  @DisplayName("the board: each district's sites worst first with a shape and a word, a click opens the site, at 1920x1080, 1366x768 and 390x844")
  void boardStripAndDetail() {
    try (Browser b = Browser.start(1920, 1080)) {
      b.open(node.baseUrl() + "/?access_token=" + node.commandToken());
      try {
        b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11
            && !d.findElements(By.cssSelector(".district[data-id='an-phu'] .site-chip.site-missed")).isEmpty());
      } catch (org.openqa.selenium.TimeoutException e) {
        b.screenshot("sites-command-board-timeout");
        throw e;
      }
      WebElement anPhu = b.driver().findElement(By.cssSelector(".district[data-id='an-phu']"));
      List<WebElement> chips = anPhu.findElements(By.cssSelector(".site-chip"));
      assertThat(chips.get(0).getAttribute("data-id")).as("the missed site first").isEqualTo(SILENT);
      assertThat(chips.get(0).getText()).isEqualTo("✕"); // a shape on the wall; the name in the tooltip and the tile's reason line
      assertThat(chips.get(0).getAttribute("title")).startsWith("Điểm thi THPT An Phú: Chưa từng báo cáo · quá hạn");
      assertThat(anPhu.findElement(By.cssSelector(".d-why")).getText()).contains("Điểm thi THPT An Phú: bỏ lỡ báo cáo");
      // The drill starts at 14:15: the other sites check in at once, An Phú's stays silent until 14:25.
      assertThat(chips).extracting(c -> c.getAttribute("data-state")).isSubsetOf("missed", "due-soon", "on-time");
      assertThat(chips.subList(1, chips.size())).extracting(c -> c.getAttribute("data-state")).doesNotContain("missed");
      assertThat(anPhu.findElement(By.cssSelector(".d-sites")).getAttribute("title")).contains("1 bỏ lỡ");
      assertThat((Boolean) b.js("const s = arguments[0].querySelector('.d-sites').getBoundingClientRect(); const t = arguments[0].getBoundingClientRect();"
          + " return s.right <= t.right + 1 && s.bottom <= t.bottom + 1;", anPhu)).as("the strip inside its tile").isTrue();
      assertThat(anPhu.findElement(By.cssSelector(".d-status")).getText()).isEqualTo("NGHIÊM TRỌNG");
      assertThat(b.driver().findElement(By.id("alert-list")).getText()).contains("Điểm thi THPT An Phú");
      b.screenshot("sites-command-board-1920x1080");
      chips.get(0).click();
      b.waitUntil(WAIT, d -> d.findElement(By.id("site-detail")).isDisplayed());
      WebElement detail = b.driver().findElement(By.id("site-detail"));
      assertThat(detail.findElement(By.cssSelector(".sd-title")).getText()).isEqualTo("Điểm thi THPT An Phú");
      assertThat(detail.findElement(By.cssSelector(".sd-state")).getText()).startsWith("Chưa từng báo cáo · quá hạn");
      assertThat(detail.findElement(By.cssSelector(".sd-last")).getText()).as("silent since the drill began").isEqualTo("Chưa từng báo cáo");
      assertThat(detail.findElement(By.cssSelector(".sd-next")).getText()).startsWith("Hạn báo cáo kế tiếp");
      assertThat(detail.findElement(By.cssSelector(".sd-links")).getText()).contains("điện thoại").contains("fax").contains("internet");
      b.screenshot("sites-command-detail-1920x1080");
      b.driver().findElement(By.cssSelector("#site-detail .desk-close")).click();
      b.viewport(1366, 768);
      b.screenshot("sites-command-board-1366x768");
      b.viewport(390, 844);
      b.js("document.querySelector(\".district[data-id='an-phu']\").scrollIntoView()");
      b.screenshot("sites-command-board-390x844");
      b.driver().findElement(By.cssSelector(".district[data-id='an-phu'] .site-chip")).click();
      b.waitUntil(WAIT, d -> d.findElement(By.id("site-detail")).isDisplayed());
      assertThat((Boolean) b.js("const r = document.getElementById('site-detail').getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth;"))
          .as("the detail fits the phone's width").isTrue();
      b.screenshot("sites-command-detail-390x844");
      b.driver().findElement(By.cssSelector("#site-detail .desk-close")).click();
      b.viewport(1920, 1080);
      b.driver().findElement(By.id("lang")).click();
      b.waitUntil(WAIT, d -> d.findElement(By.cssSelector(".district[data-id='an-phu'] .d-sites")).getAttribute("title").startsWith("Sites:"));
      b.screenshot("sites-command-board-en-1920x1080");
      b.driver().findElement(By.id("lang")).click();
    }
  }

  @Test
  @Order(2)
  @DisplayName("the district page lists the unit's sites worst first and checks in for one in a tap")
  void districtPage() {
    try (Browser b = Browser.start(390, 844)) {
      b.open(node.baseUrl() + "/?access_token=" + node.token(Role.DISTRICT, "an-phu"));
      b.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html"));
      b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#site-list .site-row")).size() == 4);
      List<WebElement> rows = b.driver().findElements(By.cssSelector("#site-list .site-row"));
      assertThat(rows.get(0).getAttribute("data-id")).isEqualTo(SILENT);
      assertThat(rows.get(0).getText()).contains("✕").contains("Chưa từng báo cáo · quá hạn");
      b.js("document.getElementById('sites-card').scrollIntoView()");
      b.screenshot("sites-district-390x844");
      rows.get(0).findElement(By.cssSelector(".site-ok")).click();
      b.waitUntil(WAIT, d -> d.findElement(By.id("site-result")).getText().contains("Đã gửi"));
      b.waitUntil(WAIT, d -> !"missed".equals(d.findElement(By.cssSelector("#site-list .site-row[data-id='" + SILENT + "']")).getAttribute("data-state")));
      b.viewport(1366, 768);
      b.screenshot("sites-district-1366x768");
    }
  }

  @Test
  @Order(3)
  @DisplayName("a site's own staff (token --site) see their site only and check in for it")
  void siteTokenPage() {
    String token = node.node().access().tokens().issueForSite("cho-moi", "cho-moi/thpt-long-kien", null, Instant.now().plus(Duration.ofDays(1))).token();
    try (Browser b = Browser.start(390, 844)) {
      b.open(node.baseUrl() + "/?access_token=" + token);
      b.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html"));
      b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#site-list .site-row")).size() == 1);
      assertThat(b.driver().findElement(By.id("sites-title")).getText()).contains("THPT Long Kiến");
      b.js("document.getElementById('sites-card').scrollIntoView()");
      b.screenshot("sites-site-token-390x844");
      b.driver().findElement(By.cssSelector("#site-list .site-ok")).click();
      b.waitUntil(WAIT, d -> d.findElement(By.id("site-result")).getText().contains("Đã gửi"));
      b.viewport(1920, 1080);
      b.screenshot("sites-site-token-1920x1080");
    }
  }
}
