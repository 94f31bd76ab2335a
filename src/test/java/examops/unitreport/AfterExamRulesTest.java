package examops.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import examops.alert.AlertCondition;
import examops.board.BoardState;
import examops.board.BoardView;
import examops.board.Change;
import examops.clock.ExamClock;
import examops.event.Event;
import examops.event.EventType;
import examops.monitoring.SlowTargetRule;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.publishing.LatePublishingRule;
import examops.rules.BoardRules;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of the weeks after the exam at their boundaries, and the unit reports' book. Pure. */
@Tier.Unit
class AfterExamRulesTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private static final ExamClock CLOCK = ExamClock.of(PROVINCE);
  private final BoardState state = new BoardState(PROVINCE);
  private int seq;

  private static Instant vn(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private Event event(String id, EventType type, String district, Instant at, Instant received, JsonObject data) {
    return new Event(id, type, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(7)), received, "test", district, data);
  }

  private boolean apply(EventType type, String district, Instant at, JsonObject data) {
    return state.apply(event("e" + (++seq), type, district, at, at, data), new HashSet<Change>());
  }

  private boolean report(String id, String unit, String summary, Instant at) {
    JsonObject data = new JsonObject().put("unit", unit).put("summary", summary)
        .put("figures", new JsonArray().add(new JsonObject().put("label", "Số lần báo cáo").put("value", "46")));
    return state.apply(event(id, EventType.UNIT_REPORT_SUBMITTED, PROVINCE.district(unit).isPresent() ? unit : null, at, at, data),
        new HashSet<Change>());
  }

  private static List<String> subjects(List<AlertCondition> conditions) {
    return conditions.stream().map(AlertCondition::subject).toList();
  }

  @Test
  @DisplayName("a delivery item (post channel) alerts one second after its due date when not done, and not once done")
  void lateDelivery() {
    LatePublishingRule rule = new LatePublishingRule(PROVINCE);
    Instant due = vn("2020-10-08T17:00:00");
    String key = "long-xuyen:post:admission-files-sent";
    assertThat(subjects(rule.evaluate(state.publishing(), due))).doesNotContain(key);
    assertThat(subjects(rule.evaluate(state.publishing(), due.plusSeconds(1)))).contains(key, "chau-doc:post:admission-files-sent");
    apply(EventType.PUBLISHING_UPDATED, "long-xuyen", vn("2020-10-08T16:00:00"),
        new JsonObject().put("channel", "post").put("item", "admission-files-sent").put("state", "done").put("evidence", "EB123456789VN"));
    assertThat(subjects(rule.evaluate(state.publishing(), due.plusSeconds(1)))).doesNotContain(key).contains("chau-doc:post:admission-files-sent");
  }

  @Test
  @DisplayName("a unit's report is missed one second after the due date: every unit (districts and departments) that has none alerts")
  void missedUnitReport() {
    MissedUnitReportRule rule = new MissedUnitReportRule(PROVINCE);
    Instant due = vn("2020-10-14T17:00:00");
    report("r1", "long-xuyen", "Đã làm", vn("2020-10-13T09:00:00"));
    report("r2", "so-gddt", "Đã làm", vn("2020-10-13T10:00:00"));
    assertThat(rule.evaluate(state.unitReports(), due)).isEmpty();
    List<AlertCondition> after = rule.evaluate(state.unitReports(), due.plusSeconds(1));
    assertThat(subjects(after)).hasSize(15 - 2).contains("chau-doc", "vnpt-an-giang").doesNotContain("long-xuyen", "so-gddt");
    assertThat(after).filteredOn(c -> c.subject().equals("vnpt-an-giang")).singleElement()
        .satisfies(c -> assertThat(c.district()).isNull())
        .satisfies(c -> assertThat(c.alertId()).isEqualTo(AlertCondition.id("unit-report-missed", "vnpt-an-giang", due)));
    report("r3", "chau-doc", "Gửi muộn", due.plusSeconds(600));
    assertThat(subjects(rule.evaluate(state.unitReports(), due.plusSeconds(601)))).doesNotContain("chau-doc");
  }

  @Test
  @DisplayName("an amendment is the report; the history keeps every version; lateness is judged on the first submission")
  void amendments() {
    Instant due = vn("2020-10-14T17:00:00");
    report("a1", "tri-ton", "Bản đầu", vn("2020-10-14T16:00:00"));
    report("a2", "tri-ton", "Bản sửa", vn("2020-10-15T08:00:00"));
    assertThat(report("a1", "tri-ton", "Bản đầu", vn("2020-10-14T16:00:00"))).as("a retry of the first id").isFalse();
    UnitReportBook book = state.unitReports();
    assertThat(book.latest("tri-ton")).get().extracting(UnitReport::summary, UnitReport::version).containsExactly("Bản sửa", 2);
    assertThat(book.history("tri-ton")).extracting(UnitReport::id).containsExactly("a1", "a2");
    assertThat(UnitReportStanding.evaluate(book.first("tri-ton").orElseThrow(), due, due.plusSeconds(86400)).state()).isEqualTo("submitted");
    assertThat(UnitReportStanding.evaluate(null, due, due).state()).isEqualTo("pending");
    assertThat(UnitReportStanding.evaluate(null, due, due.plusSeconds(1)).state()).isEqualTo("missing");
  }

  @Test
  @DisplayName("the unit reports come out of a checkpoint as they went in, and the view shows them identically")
  void checkpointRoundTrip() {
    report("c1", "long-xuyen", "Đã làm", vn("2020-10-13T09:00:00"));
    report("c2", "long-xuyen", "Sửa", vn("2020-10-13T10:00:00"));
    report("c3", "so-tttt", "Sở TT&TT", vn("2020-10-13T11:00:00"));
    BoardState restored = BoardState.restore(PROVINCE, state.save());
    assertThat(restored.save()).isEqualTo(state.save());
    BoardView view = new BoardView(PROVINCE);
    Instant now = vn("2020-10-15T09:00:00");
    assertThat(view.snapshot(restored, now).getJsonObject("unitReports")).isEqualTo(view.snapshot(state, now).getJsonObject("unitReports"));
    // After a restore, a retry of a known id is still recognised.
    assertThat(restored.apply(event("c2", EventType.UNIT_REPORT_SUBMITTED, "long-xuyen", vn("2020-10-13T10:00:00"),
        vn("2020-10-13T10:00:00"), new JsonObject().put("unit", "long-xuyen").put("summary", "Sửa")
            .put("figures", new JsonArray().add(new JsonObject().put("label", "Số lần báo cáo").put("value", "46")))), new HashSet<>()))
        .isFalse();
  }

  @Test
  @DisplayName("on results day the result-lookup portal is degraded above 1.5 s and alerts after two minutes slow; the same latency the next day is up")
  void resultsDayPortalLoad() {
    SlowTargetRule rule = new SlowTargetRule(PROVINCE, CLOCK);
    Instant t0 = vn("2020-08-27T07:00:00");
    for (int i = 0; i < 3; i++) {
      apply(EventType.PROBE_RESULT, null, t0.plusSeconds(10L * i),
          new JsonObject().put("target", "province/portal-sgddt").put("status", "up").put("latencyMs", 1800));
    }
    assertThat(state.targets().health("province/portal-sgddt").status().wireName()).isEqualTo("degraded");
    Instant since = state.targets().health("province/portal-sgddt").since();
    assertThat(rule.evaluate(state.targets(), since.plusSeconds(119))).isEmpty();
    assertThat(rule.evaluate(state.targets(), since.plusSeconds(120))).singleElement()
        .satisfies(c -> assertThat(c.rule()).isEqualTo("target-slow"))
        .satisfies(c -> assertThat(c.message()).contains("1500 ms"));
    // Outside the results day, slowness stays a colour: no alert.
    assertThat(rule.evaluate(state.targets(), vn("2020-08-28T07:10:00"))).isEmpty();

    BoardState nextDay = new BoardState(PROVINCE);
    Instant t1 = vn("2020-08-28T07:00:00");
    for (int i = 0; i < 3; i++) {
      nextDay.apply(event("n" + i, EventType.PROBE_RESULT, null, t1.plusSeconds(10L * i), t1.plusSeconds(10L * i),
          new JsonObject().put("target", "province/portal-sgddt").put("status", "up").put("latencyMs", 1800)), new HashSet<>());
    }
    assertThat(nextDay.targets().health("province/portal-sgddt").status().wireName()).isEqualTo("up");
  }

  @Test
  @DisplayName("the board's rules include the after-exam ones, and its clock names the stage, its dates and the milestones reached")
  void boardRulesAndClock() {
    assertThat(BoardRules.of(PROVINCE, CLOCK).names()).contains("target-slow", "unit-report-missed", "publishing-late");
    JsonObject clock = new BoardView(PROVINCE).snapshot(state, vn("2020-09-03T10:00:00")).getJsonObject("clock");
    assertThat(clock.getString("phase")).isEqualTo("choice-adjustment");
    JsonObject after = clock.getJsonObject("afterExam");
    assertThat(after.getString("stage")).isEqualTo("adjustment");
    assertThat(after.getJsonArray("stages")).hasSize(3);
    assertThat(after.getJsonArray("stages").getJsonObject(1).getBoolean("estimated")).isTrue();
    assertThat(after.getJsonArray("milestones").stream().map(o -> (JsonObject) o).filter(m -> m.getBoolean("reached"))
        .map(m -> m.getString("milestone")).toList()).containsExactly("results-published", "results-day-ends", "adjustment-opens");
    assertThat(clock.getJsonObject("countdown").getString("milestone")).isEqualTo("adjustment-closes");
    assertThat(clock.getJsonObject("countdown").getString("session")).isNull();
  }
}
