package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.checkin.CheckIn;
import examops.checkin.CheckinState;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.HealthStatus;
import examops.vocabulary.LinkState;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** districts[].worst: the level the screens colour a district's tile with, its sites counted. */
@Tier.Unit
class DistrictLevelTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private final MorningBoard board = new MorningBoard(PROVINCE);

  @Test
  @DisplayName("a district on time whose exam site missed its own check-in is critical in the snapshot, as on its tile")
  void aMissedSiteMakesItsDistrictCritical() {
    board.checkIn("d", "chau-doc", null, "07:50", "ok", "ok");
    board.checkIn("s1", "chau-doc", "chau-doc/thpt-chau-doc", "07:52", "ok", "ok");
    board.checkIn("s2", "chau-doc", "chau-doc/thpt-vinh-my", "07:55", "ok", "ok");
    board.checkIn("s3", "chau-doc", "chau-doc/thpt-vo-thi-sau", "07:56", "ok", "ok");
    JsonObject before = board.district("chau-doc", "08:00");
    assertThat(before.getJsonObject("checkin").getString("state")).isEqualTo("on-time");
    // The fourth site has not checked in this morning: past its due time and grace, it is missed.
    assertThat(before.getJsonArray("siteDuties").stream().map(x -> ((JsonObject) x).getString("state"))).contains("missed");
    assertThat(before.getString("worst")).isEqualTo("critical");

    for (var site : PROVINCE.sites()) {
      if (site.district().equals("chau-doc") && !site.grading()) board.checkIn("all-" + site.id(), "chau-doc", site.id(), "07:58", "ok", "ok");
    }
    // Every site in: what is left is the checklist items past due (nothing was published in this test), a warning.
    assertThat(board.district("chau-doc", "08:00").getString("worst")).isEqualTo("warning");
  }

  @Test
  @DisplayName("the level rule: a site missed, a site link down, a critical report or a missed check-in is critical; late ones warn")
  void theRule() {
    CheckIn fine = checkin("ok", "ok");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 0, List.of(), List.of("on-time"), 0)).isEqualTo("ok");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 0, List.of(), List.of("on-time", "missed"), 0)).isEqualTo("critical");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 0, List.of(), List.of("late", "due-soon"), 0)).isEqualTo("warning");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 0, List.of(HealthStatus.UP, HealthStatus.DOWN), List.of(), 0)).isEqualTo("critical");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 0, List.of(HealthStatus.DEGRADED), List.of(), 0)).isEqualTo("warning");
    assertThat(level(CheckinState.ON_TIME, checkin("critical", "ok"), 0, 0, List.of(), List.of(), 0)).isEqualTo("critical");
    assertThat(level(CheckinState.ON_TIME, checkin("ok", "down"), 0, 0, List.of(), List.of(), 0)).as("a link the unit said is down").isEqualTo("warning");
    assertThat(level(CheckinState.ON_TIME, fine, 1, 2, List.of(), List.of(), 0)).isEqualTo("critical");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 1, List.of(), List.of(), 0)).isEqualTo("warning");
    assertThat(level(CheckinState.ON_TIME, fine, 0, 0, List.of(), List.of(), 3)).isEqualTo("warning");
    assertThat(new DistrictLevel(CheckinState.ON_TIME, fine, 0, 0, List.of(), List.of(), 3, false).level())
        .as("late publishing outside the window").isEqualTo("ok");
    assertThat(level(CheckinState.LATE, fine, 0, 0, List.of(), List.of(), 0)).isEqualTo("warning");
    // Never heard from: missed is critical (the tile says "never reported"); nothing due yet is unknown.
    assertThat(level(CheckinState.MISSED, null, 0, 0, List.of(), List.of(), 0)).isEqualTo("critical");
    assertThat(level(CheckinState.NOT_EXPECTED, null, 0, 0, List.of(), List.of(), 0)).isEqualTo("unknown");
    assertThat(level(CheckinState.NOT_EXPECTED, null, 0, 0, List.of(), List.of("missed"), 0)).isEqualTo("critical");
  }

  @Test
  @DisplayName("on the exam morning's snapshot, An Phú (silent, its sites too) and Tri Tôn (a site's internet down) are critical")
  void theMorningSnapshot() {
    JsonObject districts = BoardSnapshotFixtureTest.snapshot().getJsonObject("districts");
    assertThat(districts.getJsonObject("an-phu").getString("worst")).isEqualTo("critical");
    assertThat(districts.getJsonObject("tri-ton").getString("worst")).isEqualTo("critical");
    assertThat(districts.getJsonObject("phu-tan").getString("worst")).isEqualTo("ok");
  }

  private static String level(CheckinState checkinState, CheckIn last, long critical, long open, List<HealthStatus> links,
      List<String> duties, int late) {
    return new DistrictLevel(checkinState, last, critical, open, links, duties, late, true).level();
  }

  private static CheckIn checkin(String status, String fax) {
    OffsetDateTime t = OffsetDateTime.parse("2020-08-09T07:50:00+07:00");
    return new CheckIn("c", "chau-doc", null, t, t.toInstant(), CheckinCondition.fromWireName(status).orElseThrow(), LinkState.OK,
        LinkState.fromWireName(fax).orElseThrow(), LinkState.OK, "", "district:chau-doc");
  }
}
