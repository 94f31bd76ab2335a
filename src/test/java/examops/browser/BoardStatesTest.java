package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The board says one thing per district and per incident, and its words and clocks keep up with time. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardStatesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Browser browser;
    private FakeBoardServer feed;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void stopFeed() {
        if (feed != null) feed.close();
    }

    private void open(JsonObject state) {
        feed = FakeBoardServer.start(state);
        browser.viewport(1920, 1080);
        browser.open(feed.url());
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11);
        browser.waitUntil(WAIT, d -> "Trực tuyến".equals(text("#conn")));
    }

    @Test
    @DisplayName("one truth per district: an open critical incident, a lost site link or a missed check-in colour and head the tile, with the reason in words")
    void districtTileSaysTheWorstWithItsReason() {
        JsonObject state = FakeBoardServer.sampleState();
        state.getJsonObject("incidents").put("inc-lx", new JsonObject().put("id", "inc-lx").put("title", "Tấn công DDoS cổng thi")
                .put("severity", "critical").put("category", "security").put("district", "long-xuyen").put("state", "assigned")
                .put("open", true).put("assignee", "Đội ứng cứu").put("reportedAt", "2020-08-09T08:05:00+07:00"));
        state.getJsonObject("districts").getJsonObject("long-xuyen").put("openIncidents", 1);
        state.getJsonObject("targets").put("chau-doc/thpt-chau-doc/internet", new JsonObject().put("id", "chau-doc/thpt-chau-doc/internet")
                .put("name", "Internet — điểm thi THPT Châu Đốc").put("kind", "internet").put("district", "chau-doc")
                .put("site", "chau-doc/thpt-chau-doc").put("status", "down").put("since", "2020-08-09T08:01:00+07:00"));
        open(state);

        WebElement lx = tile("long-xuyen");
        assertThat(lx.getAttribute("class")).contains("worst-critical");
        assertThat(lx.findElement(By.cssSelector(".d-status")).getText()).isEqualTo("NGHIÊM TRỌNG");
        assertThat(lx.findElement(By.cssSelector(".d-why")).getText()).contains("Sự cố nghiêm trọng: Tấn công DDoS cổng thi");

        WebElement triTon = tile("tri-ton");
        assertThat(triTon.findElement(By.cssSelector(".d-status")).getText()).as("a red card is not headed 'all well'").isEqualTo("NGHIÊM TRỌNG");
        assertThat(triTon.findElement(By.cssSelector(".d-checkin-state")).getText()).startsWith("Bỏ lỡ báo cáo");

        WebElement chauDoc = tile("chau-doc");
        assertThat(chauDoc.findElement(By.cssSelector(".link-internet")).getAttribute("class")).as("the site's lost internet shows on the chip")
                .contains("link-state-down");
        assertThat(chauDoc.findElement(By.cssSelector(".link-internet")).getText()).doesNotContain("✓");
        assertThat(chauDoc.findElement(By.cssSelector(".d-why")).getText()).contains("THPT Châu Đốc: mất internet");

        WebElement assigned = browser.driver().findElement(By.cssSelector("#incident-list .incident[data-id='inc-lx']"));
        assertThat(assigned.findElement(By.cssSelector(".i-state")).getText()).startsWith("Đã giao xử lý").doesNotContain("Chưa tiếp nhận");
        browser.screenshot("board-states-1920x1080");
    }

    @Test
    @DisplayName("an alert's duration is counted from now, not frozen at the moment it was raised")
    void alertDurationsKeepCounting() {
        JsonObject state = FakeBoardServer.sampleState();
        state.getJsonObject("alerts").getJsonObject("al-1").put("message", "Tri Tôn chưa báo cáo: quá hạn 5 phút");
        open(state);
        WebElement alert = browser.driver().findElement(By.cssSelector("#alert-list .alert[data-id='al-1'] .alert-msg"));
        assertThat(alert.getText()).isEqualTo("Tri Tôn chưa báo cáo: quá hạn 22 phút");
        // An hour later by the exam clock:
        feed.broadcast(new JsonObject().put("type", "heartbeat").put("version", feed.version()).put("now", "2020-08-09T09:12:00+07:00").put("stale", false));
        browser.waitUntil(Duration.ofSeconds(5), d -> text("#alert-list .alert[data-id='al-1'] .alert-msg").equals("Tri Tôn chưa báo cáo: quá hạn 1 giờ 22"));
    }

    @Test
    @DisplayName("before a paper starts the countdown counts to its start, then to its end")
    void countdownCountsToTheStartFirst() {
        JsonObject state = FakeBoardServer.sampleState().put("now", "2020-08-09T07:00:00+07:00");
        state.getJsonObject("clock").put("phase", "session-open").put("now", "2020-08-09T07:00:00+07:00");
        open(state);
        browser.waitUntil(WAIT, d -> !text("#countdown").isEmpty());
        assertThat(text("#countdown-label")).isEqualTo("Ngữ văn bắt đầu lúc 07:35, còn");
        assertThat(text("#countdown")).startsWith("34:5");
        browser.viewport(1366, 768);
        browser.screenshot("board-countdown-to-start-1366x768");

        feed.broadcast(new JsonObject().put("type", "heartbeat").put("version", feed.version()).put("now", "2020-08-09T07:40:00+07:00").put("stale", false));
        browser.waitUntil(WAIT, d -> text("#countdown-label").equals("Hết giờ thi sau"));
        assertThat(text("#countdown")).startsWith("1:5");
    }

    private WebElement tile(String districtId) {
        return browser.driver().findElement(By.cssSelector("#district-grid .district[data-id='" + districtId + "']"));
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
