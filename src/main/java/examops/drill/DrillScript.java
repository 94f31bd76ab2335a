package examops.drill;

import examops.checkin.CheckinSchedule;
import examops.checkin.CheckinState;
import examops.checkin.CheckinStatus;
import examops.checkin.SiteDuties;
import examops.clock.ExamClock;
import examops.province.District;
import examops.province.ExamSite;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.province.Target;
import examops.province.TargetKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The drill's exam window, written out in advance as the requests units, agents and the command
 * center would make: check-ins on each district's cadence, probe results from a monitoring agent,
 * the publishing checklist worked through, and the scripted trouble — a portal slowdown as the first
 * session starts, an exam site's internet going down, a district that misses its check-ins, a
 * security incident reported, acknowledged and resolved, a radio item left late, and a critical
 * exam-data alert nobody picks up in time. Deterministic for a seed; event ids are fixed, so a step
 * sent twice is applied once. Pure: no I/O.
 */
public final class DrillScript {

  /** The district that goes quiet on the first exam morning. */
  static final String SILENT_DISTRICT = "tri-ton";
  static final String SILENT_FROM = "2020-08-09T07:00:00";
  static final String SILENT_TO = "2020-08-09T09:40:00";
  /** The exam site that goes quiet during the first afternoon paper (its phone line is busy). */
  static final String SILENT_SITE = "an-phu/thpt-an-phu";
  static final String SILENT_SITE_FROM = "2020-08-09T13:40:00";
  static final String SILENT_SITE_TO = "2020-08-09T14:25:00";
  /** The publishing item one district never gets done. */
  static final String LEFT_LATE = "tri-ton:radio:exam-site-addresses";
  /** The one done after its due time. */
  static final String DONE_LATE = "an-phu:social:timetable";
  static final Set<TargetKind> KEY_KINDS = Set.of(TargetKind.DATACENTER, TargetKind.EMAIL, TargetKind.PORTAL,
      TargetKind.COMPONENT_PORTAL, TargetKind.SERVER_ROOM);

  private final Province province;
  private final Instant start;
  private final Instant end;
  private final Random random;
  private final List<DrillStep> steps = new ArrayList<>();

  private DrillScript(Province province, Instant start, Instant end, long seed) {
    this.province = province;
    this.start = start;
    this.end = end;
    this.random = new Random(seed);
  }

  /** The drill from {@code start} to {@code end} of the exam clock, in time order. */
  public static List<DrillStep> write(Province province, Instant start, Instant end, long seed) {
    DrillScript s = new DrillScript(province, start, end, seed);
    s.preparation();
    s.checkins();
    s.siteCheckins();
    s.monitoring();
    s.incidents();
    s.examDayPublishing();
    s.steps.removeIf(step -> step.at().isAfter(end));
    s.steps.sort(Comparator.comparing(DrillStep::at));
    return List.copyOf(s.steps);
  }

  private Instant vn(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private String time(Instant t) {
    return OffsetDateTime.ofInstant(t, province.zone()).toString();
  }

  private void add(Instant at, String path, String id, String district, String source, JsonObject data) {
    add(at, at, path, id, district, source, data);
  }

  /** A request sent at {@code sendAt} about something that happened at {@code at} (a report made late). */
  private void add(Instant sendAt, Instant at, String path, String id, String district, String source, JsonObject data) {
    JsonObject body = new JsonObject().put("id", id).put("at", time(at)).put("source", source).put("data", data);
    if (district != null) body.put("district", district);
    steps.add(new DrillStep(sendAt, path, body));
  }

  private Duration minutes(int from, int to) {
    return Duration.ofMinutes(from + random.nextInt(Math.max(1, to - from)));
  }

  /** The checklist before the drill starts, reported as it happened (sent at the start). */
  private void preparation() {
    int n = 0;
    for (PublishingItem item : province.publishing()) {
      if (!item.due().isBefore(start)) continue;
      List<String> groups = item.perDistrict() ? province.districts().stream().map(District::id).toList() : List.of("province");
      for (String group : groups) {
        String key = group + ":" + item.key();
        if (key.equals(LEFT_LATE)) continue;
        Instant doneAt = key.equals(DONE_LATE) ? item.due().plus(Duration.ofHours(20))
            : item.due().minus(Duration.ofHours(6 + random.nextInt(60)));
        String district = group.equals("province") ? null : group;
        String who = district == null ? "command:so-tttt" : "district:" + district;
        add(start, doneAt, "/api/v1/publishing", "drill-pub-" + key.replace(':', '.') + "-done", district, who,
            publishing(item, "done", evidence(item, doneAt)).put("by", who));
        // The duty room verifies the evidence over the first hours of the drill.
        add(start.plus(Duration.ofMinutes(5 + (n++ % 120))), "/api/v1/publishing", "drill-pub-" + key.replace(':', '.') + "-verified",
            district, "command:truc-ban", publishing(item, "verified", null).put("by", "Trực ban Sở TT&TT"));
      }
    }
  }

  private JsonObject publishing(PublishingItem item, String state, String evidence) {
    JsonObject d = new JsonObject().put("channel", item.channel().wireName()).put("item", item.item()).put("state", state);
    if (evidence != null) d.put("evidence", evidence);
    return d;
  }

  private String evidence(PublishingItem item, Instant at) {
    return switch (item.channel()) {
      case RADIO, COMMUNE_RADIO -> "Phát sóng lúc " + OffsetDateTime.ofInstant(at, province.zone()).toLocalTime().withSecond(0).withNano(0)
          + ", 3 lần/ngày";
      default -> "Đã đăng: bài \u201c" + item.name().vi() + "\u201d";
    };
  }

  /** Every district checks in a few minutes before it is due, but one goes silent for a morning. */
  private void checkins() {
    CheckinSchedule schedule = CheckinSchedule.forDistricts(province.checkins(), ExamClock.of(province));
    Instant silentFrom = vn(SILENT_FROM);
    Instant silentTo = vn(SILENT_TO);
    for (District d : province.districts()) {
      Instant last = null;
      int margin = 2 + random.nextInt(6);
      for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
        CheckinStatus s = schedule.evaluate(last, t);
        if (s.state() == CheckinState.NOT_EXPECTED) continue;
        boolean dueSoon = s.state() != CheckinState.ON_TIME || !t.plus(Duration.ofMinutes(margin)).isBefore(s.due());
        if (!dueSoon) continue;
        if (d.id().equals(SILENT_DISTRICT) && !t.isBefore(silentFrom) && t.isBefore(silentTo)) continue;
        add(t, "/api/v1/checkins", "drill-checkin-" + d.id() + "-" + t.getEpochSecond(), d.id(), "district:" + d.id(), checkin(d, t));
        last = t;
        margin = 2 + random.nextInt(6);
      }
    }
  }

  /**
   * Every site with a check-in duty checks in a few minutes before it is due (exam sites during the
   * sessions, grading sites while grading runs), from the district's line; one exam site goes quiet
   * for most of the first afternoon paper.
   */
  private void siteCheckins() {
    SiteDuties duties = SiteDuties.of(province);
    Instant silentFrom = vn(SILENT_SITE_FROM);
    Instant silentTo = vn(SILENT_SITE_TO);
    for (ExamSite site : duties.sites()) {
      CheckinSchedule schedule = duties.schedule(site.id()).orElseThrow();
      Instant last = null;
      int margin = 2 + random.nextInt(6);
      for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
        CheckinStatus s = schedule.evaluate(last, t);
        if (s.state() == CheckinState.NOT_EXPECTED) continue;
        if (s.state() == CheckinState.ON_TIME && t.plus(Duration.ofMinutes(margin)).isBefore(s.due())) continue;
        if (site.id().equals(SILENT_SITE) && !t.isBefore(silentFrom) && t.isBefore(silentTo)) continue;
        add(t, "/api/v1/checkins", "drill-site-checkin-" + site.id().replace('/', '.') + "-" + t.getEpochSecond(), site.district(),
            "site:" + site.id(), siteCheckin(site, t));
        last = t;
        margin = 2 + random.nextInt(6);
      }
    }
  }

  private JsonObject siteCheckin(ExamSite site, Instant t) {
    boolean internetDown = site.id().equals("cho-moi/thpt-long-kien")
        && !t.isBefore(vn("2020-08-09T14:03:00")) && t.isBefore(vn("2020-08-09T14:48:00"));
    JsonObject data = new JsonObject().put("site", site.id()).put("status", internetDown ? "issue" : "ok")
        .put("phone", "ok").put("fax", "ok").put("internet", internetDown ? "down" : "ok");
    if (internetDown) data.put("note", "Mất internet, báo cáo qua điện thoại");
    if (site.id().equals(SILENT_SITE) && !t.isBefore(vn(SILENT_SITE_TO)) && t.isBefore(vn(SILENT_SITE_TO).plus(Duration.ofHours(1)))) {
      data.put("note", "Đường dây bận, đã liên lạc lại");
    }
    return data;
  }

  private JsonObject checkin(District d, Instant t) {
    boolean siteDown = d.id().equals("cho-moi") && !t.isBefore(vn("2020-08-09T14:03:00")) && t.isBefore(vn("2020-08-09T14:48:00"));
    boolean slow = random.nextInt(12) == 0;
    JsonObject data = new JsonObject().put("status", siteDown ? "issue" : "ok").put("phone", "ok").put("fax", "ok")
        .put("internet", siteDown ? "down" : slow ? "slow" : "ok");
    if (siteDown) data.put("note", "Điểm thi THPT Long Kiến mất internet, đang phối hợp nhà mạng");
    else if (slow) data.put("note", "Mạng chậm gần điểm thi do đông thí sinh");
    else if (d.id().equals(SILENT_DISTRICT) && !t.isBefore(vn(SILENT_TO))) data.put("note", "Mất liên lạc tạm thời, đã khôi phục");
    return data;
  }

  /** A monitoring agent's results: key services every 10 minutes, site links every 2 hours, and the trouble. */
  private void monitoring() {
    Instant slowFrom = vn("2020-08-09T07:25:00");
    Instant slowTo = vn("2020-08-09T07:52:00");
    int round = 0;
    for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(10)), round++) {
      for (Target target : province.targets()) {
        if (!KEY_KINDS.contains(target.kind())) continue;
        if (target.district() != null && round % 3 != 0) continue; // district services every 30 min
        long latency = 60 + random.nextInt(340);
        if (target.id().equals("province/portal") && !t.isBefore(slowFrom) && t.isBefore(slowTo)) latency = 3600 + random.nextInt(2500);
        probe(t, target.id(), "up", latency, null);
      }
    }
    for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofHours(2))) {
      for (Target target : province.targets()) {
        if (target.kind().isSiteLink()) probe(t.plus(Duration.ofMinutes(1)), target.id(), "up", 20L + random.nextInt(60), null);
      }
    }
    for (Instant t = slowFrom.plusSeconds(30); t.isBefore(slowTo); t = t.plus(Duration.ofMinutes(3))) {
      probe(t, "province/portal", "up", 3800L + random.nextInt(2500), "Tải cao khi thí sinh tra cứu lịch thi");
    }
    String internet = "cho-moi/thpt-long-kien/internet";
    if (province.target(internet).isPresent()) {
      for (Instant t = vn("2020-08-09T14:03:00"); t.isBefore(vn("2020-08-09T14:48:00")); t = t.plus(Duration.ofMinutes(3))) {
        probe(t, internet, "down", null, "Mất tín hiệu đường truyền cáp quang");
      }
      probe(vn("2020-08-09T14:48:00"), internet, "up", 35L, "Đã khôi phục");
    }
  }

  private void probe(Instant at, String target, String status, Long latency, String detail) {
    JsonObject data = new JsonObject().put("target", target).put("status", status);
    if (latency != null) data.put("latencyMs", latency);
    if (detail != null) data.put("detail", detail);
    add(at, "/api/v1/monitoring", "drill-probe-" + target.replace('/', '.') + "-" + at.getEpochSecond(), null, "agent:nms-vnpt", data);
  }

  private void incidents() {
    incident("DRILL-001", "long-xuyen", "2020-08-09T08:10:00", "critical", "security",
        "Phát hiện dò quét cổng thông tin điện tử tỉnh", "Hệ thống giám sát ghi nhận truy cập bất thường từ nhiều địa chỉ IP",
        List.of("province/portal"),
        Map.of("2020-08-09T08:14:00", "acknowledge", "2020-08-09T08:15:00", "assign", "2020-08-09T08:40:00", "update",
            "2020-08-09T09:05:00", "resolve"));
    incident("DRILL-002", "cho-moi", "2020-08-09T14:06:00", "high", "network",
        "Mất internet tại điểm thi THPT Long Kiến", "Đường truyền cáp quang bị đứt, đã báo nhà mạng",
        List.of("cho-moi/thpt-long-kien/internet"),
        Map.of("2020-08-09T14:10:00", "acknowledge", "2020-08-09T14:12:00", "assign", "2020-08-09T14:52:00", "resolve"));
    incident("DRILL-003", null, "2020-08-10T07:20:00", "critical", "exam-data",
        "Truy cập bất thường vào máy chủ dữ liệu thi", "Cảnh báo từ hệ thống phát hiện xâm nhập; chỉ Trực ban và Lãnh đạo được xem",
        List.of("province/data-center"),
        Map.of("2020-08-10T07:33:00", "acknowledge", "2020-08-10T07:35:00", "assign", "2020-08-10T08:30:00", "resolve"));
    incident("DRILL-004", "tan-chau", "2020-08-10T13:50:00", "medium", "outage",
        "Mất điện cục bộ phòng máy chủ UBND thị xã", "Đã chuyển sang nguồn dự phòng (UPS)", List.of("tan-chau/server-room"),
        Map.of("2020-08-10T13:55:00", "acknowledge", "2020-08-10T14:40:00", "resolve"));
  }

  private void incident(String id, String district, String at, String severity, String category, String title,
      String description, List<String> targets, Map<String, String> actions) {
    Instant reported = vn(at);
    String reporter = district == null ? "command:truc-ban" : "district:" + district;
    add(reported, "/api/v1/incidents", "drill-" + id + "-report", district, reporter, new JsonObject().put("incidentId", id)
        .put("title", title).put("severity", severity).put("category", category).put("description", description)
        .put("targets", new JsonArray(targets)).put("by", reporter));
    Map<String, String> sorted = new java.util.TreeMap<>(actions);
    sorted.forEach((when, action) -> {
      JsonObject data = new JsonObject().put("by", "Trực ban Sở TT&TT");
      if (action.equals("assign")) data.put("assignee", "Đội ứng cứu sự cố ATTT tỉnh");
      if (action.equals("update")) data.put("note", "Đã chặn các địa chỉ IP nguồn; tiếp tục theo dõi");
      if (action.equals("resolve")) data.put("note", "Đã xử lý xong, hệ thống hoạt động bình thường");
      add(vn(when), "/api/v1/incidents/" + id + "/" + action, "drill-" + id + "-" + action, district, "command:truc-ban", data);
    });
  }

  /** Live coverage on the exam days and the exam-day updates, by most districts. */
  private void examDayPublishing() {
    Map<String, String> when = new HashMap<>();
    when.put("live-coverage-day-1", "2020-08-09T11:00:00");
    when.put("live-coverage-day-2", "2020-08-10T11:00:00");
    when.put("exam-day-updates", "2020-08-10T16:30:00");
    for (PublishingItem item : province.publishing()) {
      String base = when.get(item.item());
      if (base == null) continue;
      List<String> groups = item.perDistrict() ? province.districts().stream().map(District::id).toList() : List.of("province");
      for (String group : groups) {
        Instant done = vn(base).plus(minutes(0, 300));
        String district = group.equals("province") ? null : group;
        String who = district == null ? "command:so-tttt" : "district:" + district;
        String key = (group + "." + item.key()).replace(':', '.');
        add(done, "/api/v1/publishing", "drill-pub-" + key + "-done", district, who, publishing(item, "done", evidence(item, done)).put("by", who));
        add(done.plus(minutes(10, 60)), "/api/v1/publishing", "drill-pub-" + key + "-verified", district, "command:truc-ban",
            publishing(item, "verified", null).put("by", "Trực ban Sở TT&TT"));
      }
    }
  }
}
