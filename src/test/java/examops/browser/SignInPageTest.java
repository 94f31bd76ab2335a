package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Passwords;
import examops.access.Role;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A newcomer's way in: the bare address, the district page, the sign-in page and the enrolment links. */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInPageTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private Browser browser;
  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    Path users = Files.createTempFile("examops-users", ".json");
    Files.writeString(users, new JsonObject().put("users", new JsonArray()
        .add(new JsonObject().put("name", "trucban").put("role", "command").put("passwordHash", Passwords.hash("mật-khẩu-trực-ban")))
        .add(new JsonObject().put("name", "lx-1").put("role", "district").put("district", "long-xuyen")
            .put("passwordHash", Passwords.hash("mat-khau-long-xuyen")))).encode());
    node = TestNode.start(Files.createTempDirectory("examops-signin"), new TestClock(Instant.parse("2020-08-09T00:30:00Z")),
        Map.of("EXAMOPS_USERS", users.toString()));
    browser = Browser.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (node != null) node.close();
  }

  @BeforeEach
  void signedOut() {
    browser.viewport(1920, 1080);
    browser.open(node.baseUrl() + "/guide.html");
    browser.driver().manage().deleteAllCookies();
  }

  @Test
  @DisplayName("the bare address without credentials says 'not signed in' and its link signs a person in and back to the board")
  void bareAddressLeadsToTheSignInPage() {
    browser.open(node.baseUrl() + "/");
    browser.waitUntil(WAIT, d -> d.findElement(By.id("signed-out")).isDisplayed());
    assertThat(text("#conn")).isEqualTo("Chưa đăng nhập");
    assertThat(browser.driver().findElement(By.id("stale-banner")).isDisplayed()).as("no 'reconnecting' banner").isFalse();
    assertThat(text("#signed-out h2")).isEqualToIgnoringCase("Chưa đăng nhập");
    browser.screenshot("signed-out-board-1920x1080");

    browser.driver().findElement(By.id("login-link")).click();
    browser.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(browser.driver().getCurrentUrl()).contains("/login.html?next=%2F");
    browser.viewport(390, 844);
    signIn("trucban", "sai-mật-khẩu");
    browser.waitUntil(WAIT, d -> text("#login-error").equals("Sai tên đăng nhập hoặc mật khẩu."));
    browser.screenshot("login-wrong-password-390x844");
    signIn("trucban", "mật-khẩu-trực-ban");
    browser.waitUntil(WAIT, d -> d.getCurrentUrl().equals(node.baseUrl() + "/"));
    browser.viewport(1920, 1080);
    browser.waitUntil(WAIT, d -> "Trực tuyến".equals(text("#conn")));
    assertThat(browser.driver().findElements(By.cssSelector("#district-grid .district"))).hasSize(11);
    assertThat(browser.driver().findElement(By.id("signed-out")).isDisplayed()).isFalse();
  }

  @Test
  @DisplayName("the district page without credentials says 'not signed in' instead of loading forever; a unit's login returns to its page")
  void districtPageLeadsToTheSignInPage() {
    browser.viewport(390, 844);
    browser.open(node.baseUrl() + "/district.html");
    browser.waitUntil(WAIT, d -> d.findElement(By.id("signed-out")).isDisplayed());
    assertThat(browser.driver().findElement(By.id("picker-empty")).isDisplayed()).as("no 'loading…'").isFalse();
    assertThat(text("#conn")).isEqualTo("Chưa đăng nhập");
    browser.screenshot("signed-out-district-390x844");
    browser.driver().findElement(By.id("login-link")).click();
    browser.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    signIn("lx-1", "mat-khau-long-xuyen");
    browser.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html"));
    browser.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed() && !text("#district-name").isEmpty());
    assertThat(text("#district-name")).contains("Long Xuyên");
  }

  @Test
  @DisplayName("a district unit's enrolment link to the bare address opens its own district page")
  void districtEnrolmentLinkOpensTheDistrictPage() {
    browser.viewport(390, 844);
    browser.open(node.baseUrl() + "/?access_token=" + node.token(Role.DISTRICT, "chau-doc"));
    browser.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html"));
    browser.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed() && !text("#district-name").isEmpty());
    assertThat(text("#district-name")).contains("Châu Đốc");
    browser.waitUntil(WAIT, d -> "Trực tuyến".equals(text("#conn")));
    browser.screenshot("district-from-enrolment-link-390x844");
  }

  @Test
  @DisplayName("an expired or revoked enrolment link opened in a browser lands on the sign-in page, saying why")
  void invalidLinkLandsOnTheSignInPage() {
    browser.open(node.baseUrl() + "/district.html?access_token=not.a.token");
    browser.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(browser.driver().getCurrentUrl()).contains("/login.html?link=invalid&next=%2Fdistrict.html").doesNotContain("not.a.token");
    assertThat(text("#login-link-invalid")).startsWith("Đường link đăng nhập này không còn hiệu lực");
    browser.screenshot("login-link-invalid-1920x1080");
  }

  @Test
  @DisplayName("the sign-in page speaks English one click away")
  void signInPageInEnglish() {
    browser.open(node.baseUrl() + "/login.html");
    browser.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(text(".login-heading")).isEqualTo("Đăng nhập ExamOps");
    browser.driver().findElement(By.id("lang")).click();
    browser.waitUntil(WAIT, d -> text(".login-heading").equals("Sign in to ExamOps"));
    browser.screenshot("login-en-1920x1080");
    browser.driver().findElement(By.id("lang")).click();
    browser.waitUntil(WAIT, d -> text(".login-heading").equals("Đăng nhập ExamOps"));
  }

  private void signIn(String name, String password) {
    WebDriver d = browser.driver();
    d.findElement(By.id("login-name")).clear();
    d.findElement(By.id("login-name")).sendKeys(name);
    d.findElement(By.id("login-password")).clear();
    d.findElement(By.id("login-password")).sendKeys(password);
    d.findElement(By.id("login-submit")).click();
  }

  private String text(String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }
}
