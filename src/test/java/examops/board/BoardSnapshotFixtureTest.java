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
 * The browser tests read it: the board page's through {@code FakeBoardServer}, the state module's under
 * {@code node --test}; their assertions follow this scenario.
 */
@Tier.Unit
class BoardSnapshotFixtureTest {

  static final Path FIXTURE = Path.of("webroot", "test", "fixtures", "board-snapshot.generated.json");
  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  /** 08:12 on 9 August 2020: the Literature paper is under way. */
  static final Instant NOW = OffsetDateTime.parse("2020-08-09T08:12:00+07:00").toInstant();

  static final Path AFTER_EXAM_FIXTURE = Path.of("webroot", "test", "fixtures", "board-snapshot.after-exam.generated.json");
  /** 09:00 on 15 October 2020: the units' reports were due yesterday at 17:00; the window closes tonight. */
  static final Instant AFTER_EXAM_NOW = OffsetDateTime.parse("2020-10-15T09:00:00+07:00").toInstant();

  @Test
  @DisplayName("webroot/test/fixtures/board-snapshot.generated.json is the snapshot BoardView makes of an exam morning")
  void fixtureIsTheRealSnapshot() throws IOException {
    assertWritten(FIXTURE, snapshot());
  }

  @Test
  @DisplayName("webroot/test/fixtures/board-snapshot.after-exam.generated.json is the snapshot BoardView makes the morning after the units' reports were due")
  void afterExamFixtureIsTheRealSnapshot() throws IOException {
    JsonObject snapshot = afterExamSnapshot();
    assertThat(snapshot.getJsonObject("clock").getString("phase")).isEqualTo("reporting");
    assertThat(snapshot.getJsonObject("unitReports").stream().map(e -> ((JsonObject) e.getValue()).getString("state")))
        .contains("submitted", "late", "missing");
    assertWritten(AFTER_EXAM_FIXTURE, snapshot);
  }

  private static void assertWritten(Path fixture, JsonObject snapshot) throws IOException {
    String made = snapshot.encodePrettily() + "\n";
    if (Boolean.getBoolean("fixtures.write")) Files.writeString(fixture, made, StandardCharsets.UTF_8);
    assertThat(Files.exists(fixture)).as(fixture + " exists (write it with -Dfixtures.write=true)").isTrue();
    JsonObject committed = new JsonObject(Files.readString(fixture, StandardCharsets.UTF_8));
    assertThat(committed.getMap()).as("the committed fixture " + fixture + " has drifted from BoardView; run "
        + "mvn test -Dtest=BoardSnapshotFixtureTest -Dfixtures.write=true and review the diff").isEqualTo(new JsonObject(made).getMap());
  }

  /** An exam morning: most districts reported, one late with an issue, one silent; the portal down; incidents in each state. */
  static JsonObject snapshot() {
    return new BoardView(PROVINCE).snapshot(morning(), NOW);
  }

  /**
   * The morning after the units' reports were due, on top of the exam morning (its incidents still open, its
   * alerts still up): every district but Tri Tôn checked in today; nine district units and two departments
   * reported in time, Châu Đốc this morning (late); Tri Tôn, Chợ Mới, the post office and VNPT have not.
   */
  static JsonObject afterExamSnapshot() {
    BoardState state = morning();
    var changes = new HashSet<Change>();
    int n = 0;
    for (var d : PROVINCE.districts()) {
      if (d.id().equals("tri-ton")) continue;
      OffsetDateTime t = OffsetDateTime.parse("2020-10-15T08:0" + (n++ % 10) + ":00+07:00");
      state.apply(new Event("ci-oct-" + d.id(), EventType.CHECKIN_SUBMITTED, t, t.toInstant(), "district:" + d.id(), d.id(),
          new JsonObject().put("status", "ok").put("phone", "ok").put("fax", "ok").put("internet", "ok").put("note", "")), changes);
    }
    for (String unit : List.of("long-xuyen", "tan-chau", "an-phu", "phu-tan", "chau-phu", "tinh-bien", "chau-thanh", "thoai-son",
        "so-gddt", "so-tttt", "chau-doc")) {
      boolean late = unit.equals("chau-doc");
      OffsetDateTime t = OffsetDateTime.parse(late ? "2020-10-15T08:30:00+07:00" : "2020-10-13T15:00:00+07:00");
      String district = unit.startsWith("so-") ? null : unit;
      state.apply(new Event("ur-" + unit, EventType.UNIT_REPORT_SUBMITTED, t, t.toInstant(),
          district == null ? "command:trucban" : "district:" + unit, district,
          new JsonObject().put("unit", unit).put("summary", "Đảm bảo thông tin liên lạc trong các ngày thi; không có sự cố kéo dài.")
              .put("by", "Nguyễn Văn A")), changes);
    }
    return new BoardView(PROVINCE).snapshot(state, AFTER_EXAM_NOW);
  }

  private static BoardState morning() {
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
    troubles(state, changes);
    return state;
  }

  /**
   * What the browser tests look for on top of the morning: publishing late in two districts; Tri Tôn with a critical incident nobody took,
   * its server room down (alert acknowledged) and an exam site's internet lost; a site of Châu Đốc (the
   * district that missed its check-in) without internet; the critical incident of Long Xuyên assigned, one
   * acknowledged, one reopened; an alert raised and cleared; the data center's latency; notifications sent, failed and
   * retrying; two records of the log sent to the dead-letter topic.
   */
  private static void troubles(BoardState state, HashSet<Change> changes) {
    // Publishing done in time everywhere but An Phú and Tri Tôn (and Long Xuyên's timetable, posted late).
    OffsetDateTime early = OffsetDateTime.parse("2020-08-03T16:00:00+07:00");
    for (String d : List.of("long-xuyen", "chau-doc", "tan-chau", "phu-tan", "chau-phu", "tinh-bien", "chau-thanh", "cho-moi", "thoai-son")) {
      for (var item : PROVINCE.publishing()) {
        if (!item.perDistrict() || item.due().isAfter(NOW) || (d.equals("long-xuyen") && item.key().equals("district-portal:timetable"))) continue;
        state.apply(new Event("pub-" + d + "-" + item.key(), EventType.PUBLISHING_UPDATED, early, early.toInstant(), "district:" + d, d,
            new JsonObject().put("channel", item.channel().wireName()).put("item", item.item()).put("state", "done")
                .put("evidence", "https://" + d + ".angiang.gov.vn/ky-thi-2020")), changes);
      }
    }
    state.apply(event("pr-3-dc", EventType.PROBE_RESULT, null, "07:30",
        new JsonObject().put("target", "province/data-center").put("status", "up").put("latencyMs", 12)), changes);
    state.apply(event("pr-4-tt", EventType.PROBE_RESULT, null, "07:41",
        new JsonObject().put("target", "tri-ton/server-room").put("status", "down").put("detail", "Không phản hồi TCP 443")), changes);
    state.apply(event("pr-5-co-to", EventType.PROBE_RESULT, null, "07:40",
        new JsonObject().put("target", "tri-ton/thpt-co-to/internet").put("status", "down")), changes);
    state.apply(event("pr-6-cd", EventType.PROBE_RESULT, null, "08:01",
        new JsonObject().put("target", "chau-doc/thpt-chau-doc/internet").put("status", "down")), changes);
    state.apply(incident("inc-4-r", EventType.INCIDENT_REPORTED, "tri-ton", "07:42", "inc-4",
        new JsonObject().put("title", "Mất kết nối internet điểm thi THPT Cô Tô").put("severity", "critical").put("category", "network")), changes);
    state.apply(incident("inc-5-r", EventType.INCIDENT_REPORTED, "cho-moi", "06:55", "inc-5",
        new JsonObject().put("title", "Máy fax hỏng").put("severity", "low").put("category", "other")), changes);
    state.apply(incident("inc-5-a", EventType.INCIDENT_ACKNOWLEDGED, "cho-moi", "07:05", "inc-5", new JsonObject()), changes);
    state.apply(incident("inc-1-g", EventType.INCIDENT_ASSIGNED, "long-xuyen", "07:46", "inc-1",
        new JsonObject().put("assignee", "Đội ứng cứu")), changes);
    state.apply(incident("inc-6-r", EventType.INCIDENT_REPORTED, "thoai-son", "06:40", "inc-6",
        new JsonObject().put("title", "Camera phòng thi mất hình").put("severity", "medium").put("category", "other")), changes);
    state.apply(incident("inc-6-a", EventType.INCIDENT_ACKNOWLEDGED, "thoai-son", "06:45", "inc-6", new JsonObject()), changes);
    state.apply(incident("inc-6-z", EventType.INCIDENT_RESOLVED, "thoai-son", "06:50", "inc-6", new JsonObject()), changes);
    state.apply(incident("inc-6-o", EventType.INCIDENT_REOPENED, "thoai-son", "07:15", "inc-6",
        new JsonObject().put("note", "Camera lại mất hình")), changes);
    state.apply(alert("al-2-r", EventType.ALERT_RAISED, "08:10", "al-2", "checkin-missed", "chau-doc", "critical",
        "TP. Châu Đốc chưa báo cáo: quá hạn 5 phút"), changes);
    state.apply(alert("al-3-r", EventType.ALERT_RAISED, "07:46", "al-3", "target-down", "tri-ton/server-room", "high",
        "Phòng máy chủ UBND Tri Tôn mất kết nối quá 5 phút"), changes);
    state.apply(event("al-3-a", EventType.ALERT_ACKNOWLEDGED, null, "07:50",
        new JsonObject().put("alertId", "al-3").put("by", "command-center")), changes);
    state.apply(alert("al-4-r", EventType.ALERT_RAISED, "07:52", "al-4", "incident-unacknowledged", "inc-4", "critical",
        "Sự cố nghiêm trọng chưa được tiếp nhận sau 10 phút: Mất kết nối internet điểm thi THPT Cô Tô"), changes);
    state.apply(alert("al-5-r", EventType.ALERT_RAISED, "07:20", "al-5", "target-down", "province/email", "high",
        "Thư điện tử tỉnh không truy cập được"), changes);
    state.apply(event("al-5-c", EventType.ALERT_CLEARED, null, "07:30", new JsonObject().put("alertId", "al-5")), changes);
    state.apply(notification("n-sent", EventType.NOTIFICATION_SENT, "08:09", "email", "trung-tam-du-lieu", "Trực vận hành Trung tâm dữ liệu tỉnh", 1,
        new JsonObject()), changes);
    state.apply(notification("n-retry", EventType.NOTIFICATION_FAILED, "08:05", "webhook", "doi-ung-cuu-su-co", "Đội ứng cứu sự cố", 2,
        new JsonObject().put("final", false).put("error", "connection refused").put("nextAttemptAt", "2020-08-09T08:06:00+07:00")), changes);
    state.apply(notification("n-failed", EventType.NOTIFICATION_FAILED, "08:11", "webhook", "tri-ton/van-hoa-thong-tin",
        "Phòng VH-TT Tri Tôn", 5, new JsonObject().put("final", true).put("error", "HTTP 500 from the webhook")), changes);
    state.deadLettered(2);
  }

  private static Event alert(String id, EventType type, String hhmm, String alertId, String rule, String subject, String severity,
      String message) {
    return event(id, type, null, hhmm, new JsonObject().put("alertId", alertId).put("rule", rule).put("subject", subject)
        .put("severity", severity).put("message", message).put("onset", "2020-08-09T" + hhmm + ":00+07:00"));
  }

  private static Event notification(String id, EventType type, String hhmm, String channel, String recipient, String name,
      int attempt, JsonObject outcome) {
    return event(id, type, null, hhmm, outcome.put("notificationId", "al-1:" + recipient + ":" + channel).put("alertId", "al-1")
        .put("rule", "target-down").put("subject", "province/portal").put("severity", "critical").put("channel", channel)
        .put("recipient", recipient).put("recipientName", name).put("reminder", 0).put("attempt", attempt)
        .put("alertRaisedAt", "2020-08-09T08:08:00+07:00").put("text", "[ExamOps] NGHIÊM TRỌNG: Cổng thông tin điện tử tỉnh mất kết nối"));
  }

  private static Event incident(String id, EventType type, String district, String hhmm, String incidentId, JsonObject data) {
    return event(id, type, district, hhmm, data.put("incidentId", incidentId));
  }

  private static Event event(String id, EventType type, String district, String hhmm, JsonObject data) {
    OffsetDateTime t = OffsetDateTime.parse("2020-08-09T" + hhmm + ":00+07:00");
    return new Event(id, type, t, t.toInstant(), district == null ? "agent:nms-1" : "district:" + district, district, data);
  }
}
