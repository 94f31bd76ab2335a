package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A district that never checked in, a week into the window: the screens say so and when its first
 * check-in was due, where they used to say "Bỏ lỡ 7 ngày" (its overdue time ran from that first due time).
 */
@Tier.Browser
class NeverReportedTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  /** 08/08 09:00 in An Giang: the first check-in of the window was due 01/08 09:00. */
  private static final Instant A_WEEK_IN = Instant.parse("2020-08-08T02:00:00Z");

  @Test
  @DisplayName("a district that never checked in reads \"Chưa từng báo cáo\", first due 09:00 01/08, on its tile, its alert and its own page, not \"7 ngày\"")
  void neverReportedIsSaid() throws Exception {
    try (TestNode node = TestNode.start(Files.createTempDirectory("examops-never"), new TestClock(A_WEEK_IN), Map.of());
        Browser b = Browser.start(1920, 1080)) {
      b.open(node.baseUrl() + "/?access_token=" + node.commandToken());
      b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11
          && !d.findElements(By.cssSelector("#alert-list .alert")).isEmpty());
      List<String> lines = b.driver().findElements(By.cssSelector("#district-grid .d-checkin-state")).stream().map(e -> e.getText()).toList();
      assertThat(lines).hasSize(11).allMatch("Chưa từng báo cáo"::equals);
      List<String> due = b.driver().findElements(By.cssSelector("#district-grid .d-checkin-last")).stream().map(e -> e.getText()).toList();
      assertThat(due).hasSize(11).allMatch("Hạn đầu tiên 09:00 01/08"::equals);
      assertThat(b.driver().findElement(By.id("district-grid")).getText()).doesNotContain("ngày").doesNotContain("Bỏ lỡ");
      String alerts = b.driver().findElement(By.id("alert-list")).getText();
      assertThat(alerts).contains("chưa từng báo cáo (hạn đầu tiên 09:00 01/08)").doesNotContain("quá hạn");
      b.screenshot("never-reported-board-1920x1080");

      b.open(node.baseUrl() + "/?access_token=" + node.token(examops.access.Role.DISTRICT, "an-phu"));
      b.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html") && d.findElement(By.id("main")).isDisplayed()
          && !d.findElement(By.id("my-checkin")).getText().isBlank());
      assertThat(b.driver().findElement(By.id("my-checkin")).getText()).isEqualTo("Chưa từng báo cáo · hạn đầu tiên 09:00 01/08");
      b.viewport(390, 844);
      b.screenshot("never-reported-district-390x844");
    }
  }
}
