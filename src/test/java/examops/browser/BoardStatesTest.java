package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The board says one thing per district and per incident, and its words and clocks keep up with time. */
@Tier.Browser
class BoardStatesTest extends FakeBoardPageTest {

    @Test
    @DisplayName("one truth per district: an open critical incident, a lost site link or a missed check-in colour and head the tile, with the reason in words")
    void districtTileSaysTheWorstWithItsReason() {
        // Long Xuyên's critical incident is assigned; Tri Tôn reported "ok" but has a critical incident nobody
        // took and a site without internet; Châu Đốc missed its check-in and a site of it lost its internet.
        open(FakeBoardServer.sampleState());

        WebElement lx = tile("long-xuyen");
        assertThat(lx.getAttribute("class")).contains("worst-critical");
        assertThat(lx.findElement(By.cssSelector(".d-status")).getText()).isEqualTo("NGHIÊM TRỌNG");
        assertThat(lx.findElement(By.cssSelector(".d-why")).getText()).contains("Sự cố nghiêm trọng: Quét cổng dịch vụ vào máy chủ cổng thông tin");

        WebElement triTon = tile("tri-ton");
        assertThat(triTon.findElement(By.cssSelector(".d-status")).getText()).as("a red card is not headed 'all well'").isEqualTo("NGHIÊM TRỌNG");

        WebElement chauDoc = tile("chau-doc");
        assertThat(chauDoc.findElement(By.cssSelector(".d-status")).getText()).isEqualTo("NGHIÊM TRỌNG");
        assertThat(chauDoc.findElement(By.cssSelector(".d-checkin-state")).getText()).startsWith("Bỏ lỡ báo cáo");
        assertThat(chauDoc.findElement(By.cssSelector(".link-internet")).getAttribute("class")).as("the site's lost internet shows on the chip")
                .contains("link-state-down");
        assertThat(chauDoc.findElement(By.cssSelector(".link-internet")).getText()).doesNotContain("✓");
        assertThat(chauDoc.findElement(By.cssSelector(".d-why")).getText()).contains("THPT Châu Đốc: mất internet");

        WebElement assigned = browser.driver().findElement(By.cssSelector("#incident-list .incident[data-id='inc-1']"));
        assertThat(assigned.findElement(By.cssSelector(".i-state")).getText()).startsWith("Đã giao xử lý").doesNotContain("Chưa tiếp nhận");
        browser.screenshot("board-states-1920x1080");
    }

    @Test
    @DisplayName("an alert's duration is counted from now, not frozen at the moment it was raised")
    void alertDurationsKeepCounting() {
        // al-2 was raised at 08:10 with the rule's words of that moment, "quá hạn 5 phút"; Châu Đốc was due at 08:05.
        open(FakeBoardServer.sampleState());
        WebElement alert = browser.driver().findElement(By.cssSelector("#alert-list .alert[data-id='al-2'] .alert-msg"));
        assertThat(alert.getText()).isEqualTo("TP. Châu Đốc chưa báo cáo: quá hạn 7 phút");
        // An hour later by the exam clock:
        feed.broadcast(new JsonObject().put("type", "heartbeat").put("version", feed.version()).put("now", "2020-08-09T09:12:00+07:00").put("stale", false));
        browser.waitUntil(Duration.ofSeconds(5), d -> text("#alert-list .alert[data-id='al-2'] .alert-msg").equals("TP. Châu Đốc chưa báo cáo: quá hạn 1 giờ 07"));
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
}
