package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The board page served by a real node: events ingested over HTTP reach the open page through Kafka. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Browser browser;
    private TestNode node;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        node = TestNode.start();
        browser.open(node.baseUrl() + "/?access_token=" + node.commandToken()); // the enrolment link signs the browser in
        browser.waitUntil(WAIT, d -> !d.findElements(By.cssSelector("#district-grid .district[data-id='long-xuyen']")).isEmpty());
        browser.waitUntil(WAIT, d -> "Trực tuyến".equals(d.findElement(By.id("conn")).getText()));
    }

    @AfterAll
    void stop() {
        if (node != null) node.close();
        if (browser != null) browser.close();
    }

    @Test
    @DisplayName("a check-in posted over HTTP appears on the open board within 2 s, its markup shown as text")
    void checkInAppearsLive() {
        String note = "<script>window.__x=1</script>";
        JsonObject checkIn = new JsonObject()
                .put("type", "checkin.submitted")
                .put("at", "2020-08-09T07:00:00+07:00")
                .put("district", "long-xuyen")
                .put("data", new JsonObject().put("status", "issue").put("phone", "ok").put("fax", "ok")
                        .put("internet", "slow").put("note", note));

        JsonObject accepted = node.postJson("/api/v1/checkins", checkIn);
        assertThat(accepted.getString("id")).as("202 answer: %s", accepted).isNotBlank();

        browser.waitUntil(Duration.ofSeconds(2), d -> note.equals(tile(d, "long-xuyen").findElement(By.cssSelector(".d-note")).getText()));
        WebElement tile = tile(browser.driver(), "long-xuyen");
        assertThat(tile.findElement(By.cssSelector(".link-internet")).getAttribute("class")).contains("link-state-slow");
        assertThat(tile.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.js("return window.__x;")).isNull();
        browser.waitUntil(WAIT, d -> (Boolean) browser.js(
                "return !!window.Chart && !!Chart.getChart(document.getElementById('events-chart'));"));
        browser.screenshot("board-live-checkin");
    }

    @Test
    @DisplayName("the language switch changes the visible labels")
    void languageSwitchChangesLabels() {
        assertThat(text("#conn")).isEqualTo("Trực tuyến");
        assertThat(text(".panel-districts h2")).isEqualTo("HUYỆN, THỊ XÃ, THÀNH PHỐ");
        browser.driver().findElement(By.id("lang")).click();
        browser.waitUntil(WAIT, d -> text(".panel-districts h2").equals("DISTRICTS"));
        assertThat(text("#conn")).isEqualTo("Live");
        assertThat(text(".panel-incidents h2")).startsWith("OPEN INCIDENTS");
        browser.screenshot("board-live-en");
        browser.driver().findElement(By.id("lang")).click();
        browser.waitUntil(WAIT, d -> text(".panel-districts h2").equals("HUYỆN, THỊ XÃ, THÀNH PHỐ"));
    }

    @Test
    @DisplayName("an alert in the strip is acknowledged from the board for everyone; the sound toggle is remembered")
    void acknowledgeFromTheStrip() {
        // The test clock stands on the first exam morning: the rules have raised the late checklist items.
        browser.waitUntil(Duration.ofSeconds(15), d -> !d.findElements(By.cssSelector("#alert-list .alert .alert-ack")).isEmpty());
        // Found and clicked in one go, again if the strip was re-rendered in between.
        String id = browser.waitUntil(WAIT, d -> {
            WebElement first = d.findElements(By.cssSelector("#alert-list .alert")).get(0);
            String alertId = first.getAttribute("data-id");
            first.findElement(By.cssSelector(".alert-ack")).click();
            return alertId;
        });
        browser.waitUntil(WAIT, d -> node.board().getJsonObject("alerts").getJsonObject(id).getBoolean("acknowledged"));
        // Acknowledged alerts make way for the ones still waiting; either way it offers no button any more.
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#alert-list .alert[data-id='" + id + "'] .alert-ack"))
                .stream().noneMatch(WebElement::isDisplayed));

        WebElement sound = browser.driver().findElement(By.id("alarm-toggle"));
        assertThat(sound.getText()).contains("tắt");
        sound.click();
        assertThat(sound.getText()).contains("bật");
        assertThat(browser.js("return localStorage.getItem('examops.alarmSound');")).isEqualTo("on");
        sound.click();
        browser.screenshot("board-alert-acknowledged");
    }

    private static WebElement tile(org.openqa.selenium.WebDriver driver, String districtId) {
        return driver.findElement(By.cssSelector("#district-grid .district[data-id='" + districtId + "']"));
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
