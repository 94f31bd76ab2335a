package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The district page on a phone against a real node: check-ins reach the board, offline submissions are queued and sent once. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistrictPageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DISTRICT = "long-xuyen";

    private Browser browser;
    private TestNode node;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start(390, 844);
        node = TestNode.start();
        browser.open(node.baseUrl() + "/?access_token=" + node.commandToken()); // signs this browser in as the command center
    }

    @AfterAll
    void stop() {
        if (node != null) node.close();
        if (browser != null) browser.close();
    }

    @BeforeEach
    void online() {
        network(false);
        browser.viewport(390, 844);
        // The exam clock moves on between tests, so each test's check-in is the district's latest.
        node.clock().advance(Duration.ofMinutes(1));
    }

    private void openDistrictPage() {
        // Signed in as the district unit: the page speaks for long-xuyen, and its events say so.
        browser.open(node.baseUrl() + "/district.html?access_token=" + node.token(examops.access.Role.DISTRICT, DISTRICT));
        browser.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed());
        browser.waitUntil(WAIT, d -> "Trực tuyến".equals(text("#conn")) || "Live".equals(text("#conn")));
    }

    @Test
    @Order(1)
    @DisplayName("the first visit asks for the district once; the choice is remembered")
    void pickDistrictOnce() {
        browser.open(node.baseUrl() + "/district.html");
        browser.js("localStorage.clear();");
        browser.driver().navigate().refresh();
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#picker-list .pick")).size() == 11);
        assertThat(browser.driver().findElement(By.id("main")).isDisplayed()).isFalse();
        browser.screenshot("district-phone-picker");
        browser.driver().findElement(By.cssSelector("#picker-list .pick[data-id='" + DISTRICT + "']")).click();
        browser.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed());
        assertThat(text("#district-name")).isEqualTo("TP. Long Xuyên");
        browser.driver().navigate().refresh();
        browser.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed());
        assertThat(browser.driver().findElement(By.id("picker")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#checkin-form .site-select option")))
            .as("the district's exam sites, and 'the whole unit'").hasSizeGreaterThan(2);
    }

    @Test
    @Order(2)
    @DisplayName("one tap on 'all normal' sends a check-in that reaches the board and the page's own status")
    void allNormalReachesTheBoard() {
        openDistrictPage();
        long before = version();
        click(browser.driver().findElement(By.id("all-ok")));
        browser.waitUntil(WAIT, d -> cls("#checkin-result").contains("is-sent"));
        browser.waitUntil(WAIT, d -> version() == before + 1);
        JsonObject last = district().getJsonObject("lastCheckin");
        assertThat(last.getString("status")).isEqualTo("ok");
        assertThat(last.getString("internet")).isEqualTo("ok");
        assertThat(last.getString("source")).isEqualTo("district:" + DISTRICT);
        browser.waitUntil(WAIT, d -> "Báo cáo đúng hạn".equals(text("#my-checkin")));
        assertThat(cls("#status-card")).as("late publishing items keep the district amber").contains("worst-warning");
        browser.waitUntil(WAIT, d -> !d.findElements(By.cssSelector("#recent-list .recent")).isEmpty());
        browser.screenshot("district-phone-390x844");
        browser.viewport(390, 2600);
        browser.screenshot("district-phone-whole-page");
        browser.viewport(1366, 900);
        browser.screenshot("district-desktop-1366x900");
    }

    @Test
    @Order(3)
    @DisplayName("offline: the check-in is kept and shown as queued, then sent once when the network returns")
    void offlineCheckInIsQueuedThenSentOnce() {
        openDistrictPage();
        long before = version();
        network(true);
        click(browser.driver().findElement(By.cssSelector("#checkin-details summary")));
        choose("status", "issue");
        choose("internet", "slow");
        browser.driver().findElement(By.cssSelector("#checkin-form textarea[name='note']")).sendKeys("Mạng chậm gần điểm thi");
        click(browser.driver().findElement(By.cssSelector("#checkin-form .submit")));

        browser.waitUntil(WAIT, d -> cls("#checkin-result").contains("is-queued"));
        browser.waitUntil(WAIT, d -> d.findElement(By.id("outbox-card")).isDisplayed());
        List<WebElement> queued = browser.driver().findElements(By.cssSelector("#outbox-list .outbox-item"));
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).findElement(By.cssSelector(".ob-when")).getText()).startsWith("Lập lúc ");
        JsonObject stored = new JsonArray((String) browser.js("return localStorage.getItem('examops.outbox');")).getJsonObject(0);
        String id = stored.getString("id");
        String at = stored.getJsonObject("body").getString("at");
        assertThat(version()).as("nothing reached the server").isEqualTo(before);
        browser.screenshot("district-phone-offline-queued");

        network(false);
        browser.waitUntil(Duration.ofSeconds(20), d -> !d.findElement(By.id("outbox-card")).isDisplayed());
        browser.waitUntil(WAIT, d -> version() == before + 1);
        JsonObject last = district().getJsonObject("lastCheckin");
        assertThat(last.getString("id")).as("sent with the id it was made with").isEqualTo(id);
        assertThat(OffsetDateTime.parse(last.getString("at")).toInstant()).as("and the time of the tap")
            .isEqualTo(OffsetDateTime.parse(at).toInstant());
        assertThat(last.getString("note")).isEqualTo("Mạng chậm gần điểm thi");

        String unit = node.token(examops.access.Role.DISTRICT, DISTRICT);
        TestNode.Response again = node.post("/api/v1/checkins", stored.getJsonObject("body").encode(), unit);
        assertThat(again.status()).as("a retry of the same id is accepted again").isEqualTo(202);
        TestNode.Response someoneElse = node.post("/api/v1/checkins", stored.getJsonObject("body").encode());
        assertThat(someoneElse.status()).as("the same id from another sender is another event: refused, not ignored").isEqualTo(409);
        assertThat(version()).as("and applied only once").isEqualTo(before + 1);
        assertThat(node.board().getJsonObject("stats").getLong("duplicates")).isZero();
    }

    @Test
    @Order(4)
    @DisplayName("a refused submission is shown next to its field with the server's message and not retried")
    void refusedSubmissionShowsTheServerMessage() {
        openDistrictPage();
        browser.js("document.querySelector('#checkin-form input[name=status][value=ok]').value = 'fine';");
        click(browser.driver().findElement(By.cssSelector("#checkin-details summary")));
        click(browser.driver().findElement(By.cssSelector("#checkin-form .submit")));
        browser.waitUntil(WAIT, d -> cls("#checkin-result").contains("is-failed"));
        String error = text("#checkin-form [data-error-for='data.status']");
        assertThat(error).contains("enum");
        assertThat(browser.driver().findElements(By.cssSelector("#outbox-list .ob-failed"))).hasSize(1);
        browser.screenshot("district-phone-refused");
        click(browser.driver().findElement(By.cssSelector("#outbox-list .ob-dismiss")));
        browser.waitUntil(WAIT, d -> !d.findElement(By.id("outbox-card")).isDisplayed());
        browser.driver().navigate().refresh(); // the page's own radio value came back
    }

    @Test
    @Order(5)
    @DisplayName("markup in every user field is shown as text and never runs, here and on the board")
    void userMarkupIsText() {
        openDistrictPage();
        String evil = "<script>window.__x=1</script><img src=x onerror=\"window.__y=1\">";
        WebElement form = browser.driver().findElement(By.id("incident-form"));
        form.findElement(By.name("title")).sendKeys(evil);
        form.findElement(By.name("description")).sendKeys(evil);
        click(form.findElement(By.cssSelector(".submit")));
        browser.waitUntil(WAIT, d -> cls("#incident-result").contains("is-sent"));

        click(browser.driver().findElement(By.cssSelector("#checkin-details summary")));
        browser.driver().findElement(By.cssSelector("#checkin-form textarea[name='note']")).sendKeys(evil);
        click(browser.driver().findElement(By.cssSelector("#checkin-form .submit")));
        browser.waitUntil(WAIT, d -> cls("#checkin-result").contains("is-sent"));
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#recent-list .r-note")).stream().anyMatch(n -> evil.equals(n.getText())));

        WebElement pub = browser.driver().findElement(By.cssSelector("#pub-list .pub-item"));
        click(pub.findElement(By.cssSelector(".pi-open")));
        pub.findElement(By.name("evidence")).sendKeys(evil);
        click(pub.findElement(By.cssSelector(".pi-send")));
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#pub-list .pi-evidence")).stream().anyMatch(n -> n.getText().contains(evil)));

        assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(browser.js("return [window.__x, window.__y];")).isEqualTo(java.util.Arrays.asList(null, null));
        browser.screenshot("district-phone-markup-as-text");

        browser.viewport(1920, 1080);
        browser.open(node.baseUrl() + "/");
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#incident-list .i-title")).stream().anyMatch(n -> evil.equals(n.getText())));
        browser.waitUntil(WAIT, d -> evil.equals(d.findElement(By.cssSelector("#district-grid .district[data-id='long-xuyen'] .d-note")).getText()));
        assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(browser.js("return [window.__x, window.__y];")).isEqualTo(java.util.Arrays.asList(null, null));
    }

    @Test
    @Order(6)
    @DisplayName("the language switch changes the whole page, the server's names included, and back")
    void languageSwitchChangesTheWholePage() {
        openDistrictPage();
        assertThat(text(".checkin-card h2")).isEqualTo("Báo cáo tình hình");
        click(browser.driver().findElement(By.id("lang")));
        browser.waitUntil(WAIT, d -> "Check in".equals(text(".checkin-card h2")));
        assertThat(text("#district-name")).isEqualTo("Long Xuyên city");
        assertThat(text("#all-ok")).isEqualTo("All normal");
        assertThat(text("#pub-list .state-not-started .pi-open")).isEqualTo("Mark as done");
        assertThat(vietnameseLeft()).as("Vietnamese text left on the English page").isEmpty();
        browser.screenshot("district-phone-en");
        browser.viewport(1366, 900);
        browser.screenshot("district-desktop-en");
        click(browser.driver().findElement(By.id("lang")));
        browser.waitUntil(WAIT, d -> "Báo cáo tình hình".equals(text(".checkin-card h2")));
    }

    @Test
    @Order(7)
    @DisplayName("the guide shows one language at a time and switches like the other pages")
    void guideSwitchesLanguage() {
        browser.open(node.baseUrl() + "/guide.html");
        browser.js("localStorage.removeItem('examops.lang');");
        browser.driver().navigate().refresh();
        browser.waitUntil(WAIT, d -> d.findElement(By.cssSelector("article[data-lang='vi']")).isDisplayed());
        assertThat(browser.driver().findElement(By.cssSelector("article[data-lang='en']")).isDisplayed()).isFalse();
        browser.screenshot("guide-phone-vi");
        browser.viewport(1366, 900);
        browser.screenshot("guide-desktop-vi");
        click(browser.driver().findElement(By.id("lang")));
        browser.waitUntil(WAIT, d -> d.findElement(By.cssSelector("article[data-lang='en']")).isDisplayed());
        assertThat(browser.driver().findElement(By.cssSelector("article[data-lang='vi']")).isDisplayed()).isFalse();
        assertThat(text(".page-tools a[href='./']")).isEqualTo("Live board");
        browser.screenshot("guide-desktop-en");
        click(browser.driver().findElement(By.id("lang")));
    }

    /**
     * Text nodes in Vietnamese outside what people typed and the exam-site list, once the sites' English
     * names (proper names, as the province file gives them: "THPT Long Xuyên exam site") are taken out.
     */
    @SuppressWarnings("unchecked")
    private List<String> vietnameseLeft() {
        List<String> names = examops.province.ProvinceLoader.loadDefault().sites().stream().map(s -> s.name().en())
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        return (List<String>) browser.js(
            "const vi = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;"
            + "const skip = 'select, .site-name, .r-note, .pi-evidence, .ob-summary, .ob-error, textarea, #lang';"
            + "const out = []; const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
            + "  const el = n.parentElement; if (!el || el.closest(skip) || !el.checkVisibility()) continue;"
            + "  let text = n.textContent; for (const name of arguments[0]) text = text.split(name).join(' ');"
            + "  if (vi.test(text)) out.push(n.textContent.trim()); }"
            + "return out;", names);
    }

    /** Turns the browser's network off or on through the DevTools protocol. */
    private void network(boolean offline) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
            "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void choose(String name, String value) {
        click(browser.driver().findElement(By.cssSelector("#checkin-form input[name='" + name + "'][value='" + value + "'] + span")));
    }

    /** Clicks like a person who scrolled the element to the middle of the screen (clear of the sticky header). */
    private void click(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Check-ins the board has applied for the test's district (the rules may write alerts meanwhile,
     * so the board's version is no measure of what this page sent).
     */
    private long version() {
        try {
            return node.node().board().checkins(DISTRICT).map(history -> (long) history.size())
                .toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject district() {
        return node.board().getJsonObject("districts").getJsonObject(DISTRICT);
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private String cls(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getAttribute("class");
    }
}
