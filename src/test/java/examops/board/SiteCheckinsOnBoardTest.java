package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sites' own check-ins on the board: districts[].siteDuties and siteCounts, and what counts for whom. */
@Tier.Unit
class SiteCheckinsOnBoardTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private final MorningBoard board = new MorningBoard(PROVINCE);
  private final BoardState state = board.state;
  private final BoardView view = board.view;

  @Test
  @DisplayName("a site's check-in meets the site's duty, not its district's; the strip lists the district's sites worst first")
  void siteDutiesWorstFirst() {
    board.checkIn("c1", "chau-doc", null, "07:20", "ok", "ok");
    board.checkIn("c2", "chau-doc", "chau-doc/thpt-chau-doc", "07:52", "ok", "ok");
    board.checkIn("c3", "chau-doc", "chau-doc/thpt-vo-thi-sau", "07:38", "issue", "down");
    board.checkIn("c4", "chau-doc", "chau-doc/thpt-vinh-my", "07:55", "ok", "ok");
    JsonObject d = board.district("chau-doc", "08:12");
    // The district's own duty still runs from its own 07:20 check-in (due 07:50): missed.
    assertThat(d.getJsonObject("checkin").getString("state")).isEqualTo("missed");
    assertThat(d.getJsonObject("lastCheckin").getString("id")).isEqualTo("c1");
    assertThat(d.getInteger("sites")).isEqualTo(4); // the count of exam sites, as before
    JsonArray sites = d.getJsonArray("siteDuties");
    List<String> order = sites.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertThat(order).containsExactly("chau-doc/thpt-chuyen-thu-khoa-nghia", "chau-doc/thpt-vo-thi-sau",
        "chau-doc/thpt-chau-doc", "chau-doc/thpt-vinh-my");
    JsonObject silent = sites.getJsonObject(0);
    assertThat(silent.getString("state")).isEqualTo("missed");
    assertThat(silent.getBoolean("neverReported")).isTrue();
    JsonObject late = sites.getJsonObject(1);
    assertThat(late.getString("state")).isEqualTo("late");
    assertThat(late.getString("nextDue")).isEqualTo(MorningBoard.vn("08:08").toString());
    assertThat(late.getJsonObject("lastCheckin").getString("fax")).isEqualTo("down");
    assertThat(late.getJsonObject("links").getString("fax")).isEqualTo("down"); // the check-in reported the link, as before
    assertThat(sites.getJsonObject(2).getString("state")).isEqualTo("due-soon"); // due 08:22, within 10 minutes
    assertThat(sites.getJsonObject(3).getString("state")).isEqualTo("on-time");
    assertThat(d.getJsonObject("siteCounts").getMap()).containsEntry("missed", 1).containsEntry("late", 1)
        .containsEntry("dueSoon", 1).containsEntry("onTime", 1).containsEntry("withDuty", 4);
  }

  @Test
  @DisplayName("the site state comes out of a checkpoint (format 4) as it went in")
  void siteStateSurvivesACheckpoint() {
    board.checkIn("c3", "chau-doc", "chau-doc/thpt-vo-thi-sau", "07:38", "issue", "down");
    BoardState restored = BoardState.restore(PROVINCE, state.save());
    assertThat(state.save().getInteger("format")).isEqualTo(BoardState.FORMAT).isEqualTo(4);
    assertThat(view.snapshot(restored, MorningBoard.vn("08:12")).encode()).isEqualTo(view.snapshot(state, MorningBoard.vn("08:12")).encode());
    assertThat(restored.siteCheckins().latest("chau-doc/thpt-vo-thi-sau")).isPresent();
  }
}
