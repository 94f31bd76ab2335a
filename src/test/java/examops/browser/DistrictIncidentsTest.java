package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The district page lists the unit's own incidents, lets it add an update, and drops its offline banner once back. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictIncidentsTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private TestNode node;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    // A fixed port, so the page finds the node again after its restart.
    node = TestNode.start(java.nio.file.Files.createTempDirectory("examops-district-incidents"),
        new examops.testing.TestClock(java.time.Instant.parse("2020-08-09T01:00:00Z")),
        Map.of("EXAMOPS_HTTP_PORT", String.valueOf(examops.kafka.EmbeddedKafka.freePort())));
    browser = Browser.start(390, 844);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (node != null) node.close();
  }

  @Test
  @DisplayName("the unit sees its incident's state, who acknowledged it and its updates, and adds an update, also offline; the offline banner goes once the queue is sent")
  void ownIncidentsWithUpdates() throws Exception {
    String unit = node.token(Role.DISTRICT, "long-xuyen");
    post("/api/v1/incidents", unit, new JsonObject().put("data", new JsonObject().put("incidentId", "inc-lx-1")
        .put("title", "Mất internet điểm thi THPT Long Xuyên").put("severity", "high").put("category", "network")));
    awaitBoard(b -> b.getJsonObject("incidents").containsKey("inc-lx-1"));
    post("/api/v1/incidents/inc-lx-1/acknowledge", node.commandToken(), new JsonObject().put("data", new JsonObject().put("by", "Trực ban Sở")));
    awaitBoard(b -> "acknowledged".equals(b.getJsonObject("incidents").getJsonObject("inc-lx-1").getString("state")));

    browser.open(node.baseUrl() + "/?access_token=" + unit); // the unit's enrolment link
    WebElement row = browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#my-incident-list .my-incident[data-id='inc-lx-1']")).stream().findFirst().orElse(null));
    assertThat(row.findElement(By.cssSelector(".mi-state")).getText()).isEqualTo("Đã tiếp nhận");
    assertThat(row.findElement(By.cssSelector(".mi-people")).getText()).startsWith("Tiếp nhận: Trực ban Sở");
    browser.waitUntil(WAIT, d -> "Trực tuyến".equals(d.findElement(By.id("conn")).getText()));

    click(row.findElement(By.cssSelector(".mi-summary")));
    row.findElement(By.cssSelector(".mi-note")).sendKeys("Nhà mạng đang khắc phục, dự kiến 30 phút");
    click(row.findElement(By.cssSelector(".mi-send")));
    awaitBoard(b -> b.getJsonObject("incidents").getJsonObject("inc-lx-1").getJsonArray("timeline").stream()
        .anyMatch(e -> "Nhà mạng đang khắc phục, dự kiến 30 phút".equals(((JsonObject) e).getString("note"))));
    browser.waitUntil(WAIT, d -> d.findElement(By.cssSelector(".my-incident[data-id='inc-lx-1'] .mi-summary")).getText().equals("Diễn biến (3)"));
    browser.screenshot("district-own-incidents-390x844");

    // The server goes away (a restart): the banner says the page is out of touch, and an update waits in the outbox.
    java.util.concurrent.CompletableFuture<TestNode> restarted = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return node.restart();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    browser.waitUntil(Duration.ofSeconds(30), d -> d.findElement(By.id("offline-banner")).isDisplayed());
    WebElement again = browser.driver().findElement(By.cssSelector(".my-incident[data-id='inc-lx-1']"));
    again.findElement(By.cssSelector(".mi-note")).sendKeys("Đã có mạng dự phòng 4G");
    click(again.findElement(By.cssSelector(".mi-send")));
    browser.waitUntil(WAIT, d -> d.findElement(By.id("outbox-card")).isDisplayed());
    browser.screenshot("district-offline-update-queued-390x844");
    node = restarted.get(90, java.util.concurrent.TimeUnit.SECONDS);

    // Back: the queue is sent, and with it the page is back in touch: the banner goes at once, not after a long backoff.
    browser.waitUntil(Duration.ofSeconds(90), d -> !d.findElement(By.id("outbox-card")).isDisplayed());
    awaitBoard(b -> b.getJsonObject("incidents").getJsonObject("inc-lx-1").getJsonArray("timeline").size() == 4);
    browser.waitUntil(Duration.ofSeconds(5), d -> !d.findElement(By.id("offline-banner")).isDisplayed());
    assertThat(browser.driver().findElement(By.id("conn")).getText()).isEqualTo("Trực tuyến");
    browser.screenshot("district-back-online-390x844");
  }

  private void post(String path, String token, JsonObject body) {
    TestNode.Response r = node.post(path, body.encode(), token);
    assertThat(r.status()).as("%s %s", path, r.body()).isEqualTo(202);
  }

  private void awaitBoard(java.util.function.Predicate<JsonObject> condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline && !condition.test(node.board())) Thread.sleep(50);
    assertThat(condition.test(node.board())).isTrue();
  }

  private void click(WebElement element) {
    browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }
}
