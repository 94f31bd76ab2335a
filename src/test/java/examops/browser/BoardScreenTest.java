package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.time.Duration;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The board page on its own, against a fake feed: rendering, deltas, resync, the stale banner, language. */
@Tier.Browser
class BoardScreenTest extends FakeBoardPageTest {

    @BeforeEach
    void openBoard() {
        feed = FakeBoardServer.start();
        browser.viewport(1920, 1080);
        browser.open(feed.url());
        browser.js("localStorage.clear();");
        browser.driver().navigate().refresh();
        waitForTiles(11);
    }

    @Test
    @DisplayName("the snapshot fills every section and the wall screen needs no scrolling")
    void snapshotFillsTheWallScreen() {
        browser.waitUntil(WAIT, d -> text("#conn").equals("Trực tuyến"));
        assertThat(text("#province")).isEqualTo("An Giang");
        assertThat(text("#phase")).isEqualTo("Đang thi");
        // Critical: An Phú (never reported), Châu Đốc (missed), Long Xuyên and Tri Tôn (critical incidents).
        assertThat(browser.driver().findElements(By.cssSelector("#district-grid .district")))
                .extracting(tile -> tile.getAttribute("data-id")).as("worst districts first").startsWith("an-phu", "chau-doc", "long-xuyen", "tri-ton");
        assertThat(browser.driver().findElements(By.cssSelector("#district-grid .district.worst-critical"))).hasSize(4);
        // The province's seven services, and of the districts' own only Tri Tôn's server room (down).
        assertThat(browser.driver().findElements(By.cssSelector("#service-grid .service")))
                .as("site links are not service tiles, and a district's own services have one only while in trouble").hasSize(8);
        assertThat(browser.driver().findElements(By.cssSelector("#service-grid .service[data-id='tri-ton/server-room']"))).hasSize(1);
        assertThat(browser.driver().findElement(By.id("service-local")).getText()).as("the rest are counted").isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector("#incident-list .incident")))
                .as("resolved incidents are not open").hasSize(5);
        assertThat(browser.driver().findElements(By.cssSelector("#incident-list .incident[data-id='inc-3']"))).as("the resolved one").isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#alert-list .alert"))).as("three shown, a cleared one not counted").hasSize(3);
        assertThat(text("#alert-more")).as("the fourth active alert is counted").isEqualTo("+1 cảnh báo khác");
        assertThat(browser.driver().findElements(By.cssSelector("#publishing-list .pub-row"))).hasSize(11);
        assertThat(browser.driver().findElement(By.id("stale-banner")).isDisplayed()).isFalse();
        assertThat((Boolean) browser.js("return document.documentElement.scrollHeight <= window.innerHeight"
                + " && document.documentElement.scrollWidth <= window.innerWidth;")).as("fits 1920x1080").isTrue();
        browser.waitUntil(WAIT, d -> (Boolean) browser.js(
                "return !!window.Chart && !!Chart.getChart(document.getElementById('events-chart'));"));
        browser.screenshot("board-wall-1920x1080");

        browser.viewport(390, 844);
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no sideways scrolling on a phone").isTrue();
        browser.screenshot("board-phone-390x844");
    }

    @Test
    @DisplayName("a delta updates the district tile without reload, and markup in a note stays text")
    void deltaUpdatesTileAndMarkupStaysText() {
        String note = "<script>window.__x=1</script><img src=x onerror=\"window.__y=1\">";
        JsonObject district = FakeBoardServer.sampleState().getJsonObject("districts").getJsonObject("phu-tan");
        district.put("status", "issue").put("worst", "warning")
                .getJsonObject("lastCheckin").put("internet", "slow").put("note", note);
        long from = feed.version();
        assertThat(tile("phu-tan").getAttribute("class")).as("all well before").contains("worst-ok");
        feed.delta(from, from + 1, change("districts", "phu-tan", district));

        browser.waitUntil(WAIT, d -> tile("phu-tan").findElement(By.cssSelector(".d-note")).getText().equals(note));
        assertThat(tile("phu-tan").getAttribute("class")).contains("worst-warning");
        assertThat(tile("phu-tan").findElements(By.cssSelector("script, img"))).isEmpty();
        assertThat(browser.js("return [window.__x, window.__y];")).asList().containsOnlyNulls();
    }

    @Test
    @DisplayName("a delta that skips a version makes the page ask for a resync and take the new snapshot")
    void versionGapTriggersResync() {
        long from = feed.version();
        JsonObject incident = new JsonObject().put("id", "inc-9").put("title", "Mất điện phòng máy").put("severity", "critical")
                .put("state", "reported").put("district", "an-phu").put("reportedAt", "2020-08-09T08:10:00+07:00");
        feed.delta(from + 3, from + 4, change("incidents", "inc-9", incident));

        browser.waitUntil(WAIT, d -> feed.received().stream().anyMatch(m -> "resync".equals(m.getString("type"))));
        browser.waitUntil(WAIT, d -> !browser.driver().findElements(By.xpath("//li[@class and contains(., 'Mất điện phòng máy')]")).isEmpty());
    }

    @Test
    @DisplayName("when the feed drops the banner says since when the board is out of date, and clears on reconnect")
    void bannerWhileFeedIsDown() {
        feed.refuse(true);
        WebElement banner = browser.driver().findElement(By.id("stale-banner"));
        browser.waitUntil(WAIT, d -> banner.isDisplayed());
        assertThat(banner.getText()).startsWith("Bảng chưa cập nhật từ 08:1");
        assertThat(text("#conn")).isEqualTo("Mất kết nối");
        browser.screenshot("board-out-of-date");

        feed.refuse(false);
        browser.waitUntil(Duration.ofSeconds(10), d -> !banner.isDisplayed());
        assertThat(text("#conn")).isEqualTo("Trực tuyến");
    }

    @Test
    @DisplayName("the language switch changes the labels at once and is remembered")
    void languageSwitch() {
        assertThat(text(".panel-districts h2")).isEqualTo("HUYỆN, THỊ XÃ, THÀNH PHỐ");
        browser.driver().findElement(By.id("lang")).click();
        browser.waitUntil(WAIT, d -> text(".panel-districts h2").equals("DISTRICTS"));
        assertThat(text("#phase")).isEqualTo("Exam in session");
        assertThat(text("#session")).startsWith("Literature");
        assertThat(tile("chau-doc").getText()).contains("Check-in missed");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.screenshot("board-wall-en");

        browser.driver().navigate().refresh();
        browser.waitUntil(WAIT, d -> text(".panel-districts h2").equals("DISTRICTS"));
        browser.driver().findElement(By.id("lang")).click();
        browser.waitUntil(WAIT, d -> text(".panel-districts h2").equals("HUYỆN, THỊ XÃ, THÀNH PHỐ"));
    }

    @Test
    @DisplayName("hundreds of incidents and alerts coming and going leave the page with as many nodes as before")
    void churnDoesNotGrowThePage() {
        long before = (Long) browser.js("return document.getElementsByTagName('*').length;");
        long version = feed.version();
        for (int i = 0; i < 300; i++) {
            JsonObject incident = new JsonObject().put("id", "churn-" + i).put("title", "Sự cố " + i).put("severity", "high")
                    .put("state", "reported").put("reportedAt", "2020-08-09T08:00:00+07:00");
            JsonObject alert = new JsonObject().put("id", "churn-" + i).put("severity", "critical").put("message", "Cảnh báo " + i)
                    .put("raisedAt", "2020-08-09T08:11:00+07:00").put("acknowledged", false);
            feed.delta(version, version + 1,
                    change("incidents", "churn-" + i, incident), change("incidents", "churn-" + (i - 1), null),
                    change("alerts", "churn-" + i, alert), change("alerts", "churn-" + (i - 1), null));
            version++;
        }
        feed.delta(version, version + 1, change("incidents", "churn-299", null), change("alerts", "churn-299", null),
                change("stats", null, new JsonObject().put("events", 4242).put("dlq", 0)));
        long last = version + 1;
        browser.waitUntil(WAIT, d -> text("#stats").contains("4242"));
        assertThat((Long) browser.js("return document.getElementsByTagName('*').length;")).isEqualTo(before);
        assertThat(feed.received()).as("no gap seen in %s deltas", last).isEmpty();
    }

    private static JsonObject change(String section, String id, JsonObject value) {
        return new JsonObject().put("section", section).put("id", id).put("value", value);
    }

    private void waitForTiles(int count) {
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == count);
    }

    private WebElement tile(String districtId) {
        return browser.driver().findElement(By.cssSelector("#district-grid .district[data-id='" + districtId + "']"));
    }
}
