package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Incident handling on the board, by the command center, through the ingest API; leadership only reads. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentDeskTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String OFFICER = "Nguyễn Văn Trực";

  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    node = TestNode.start();
    node.clock().set(Instant.parse("2020-08-09T01:00:00Z"));
  }

  @AfterAll
  void stop() {
    if (node != null) node.close();
  }

  @Test
  @DisplayName("the command center acknowledges, assigns to a province contact, updates, escalates, resolves and reopens an incident from the board, each signed with the officer's name")
  void wholeLifecycleFromTheBoard() {
    report("inc-desk", "Dò quét cổng thông tin điện tử tỉnh", "critical");
    try (Browser browser = Browser.start(1920, 1080)) {
      browser.open(node.baseUrl() + "/?access_token=" + node.commandToken());
      WebElement row = browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#incident-list .incident[data-id='inc-desk']")).stream().findFirst().orElse(null));
      assertThat(row.findElement(By.cssSelector(".i-state")).getText()).isEqualTo("Chưa tiếp nhận");
      row.click();
      browser.waitUntil(WAIT, d -> d.findElement(By.id("incident-desk")).isDisplayed());
      WebElement officer = browser.driver().findElement(By.id("desk-officer"));
      officer.clear();
      officer.sendKeys(OFFICER);

      act(browser, "acknowledge", i -> "acknowledged".equals(i.getString("state")));
      browser.waitUntil(WAIT, d -> d.findElement(By.id("desk-people")).getText().startsWith("Tiếp nhận: " + OFFICER));

      new Select(browser.driver().findElement(By.id("desk-assignee"))).selectByValue("Đội ứng cứu sự cố an toàn thông tin mạng tỉnh");
      act(browser, "assign", i -> "Đội ứng cứu sự cố an toàn thông tin mạng tỉnh".equals(i.getString("assignee")));
      browser.waitUntil(WAIT, d -> d.findElement(By.cssSelector("#incident-list .incident[data-id='inc-desk'] .i-state")).getText()
          .startsWith("Đã giao xử lý"));

      browser.driver().findElement(By.id("desk-note")).sendKeys("Đã khoanh vùng, chặn dải IP");
      act(browser, "update", i -> timeline(i).stream().anyMatch(e -> "incident.updated".equals(((JsonObject) e).getString("type"))));
      act(browser, "escalate", i -> i.getInteger("escalations", 0) == 1);
      browser.screenshot("incident-desk-1920x1080");
      act(browser, "resolve", i -> "resolved".equals(i.getString("state")));
      browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#incident-list .incident[data-id='inc-desk']")).isEmpty());
      act(browser, "reopen", i -> "reported".equals(i.getString("state")));
      browser.waitUntil(WAIT, d -> d.findElement(By.id("desk-people")).getText().startsWith("Chưa ai tiếp nhận"));

      JsonArray timeline = timeline(incident("inc-desk"));
      assertThat(timeline.stream().map(e -> ((JsonObject) e).getString("type")).toList()).containsExactly("incident.reported",
          "incident.acknowledged", "incident.assigned", "incident.updated", "incident.escalated", "incident.resolved", "incident.reopened");
      assertThat(timeline.stream().skip(1).map(e -> ((JsonObject) e).getString("by")).toList()).as("each action signed").allMatch(OFFICER::equals);
      assertThat(browser.driver().findElements(By.cssSelector("#desk-timeline .tl-entry"))).hasSize(7);
      browser.viewport(1366, 768);
      browser.screenshot("incident-desk-1366x768");
    }
  }

  @Test
  @DisplayName("'acknowledge' on the alert of an unacknowledged critical incident acknowledges the incident too")
  void alertAcknowledgementAcknowledgesTheIncident() throws Exception {
    report("inc-alert", "Mất điện phòng máy chủ", "critical");
    node.clock().set(Instant.parse("2020-08-09T01:20:00Z"));
    String alertId = await(b -> b.getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue())
        .filter(a -> "incident-unacknowledged".equals(a.getString("rule")) && "inc-alert".equals(a.getString("subject")))
        .map(a -> a.getString("id")).findFirst().orElse(null));
    // The other alerts of this morning (missed check-ins, the exam sites' among them) are taken, as they come in,
    // until none is left waiting: this one leads the strip.
    await(b -> {
      java.util.List<String> others = b.getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue())
          .filter(a -> !a.getString("id").equals(alertId) && !a.getBoolean("acknowledged")).map(a -> a.getString("id")).toList();
      others.forEach(id -> node.post("/api/v1/alerts/" + id + "/acknowledge", "{}"));
      return others.isEmpty() ? "none waiting" : null;
    });
    try (Browser browser = Browser.start(1920, 1080)) {
      browser.open(node.baseUrl() + "/?access_token=" + node.commandToken());
      browser.waitUntil(WAIT, d -> {
        d.findElement(By.cssSelector("#alert-list .alert[data-id='" + alertId + "'] .alert-ack")).click();
        return true;
      });
      await(b -> "acknowledged".equals(b.getJsonObject("incidents").getJsonObject("inc-alert").getString("state")) ? "yes" : null);
      await(b -> b.getJsonObject("alerts").getJsonObject(alertId) == null
          || b.getJsonObject("alerts").getJsonObject(alertId).getBoolean("acknowledged") ? "yes" : null);
    }
  }

  @Test
  @DisplayName("leadership sees no action it may not take: no acknowledge button on alerts, the incident desk read-only")
  void leadershipOnlyReads() throws Exception {
    report("inc-lead", "Nghẽn mạng quanh điểm thi", "high");
    try (Browser browser = Browser.start(1366, 768)) {
      browser.open(node.baseUrl() + "/?access_token=" + node.token(Role.LEADERSHIP, null));
      browser.waitUntil(WAIT, d -> "leadership".equals(d.findElement(By.tagName("body")).getAttribute("data-role")));
      WebElement row = browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#incident-list .incident[data-id='inc-lead']")).stream().findFirst().orElse(null));
      assertThat(browser.driver().findElements(By.cssSelector("#alert-list .alert-ack")).stream().noneMatch(WebElement::isDisplayed))
          .as("no acknowledge buttons").isTrue();
      row.click();
      browser.waitUntil(WAIT, d -> d.findElement(By.id("incident-desk")).isDisplayed());
      assertThat(browser.driver().findElement(By.id("desk-actions")).isDisplayed()).isFalse();
      assertThat(browser.driver().findElement(By.id("desk-people")).getText()).isEqualTo("Chưa ai tiếp nhận");
      browser.screenshot("incident-desk-leadership-1366x768");
    }
  }

  private void act(Browser browser, String action, Predicate<JsonObject> done) {
    browser.driver().findElement(By.cssSelector("#incident-desk [data-action='" + action + "']")).click();
    browser.waitUntil(WAIT, d -> d.findElement(By.id("desk-result")).getText().startsWith("Đã ghi nhận")
        || d.findElement(By.id("desk-result")).getText().startsWith("Không"));
    assertThat(browser.driver().findElement(By.id("desk-result")).getText()).as(action).startsWith("Đã ghi nhận");
    browser.waitUntil(WAIT, d -> done.test(incident(browser.driver().findElement(By.id("incident-desk")).getAttribute("data-id"))));
    // The desk shows the new state from the feed, and offers what may follow.
    browser.waitUntil(WAIT, d -> incident("inc-desk").getString("state").equals(d.findElement(By.id("incident-desk")).getAttribute("data-state")));
  }

  private void report(String id, String title, String severity) {
    JsonObject e = new JsonObject().put("district", "long-xuyen").put("data", new JsonObject().put("incidentId", id)
        .put("title", title).put("severity", severity).put("category", "security").put("description", "Phát hiện qua giám sát"));
    TestNode.Response r = node.post("/api/v1/incidents", e.encode());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    try {
      await(b -> b.getJsonObject("incidents").containsKey(id) ? "yes" : null);
    } catch (InterruptedException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private JsonObject incident(String id) {
    return node.board().getJsonObject("incidents").getJsonObject(id);
  }

  private static JsonArray timeline(JsonObject incident) {
    return incident.getJsonArray("timeline");
  }

  private String await(java.util.function.Function<JsonObject, String> probe) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String found = probe.apply(node.board());
      if (found != null) return found;
      Thread.sleep(50);
    }
    throw new AssertionError("not reached in " + WAIT);
  }
}
