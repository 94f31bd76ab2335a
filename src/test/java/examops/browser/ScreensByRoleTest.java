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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Every screen opened the way its users meet it: from the enrolment links and the board's own
 * buttons, on their defaults, at the wall's and the phone's sizes, waited for their final state.
 * The board is the drill's first exam morning (07:50, the portal slow, Tri Tôn silent).
 */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreensByRoleTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant MORNING = Instant.parse("2020-08-09T00:50:00Z");

  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    node = TestNode.startDrill(Files.createTempDirectory("examops-screens"), new TestClock(MORNING));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && !played(node.board())) Thread.sleep(200);
    assertThat(played(node.board())).as("the drill played up to 07:50").isTrue();
  }

  @AfterAll
  void stop() {
    if (node != null) node.close();
  }

  /** The morning's check-ins are in and the rules have raised Tri Tôn's missed check-in. */
  private static boolean played(JsonObject board) {
    return board.getJsonObject("districts").getJsonObject("long-xuyen").getValue("lastCheckin") != null
        && board.getJsonObject("alerts").stream().anyMatch(e -> "checkin-missed".equals(((JsonObject) e.getValue()).getString("rule")));
  }

  @Test
  @DisplayName("the command center's wall screen, from its enrolment link, at 1920x1080, 1366x768 and on a phone")
  void commandBoard() {
    try (Browser b = Browser.start(1920, 1080)) {
      openBoard(b, node.commandToken());
      assertThat(b.driver().findElements(By.cssSelector("#alert-list .alert-ack")).stream().anyMatch(e -> e.isDisplayed()))
          .as("the command center may acknowledge").isTrue();
      assertThat(b.driver().findElement(By.cssSelector("#district-grid .district[data-id='tri-ton'] .d-status")).getText()).isEqualTo("NGHIÊM TRỌNG");
      assertWholeOnTheWall(b);
      b.screenshot("role-command-board-1920x1080");
      b.viewport(1366, 768);
      b.waitUntil(WAIT, d -> (Boolean) b.js("return document.documentElement.scrollHeight <= window.innerHeight;"));
      assertWholeOnTheWall(b);
      b.screenshot("role-command-board-1366x768");
      b.viewport(390, 844);
      b.screenshot("role-command-board-390x844");
    }
  }

  @Test
  @DisplayName("leadership: the board without actions, then the summary and the report from the board's buttons")
  void leadershipScreens() {
    try (Browser b = Browser.start(1920, 1080)) {
      openBoard(b, node.token(Role.LEADERSHIP, null));
      b.waitUntil(WAIT, d -> "leadership".equals(d.findElement(By.tagName("body")).getAttribute("data-role")));
      assertThat(b.driver().findElements(By.cssSelector("#alert-list .alert-ack")).stream().noneMatch(e -> e.isDisplayed())).isTrue();
      b.screenshot("role-leadership-board-1920x1080");
      b.driver().findElement(By.cssSelector("a.nav-link[href='summary.html']")).click();
      assertThat(finalState(b)).isEqualTo("true");
      b.screenshot("role-leadership-summary-1920x1080");
      b.viewport(1366, 768);
      b.screenshot("role-leadership-summary-1366x768");
      b.viewport(390, 844);
      b.screenshot("role-leadership-summary-390x844");
      b.viewport(1920, 1080);
      b.driver().findElement(By.id("report-link")).click();
      assertThat(finalState(b)).isEqualTo("true");
      b.screenshot("role-leadership-report-1920x1080");
    }
  }

  @Test
  @DisplayName("a district unit: its enrolment link opens its own page, with its status, its incidents and its checklist")
  void districtPage() {
    try (Browser b = Browser.start(390, 844)) {
      b.open(node.baseUrl() + "/?access_token=" + node.token(Role.DISTRICT, "cho-moi"));
      b.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html"));
      b.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed() && "Trực tuyến".equals(d.findElement(By.id("conn")).getText()));
      assertThat(b.driver().findElement(By.id("district-name")).getText()).isEqualTo("Chợ Mới");
      assertThat(b.driver().findElement(By.id("my-worst")).getText()).isNotEqualTo("Chưa có báo cáo");
      assertThat(b.driver().findElement(By.id("offline-banner")).isDisplayed()).isFalse();
      b.screenshot("role-district-390x844");
      b.viewport(1366, 768);
      b.screenshot("role-district-1366x768");
    }
  }

  @Test
  @DisplayName("a board with no events, after the window: unknown reads as unknown, not as 14 late items or 0 of 11 up")
  void emptyBoardReadsUnknown() throws Exception {
    try (TestNode empty = TestNode.start(Files.createTempDirectory("examops-empty"), new TestClock(Instant.parse("2026-12-01T08:00:00Z")), Map.of());
        Browser b = Browser.start(1920, 1080)) {
      b.open(empty.baseUrl() + "/?access_token=" + empty.commandToken());
      b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11
          && "Trực tuyến".equals(d.findElement(By.id("conn")).getText()));
      assertThat(b.driver().findElement(By.id("alert-empty")).getText()).isEqualTo("Không có cảnh báo");
      assertThat(b.driver().findElements(By.cssSelector("#publishing-list .p-late")).stream().map(e -> e.getText()).toList())
          .as("no '14 trễ'").allMatch("chưa rõ"::equals);
      assertThat(b.driver().findElement(By.id("service-local")).getText()).contains("chưa có số liệu").doesNotContain("0/11");
      assertThat(b.driver().findElements(By.cssSelector("#district-grid .d-status")).stream().map(e -> e.getText()).toList())
          .allMatch("CHƯA RÕ"::equals);
      b.screenshot("role-command-empty-board-1920x1080");
    }
  }

  /** The province's own service names and the alerts read whole, every service tile inside its panel. */
  private static void assertWholeOnTheWall(Browser b) {
    String clipped = """
        const clipped = (n) => n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1;
        return [...document.querySelectorAll(arguments[0])].filter(clipped).map((n) => n.textContent);""";
    assertThat((java.util.List<?>) b.js(clipped, "#service-grid .s-name")).as("service names").isEmpty();
    assertThat((java.util.List<?>) b.js(clipped, "#alert-list .alert.sev-critical .alert-msg")).as("critical alerts").isEmpty();
    assertThat((Boolean) b.js("""
        const grid = document.querySelector('#service-grid').getBoundingClientRect();
        const tiles = [...document.querySelectorAll('#service-grid .service')];
        return tiles.some((t) => /data-?center/.test(t.dataset.id))
          && tiles.every((t) => { const r = t.getBoundingClientRect(); return r.top >= grid.top - 1 && r.bottom <= grid.bottom + 1; });"""))
        .as("every service tile, the data center's too, inside the panel").isTrue();
  }

  private void openBoard(Browser b, String token) {
    b.open(node.baseUrl() + "/?access_token=" + token);
    b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11
        && "Trực tuyến".equals(d.findElement(By.id("conn")).getText()));
    WebDriver d = b.driver();
    assertThat(d.findElement(By.id("signed-out")).isDisplayed()).isFalse();
    assertThat(d.findElement(By.tagName("body")).getText()).doesNotContain("internal error");
  }

  private static String finalState(Browser b) {
    return b.waitUntil(WAIT, d -> {
      String ready = d.findElement(By.tagName("body")).getAttribute("data-ready");
      return "true".equals(ready) || "failed".equals(ready) ? ready : null;
    });
  }
}
