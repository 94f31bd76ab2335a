package examops.bench;

import examops.event.EventType;
import examops.province.District;
import examops.province.ExamSite;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.province.Target;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic mixed events (all four streams, ~200 bytes of JSON each) that name the province's real
 * districts, sites, targets and checklist items, shaped like the drill's. Every one is valid against
 * the schemas and applies to the board: probe results move forward in time, publishing moves are
 * ones the checklist allows, and incident events act on a bounded set of open incidents.
 */
final class BenchEvents {

  /** One record for a topic: its key and JSON value. */
  record Rec(String topic, String key, byte[] value, String path) {}

  private static final int INCIDENTS = 200;
  private static final String[] NOTES = {"Mạng chậm gần điểm thi do đông thí sinh", "Bình thường", "Đã kiểm tra đường truyền",
      "Điện thoại bàn hoạt động tốt"};

  private final Province province;
  private final String runId;
  private final Random random;
  private final List<Target> targets;
  private final List<District> districts;
  private final List<ExamSite> sites;
  private final List<PublishingItem> items;
  private final Instant start = Instant.parse("2020-08-09T00:00:00Z");
  private long seq;
  private int incidentsReported;

  BenchEvents(Province province, String runId, long seed) {
    this.province = province;
    this.runId = runId;
    this.random = new Random(seed);
    this.targets = province.targets();
    this.districts = province.districts();
    this.sites = province.sites();
    this.items = province.publishing();
  }

  /** The next event of the mix: 55% probe results, 25% check-ins, 12% publishing, 8% incidents. */
  Rec next() {
    seq++;
    int r = random.nextInt(100);
    if (r < 55) return probe();
    if (r < 80) return checkin();
    if (r < 92) return publishing();
    return incident();
  }

  /** What the ingest benchmark posts: 70% probe results, 30% check-ins. */
  Rec nextIngest() {
    seq++;
    return random.nextInt(10) < 7 ? probe() : checkin();
  }

  /** A probe result for a random target. */
  Rec probe() {
    Target t = targets.get(random.nextInt(targets.size()));
    JsonObject data = new JsonObject().put("target", t.id()).put("status", random.nextInt(50) == 0 ? "degraded" : "up")
        .put("latencyMs", 20 + random.nextInt(400)).put("detail", "HTTP 200");
    return rec(EventType.PROBE_RESULT, t.id(), null, "agent:nms-vnpt", data, "/api/v1/monitoring");
  }

  /** A district's check-in, sometimes a site's (which also reports its phone, fax and internet). */
  Rec checkin() {
    District d = districts.get(random.nextInt(districts.size()));
    JsonObject data = new JsonObject().put("status", random.nextInt(20) == 0 ? "issue" : "ok").put("phone", "ok")
        .put("fax", "ok").put("internet", random.nextInt(12) == 0 ? "slow" : "ok").put("note", NOTES[random.nextInt(NOTES.length)]);
    String key = d.id();
    if (!d.sites().isEmpty() && random.nextInt(3) == 0) {
      ExamSite s = d.sites().get(random.nextInt(d.sites().size()));
      data.put("site", s.id());
      key = d.id() + "/" + s.id();
    }
    return rec(EventType.CHECKIN_SUBMITTED, key, d.id(), "district:" + d.id(), data, "/api/v1/checkins");
  }

  private Rec publishing() {
    PublishingItem item = items.get(random.nextInt(items.size()));
    String district = item.perDistrict() ? districts.get(random.nextInt(districts.size())).id() : null;
    boolean done = random.nextBoolean();
    String who = district == null ? "command:so-tttt" : "district:" + district;
    JsonObject data = new JsonObject().put("channel", item.channel().wireName()).put("item", item.item())
        .put("state", done ? "done" : "in-progress").put("by", who);
    if (done) data.put("evidence", "Đã đăng bài");
    String key = (district == null ? "province" : district) + ":" + item.key();
    return rec(EventType.PUBLISHING_UPDATED, key, district, who, data, "/api/v1/publishing");
  }

  private Rec incident() {
    if (incidentsReported < INCIDENTS) {
      String id = "INC-" + runId + "-" + incidentsReported++;
      District d = districts.get(random.nextInt(districts.size()));
      JsonObject data = new JsonObject().put("incidentId", id).put("title", "Mất kết nối tại điểm thi")
          .put("severity", "medium").put("category", "network").put("by", "district:" + d.id());
      return rec(EventType.INCIDENT_REPORTED, id, d.id(), "district:" + d.id(), data, "/api/v1/incidents");
    }
    String id = "INC-" + runId + "-" + random.nextInt(INCIDENTS);
    JsonObject data = new JsonObject().put("incidentId", id).put("by", "Trực ban Sở TT&TT").put("note", "Đang xử lý, nhà mạng đã đến");
    return rec(EventType.INCIDENT_UPDATED, id, null, "command:truc-ban", data, "/api/v1/incidents/" + id + "/update");
  }

  private Rec rec(EventType type, String key, String district, String source, JsonObject data, String path) {
    // One second of exam clock per 100 events: probe results for a target always move forward.
    Instant at = start.plusMillis(seq * 10);
    JsonObject json = new JsonObject().put("id", "bench-" + runId + "-" + seq).put("type", type.wireName())
        .put("at", OffsetDateTime.ofInstant(at, province.zone()).toString()).put("source", source);
    if (district != null) json.put("district", district);
    json.put("data", data);
    return new Rec(type.stream().topic(), key, json.encode().getBytes(StandardCharsets.UTF_8), path);
  }

  List<Rec> take(int n) {
    List<Rec> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(next());
    return out;
  }

  Province province() {
    return province;
  }
}
