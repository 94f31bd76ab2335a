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
        JsonObject state = FakeBoardServer.sampleState();
        // The critical alert as the rules word it, a long service name, a note as units write them.
        state.getJsonObject("alerts").getJsonObject("al-3").put("message",
                "Sự cố nghiêm trọng chưa được tiếp nhận sau 10 phút: Mất kết nối internet điểm thi THPT Tri Tôn");
        state.getJsonObject("targets").getJsonObject("portal-sgddt").put("name", "Cổng thành phần Sở Giáo dục và Đào tạo");
        state.getJsonObject("districts").getJsonObject("cho-moi").getJsonObject("lastCheckin")
                .put("note", "Fax điểm thi THPT Chợ Mới hỏng, đã báo nhà mạng");
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
            const tile = document.querySelector('#service-grid .service[data-id="datacenter"]');
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
        assertThat(browser.driver().findElement(By.cssSelector(".panel-districts .legend")).getText()).contains("TT =");
        assertThat(browser.driver().findElement(By.cssSelector("#district-grid .district .d-pub")).getAttribute("title"))
                .startsWith("Tuyên truyền (TT):");
    }

    @SuppressWarnings("unchecked")
    private List<String> clipped(String css) {
        return (List<String>) browser.js(CLIPPED, css);
    }
}
