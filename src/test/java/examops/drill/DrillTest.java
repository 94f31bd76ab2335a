package examops.drill;

import static org.assertj.core.api.Assertions.assertThat;

import examops.browser.Browser;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.FastClock;
import examops.testing.Prometheus;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@Tier.Browser
class DrillTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();

  @Test
  @DisplayName("the drill script covers every district's check-ins, keeps one district silent on the first exam morning, and leaves one item late")
  void script() {
    Instant start = Instant.parse("2020-08-07T23:00:00Z");
    Instant end = Instant.parse("2020-08-10T12:00:00Z");
    List<DrillStep> steps = DrillScript.write(PROVINCE, start, end, 2020);
    assertThat(steps).isSortedAccordingTo(java.util.Comparator.comparing(DrillStep::at));
    assertThat(steps).allSatisfy(s -> assertThat(s.at()).isBetween(start, end));
    assertThat(steps.stream().map(s -> s.body().getString("id")).distinct().count()).isEqualTo(steps.size());
    PROVINCE.districts().forEach(d -> assertThat(steps).anyMatch(s -> s.path().equals("/api/v1/checkins") && d.id().equals(s.body().getString("district"))));
    Instant silentFrom = Instant.parse("2020-08-09T00:00:00Z");
    Instant silentTo = Instant.parse("2020-08-09T02:40:00Z");
    // The district unit is silent; its sites, which have duties of their own and count only for themselves, still report.
    assertThat(steps).noneMatch(s -> s.path().equals("/api/v1/checkins") && "tri-ton".equals(s.body().getString("district"))
        && !s.body().getJsonObject("data").containsKey("site") && !s.at().isBefore(silentFrom) && s.at().isBefore(silentTo));
    assertThat(steps).anyMatch(s -> s.path().equals("/api/v1/checkins") && "tri-ton".equals(s.body().getString("district"))
        && s.body().getJsonObject("data").containsKey("site") && !s.at().isBefore(silentFrom) && s.at().isBefore(silentTo));
    assertThat(steps).noneMatch(s -> s.body().getString("id").startsWith("drill-pub-tri-ton.radio.exam-site-addresses"));
    assertThat(steps).anyMatch(s -> s.body().getString("id").equals("drill-DRILL-001-resolve"));
  }

  @Test
  @DisplayName("played fast through the real ingest path, the drill brings the board alive: every district checked in, the silent one alarmed, the incident worked, nothing refused")
  void boardComesAlive() throws Exception {
    // From 05:30 on the first exam day at 1200x: the morning paper in a few real seconds.
    FastClock clock = new FastClock(Instant.parse("2020-08-08T22:30:00Z"), 1200);
    Instant giveUp = Instant.parse("2020-08-09T02:35:00Z"); // 09:35, before the silent district speaks again
    try (TestNode node = TestNode.startDrill(Files.createTempDirectory("examops-drill"), clock);
        Browser browser = Browser.start()) {
      browser.open(node.baseUrl() + "/?access_token=" + node.commandToken()); // the enrolment link signs the browser in
      clock.go();
      JsonObject board = node.board();
      while (clock.instant().isBefore(giveUp) && !alive(board)) {
        Thread.sleep(100);
        board = node.board();
      }
      JsonObject districts = board.getJsonObject("districts");
      PROVINCE.districts().forEach(d -> assertThat(districts.getJsonObject(d.id()).getValue("lastCheckin")).as(d.id()).isNotNull());
      assertThat(alerts(board)).anyMatch(a -> "checkin-missed".equals(a.getString("rule")) && "tri-ton".equals(a.getString("subject")));
      assertThat(alerts(board)).anyMatch(a -> "publishing-late".equals(a.getString("rule"))
          && "tri-ton:radio:exam-site-addresses".equals(a.getString("subject")));
      JsonObject incident = board.getJsonObject("incidents").getJsonObject("DRILL-001");
      assertThat(incident.getLong("timeToAcknowledgeSec")).isEqualTo(240);
      JsonObject targets = board.getJsonObject("targets");
      PROVINCE.targets().forEach(t -> assertThat(targets.getJsonObject(t.id()).getString("status")).as(t.id()).isNotEqualTo("unknown"));
      Prometheus metrics = Prometheus.parse(node.get("/metrics").body());
      assertThat(metrics.value("examops_ingest_accepted_total")).as("the drill's events went through ingest").isPositive();
      assertThat(metrics.samples("examops_ingest_rejected_total")).as("nothing the drill sent was refused")
          .noneMatch(s -> s.labels().get("status").startsWith("4"));

      browser.waitUntil(Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector("#district-grid .district[data-id='tri-ton']")).isEmpty());
      browser.screenshot("drill-board-9-aug-morning");
    }
  }

  private static java.util.stream.Stream<JsonObject> alerts(JsonObject board) {
    return board.getJsonObject("alerts").stream().map(e -> (JsonObject) e.getValue());
  }

  /** The morning has happened: the silent district alarmed and the security incident acknowledged. */
  private static boolean alive(JsonObject board) {
    JsonObject incident = board.getJsonObject("incidents").getJsonObject("DRILL-001");
    return incident != null && incident.getValue("acknowledgedAt") != null
        && alerts(board).anyMatch(a -> "checkin-missed".equals(a.getString("rule")) && "tri-ton".equals(a.getString("subject")));
  }
}
