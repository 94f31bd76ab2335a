package examops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import examops.board.BoardState;
import examops.board.Change;
import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What on the board is worth telling people. Pure. */
@Tier.Unit
class NoticesTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private static final Instant NOW = Instant.parse("2020-08-09T00:40:00Z");
  private final BoardState state = new BoardState(PROVINCE);
  private final Notices notices = new Notices(PROVINCE);
  private int seq;

  private void apply(EventType type, String district, JsonObject data) {
    boolean applied = state.apply(new Event("e" + (++seq), type, OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(7)), NOW, "test",
        district, data), new HashSet<Change>());
    assertThat(applied).as(type + " " + data).isTrue();
  }

  private void raise(String rule, String subject, String district, String severity) {
    apply(EventType.ALERT_RAISED, district, new JsonObject().put("alertId", rule + ":" + subject + ":1").put("rule", rule)
        .put("subject", subject).put("severity", severity).put("message", "m").put("messageEn", "m en"));
  }

  @Test
  @DisplayName("an active alert is a notice with its district and the incident class of its target: a site's line is network, a portal an outage")
  void alerts() {
    raise("target-down", "an-phu/thpt-an-phu/line", "an-phu", "high");
    raise("target-down", "province/portal", null, "critical");
    assertThat(notices.from(state, NOW)).extracting(Notice::subject, Notice::district, Notice::category, Notice::remindable)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("an-phu/thpt-an-phu/line", "an-phu", IncidentCategory.NETWORK, false),
            org.assertj.core.groups.Tuple.tuple("province/portal", null, IncidentCategory.OUTAGE, true));
  }

  @Test
  @DisplayName("nothing is told of an acknowledged alert, nor of a target inside a maintenance window")
  void quietOnes() {
    raise("checkin-missed", "an-phu", "an-phu", "high");
    apply(EventType.ALERT_ACKNOWLEDGED, null, new JsonObject().put("alertId", "checkin-missed:an-phu:1").put("by", "duty"));
    raise("target-down", "province/portal", null, "critical");
    apply(EventType.MAINTENANCE_DECLARED, null, new JsonObject().put("windowId", "w1")
        .put("targets", new JsonArray().add("province/portal")).put("from", "2020-08-09T07:00:00+07:00")
        .put("to", "2020-08-09T09:00:00+07:00").put("reason", "thay thiết bị"));
    assertThat(notices.from(state, NOW)).isEmpty();
  }

  @Test
  @DisplayName("a critical incident is told as it is reported, with its class; a lesser one is not")
  void criticalIncidents() {
    apply(EventType.INCIDENT_REPORTED, "cho-moi", new JsonObject().put("incidentId", "INC-1").put("title", "Dò quét máy chủ")
        .put("severity", "critical").put("category", "exam-data"));
    apply(EventType.INCIDENT_REPORTED, "cho-moi", new JsonObject().put("incidentId", "INC-2").put("title", "Mạng chậm")
        .put("severity", "medium").put("category", "network"));
    assertThat(notices.from(state, NOW)).singleElement().satisfies(n -> {
      assertThat(n.id()).isEqualTo("incident-critical:INC-1:" + NOW.getEpochSecond());
      assertThat(n.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(n.category()).isEqualTo(IncidentCategory.EXAM_DATA);
      assertThat(n.message()).isEqualTo("Sự cố nghiêm trọng: Dò quét máy chủ");
    });
  }
}
