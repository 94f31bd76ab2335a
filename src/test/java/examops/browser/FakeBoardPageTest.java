package examops.browser;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * What the board page's tests on a {@link FakeBoardServer} share: one browser for the class, one feed
 * per test, the wall's 1920x1080, and the page taken as open once its 11 district tiles are drawn and it
 * says it is live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FakeBoardPageTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** The first snapshot on a busy machine may take longer than the page's own reactions. */
    static final Duration FIRST_LOAD = Duration.ofSeconds(30);

    Browser browser;
    FakeBoardServer feed;

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
        feed = null;
    }

    /** A feed of {@code state} and the board page on it, drawn. */
    void open(JsonObject state) {
        feed = FakeBoardServer.start(state);
        browser.viewport(1920, 1080);
        browser.open(feed.url());
        browser.waitUntil(FIRST_LOAD, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11);
        browser.waitUntil(WAIT, d -> "Trực tuyến".equals(text("#conn")));
    }

    String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
