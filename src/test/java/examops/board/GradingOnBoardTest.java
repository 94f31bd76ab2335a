package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grading sites on the board: their phase in the clock, their count beside the exam sites', their links. */
@Tier.Unit
class GradingOnBoardTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private static final String SITE = "long-xuyen/cham-thi-tu-luan";

  @Test
  @DisplayName("clock.grading follows the grading period: before it on the exam days, grading from 12 Aug, done after it")
  void gradingPhase() {
    BoardView view = new BoardView(PROVINCE);
    BoardState state = new BoardState(PROVINCE);
    assertThat(grading(view, state, "2020-08-10T10:00:00+07:00").getString("phase")).isEqualTo("before-grading");
    JsonObject during = grading(view, state, "2020-08-15T10:00:00+07:00");
    assertThat(during.getString("phase")).isEqualTo("grading");
    assertThat(during.getBoolean("estimated")).isTrue();
    assertThat(Instant.parse(during.getString("start"))).isEqualTo(Instant.parse("2020-08-12T00:00:00Z"));
    assertThat(grading(view, state, "2020-08-25T10:00:00+07:00").getString("phase")).isEqualTo("grading-done");
  }

  @Test
  @DisplayName("a district's sites still count its exam sites; its grading sites are counted beside them")
  void siteCounts() {
    JsonObject districts = new BoardView(PROVINCE).snapshot(new BoardState(PROVINCE), Instant.parse("2020-08-15T03:00:00Z"))
        .getJsonObject("districts");
    assertThat(districts.getJsonObject("long-xuyen").getInteger("sites")).isEqualTo(6);
    assertThat(districts.getJsonObject("long-xuyen").getInteger("gradingSites")).isEqualTo(2);
    assertThat(districts.getJsonObject("chau-doc").getInteger("gradingSites")).isZero();
  }

  @Test
  @DisplayName("a grading site's check-in reports its phone, fax and internet like an exam site's")
  void gradingSiteCheckin() {
    BoardState state = new BoardState(PROVINCE);
    OffsetDateTime at = OffsetDateTime.parse("2020-08-15T09:00:00+07:00");
    state.apply(new Event("g1", EventType.CHECKIN_SUBMITTED, at, at.toInstant(), "district:long-xuyen", "long-xuyen",
        new JsonObject().put("site", SITE).put("status", "issue").put("phone", "ok").put("fax", "ok").put("internet", "down")),
        new LinkedHashSet<>());
    JsonObject targets = new BoardView(PROVINCE).snapshot(state, at.toInstant().plusSeconds(60)).getJsonObject("targets");
    assertThat(targets.getJsonObject(SITE + "/internet").getString("status")).isEqualTo("down");
    assertThat(targets.getJsonObject(SITE + "/phone").getString("status")).isEqualTo("up");
  }

  private static JsonObject grading(BoardView view, BoardState state, String at) {
    return view.snapshot(state, OffsetDateTime.parse(at).toInstant()).getJsonObject("clock").getJsonObject("grading");
  }
}
