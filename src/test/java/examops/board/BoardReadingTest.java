package examops.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class BoardReadingTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();

  private static Event event(String id, EventType type, String district, JsonObject data) {
    OffsetDateTime at = OffsetDateTime.parse("2020-08-09T07:05:00+07:00");
    return new Event(id, type, at, at.toInstant(), "test", district, data);
  }

  @Test
  @DisplayName("a planner's reading of the board is not the state, and the collections it hands out cannot be changed")
  void readOnly() {
    BoardState state = new BoardState(PROVINCE);
    LinkedHashSet<Change> changes = new LinkedHashSet<>();
    state.apply(event("a1", EventType.ALERT_RAISED, null, new JsonObject().put("alertId", "x").put("rule", "target-down")
        .put("subject", "portal").put("severity", "high").put("message", "m")), changes);
    String incident = "inc-1";
    state.apply(event("i1", EventType.INCIDENT_REPORTED, null, new JsonObject().put("incidentId", incident).put("title", "t")
        .put("severity", "low").put("category", "other")), changes);

    BoardReading reading = state.reading();
    assertThat(reading).isNotInstanceOf(BoardState.class);
    assertThat(reading.alerts().active()).hasSize(1);
    assertThatThrownBy(() -> reading.alerts().active().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> reading.incidents().all().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(state.alerts().active()).hasSize(1);
    assertThat(state.incidents().get(incident)).isPresent();
    assertThat(reading.incidents().get(incident)).isPresent();
  }
}
