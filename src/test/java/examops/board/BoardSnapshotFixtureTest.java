package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A board snapshot for the browser modules' tests, {@code webroot/test/fixtures/board-snapshot.generated.json},
 * made by the same {@link BoardView} the node serves from a morning of events; this test fails when the
 * committed file is not what {@code BoardView} makes today. {@code -Dfixtures.write=true} writes it anew.
 * (The hand-written {@code board-snapshot.json} beside it is still the one the browser tests read:
 * their assertions follow its scenario.)
 */
@Tier.Unit
class BoardSnapshotFixtureTest {

  static final Path FIXTURE = Path.of("webroot", "test", "fixtures", "board-snapshot.generated.json");
  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  /** 08:12 on 9 August 2020: the Literature paper is under way. */
  static final Instant NOW = OffsetDateTime.parse("2020-08-09T08:12:00+07:00").toInstant();

  @Test
  @DisplayName("webroot/test/fixtures/board-snapshot.generated.json is the snapshot BoardView makes of an exam morning")
  void fixtureIsTheRealSnapshot() throws IOException {
    String made = snapshot().encodePrettily() + "\n";
    if (Boolean.getBoolean("fixtures.write")) Files.writeString(FIXTURE, made, StandardCharsets.UTF_8);
    assertThat(Files.exists(FIXTURE)).as(FIXTURE + " exists (write it with -Dfixtures.write=true)").isTrue();
    JsonObject committed = new JsonObject(Files.readString(FIXTURE, StandardCharsets.UTF_8));
    assertThat(committed.getMap()).as("the committed fixture has drifted from BoardView; run "
        + "mvn test -Dtest=BoardSnapshotFixtureTest -Dfixtures.write=true and review the diff").isEqualTo(new JsonObject(made).getMap());
  }

  /** An exam morning: most districts reported, one late with an issue, one silent; the portal down; incidents in each state. */
  static JsonObject snapshot() {
    BoardState state = new BoardState(PROVINCE);
    var changes = new HashSet<Change>();
    List<String> districts = PROVINCE.districts().stream().map(d -> d.id()).toList();
    int n = 0;
    for (String d : districts) {
      if (d.equals("an-phu")) continue; // silent since dawn
      if (d.equals("chau-doc")) {
        state.apply(event("ci-" + d, EventType.CHECKIN_SUBMITTED, d, "07:25", new JsonObject().put("status", "issue")
            .put("phone", "ok").put("fax", "down").put("internet", "ok").put("note", "Máy fax điểm thi Võ Thị Sáu hỏng")), changes);
        continue;
      }
      state.apply(event("ci-" + d, EventType.CHECKIN_SUBMITTED, d, "08:0" + (n++ % 10), new JsonObject().put("status", "ok")
          .put("phone", "ok").put("fax", "ok").put("internet", "ok").put("note", "")), changes);
    }
    // The exam sites' own check-ins during the paper: An Phú's sites silent with their district, one
    // Châu Đốc site late with its fax down, the others on time (some due within minutes).
    int k = 0;
    for (var site : PROVINCE.sites()) {
      if (site.grading() || site.district().equals("an-phu")) continue;
      boolean late = site.id().equals("chau-doc/thpt-vo-thi-sau");
      String hhmm = late ? "07:38" : "07:" + (50 + k++ % 10);
      state.apply(event("ci-" + site.id(), EventType.CHECKIN_SUBMITTED, site.district(), hhmm, new JsonObject().put("site", site.id())
          .put("status", late ? "issue" : "ok").put("phone", "ok").put("fax", late ? "down" : "ok").put("internet", "ok")
          .put("note", late ? "Máy fax hỏng, báo cáo qua điện thoại" : "")), changes);
    }
    for (String t : List.of("province/portal", "province/email", "province/datacenter")) {
      state.apply(event("pr-1-" + t, EventType.PROBE_RESULT, null, "07:30",
          new JsonObject().put("target", t).put("status", "up").put("latencyMs", 80)), changes);
    }
    state.apply(event("pr-2-portal", EventType.PROBE_RESULT, null, "08:05",
        new JsonObject().put("target", "province/portal").put("status", "down").put("error", "timeout after 5 s")), changes);
    state.apply(incident("inc-1-r", EventType.INCIDENT_REPORTED, "long-xuyen", "07:40", "inc-1",
        new JsonObject().put("title", "Quét cổng dịch vụ vào máy chủ cổng thông tin").put("severity", "critical").put("category", "security")), changes);
    state.apply(incident("inc-1-a", EventType.INCIDENT_ACKNOWLEDGED, "long-xuyen", "07:44", "inc-1", new JsonObject()), changes);
    state.apply(incident("inc-2-r", EventType.INCIDENT_REPORTED, "chau-doc", "07:50", "inc-2",
        new JsonObject().put("title", "Mất internet tại điểm thi").put("severity", "high").put("category", "network")), changes);
    state.apply(incident("inc-3-r", EventType.INCIDENT_REPORTED, "tan-chau", "07:10", "inc-3",
        new JsonObject().put("title", "Mất điện ngắn").put("severity", "medium").put("category", "outage")), changes);
    state.apply(incident("inc-3-a", EventType.INCIDENT_ACKNOWLEDGED, "tan-chau", "07:12", "inc-3", new JsonObject()), changes);
    state.apply(incident("inc-3-z", EventType.INCIDENT_RESOLVED, "tan-chau", "07:30", "inc-3", new JsonObject()), changes);
    state.apply(event("pub-1", EventType.PUBLISHING_UPDATED, "long-xuyen", "06:30", new JsonObject().put("channel", "district-portal")
        .put("item", "timetable").put("state", "done").put("evidence", "https://longxuyen.angiang.gov.vn/lich-thi")), changes);
    state.apply(event("al-1-r", EventType.ALERT_RAISED, null, "08:08", new JsonObject().put("alertId", "al-1")
        .put("rule", "target-down").put("subject", "province/portal").put("severity", "critical")
        .put("message", "Cổng thông tin tỉnh không truy cập được từ 08:05").put("messageEn", "The provincial portal down since 08:05")
        .put("onset", "2020-08-09T08:05:00+07:00")), changes);
    return new BoardView(PROVINCE).snapshot(state, NOW);
  }

  private static Event incident(String id, EventType type, String district, String hhmm, String incidentId, JsonObject data) {
    return event(id, type, district, hhmm, data.put("incidentId", incidentId));
  }

  private static Event event(String id, EventType type, String district, String hhmm, JsonObject data) {
    OffsetDateTime t = OffsetDateTime.parse("2020-08-09T" + hhmm + ":00+07:00");
    return new Event(id, type, t, t.toInstant(), district == null ? "agent:nms-1" : "district:" + district, district, data);
  }
}
