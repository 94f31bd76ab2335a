package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Batching and the audience split of the board's deltas, without Vert.x or Kafka. Pure. */
@Tier.Unit
class DeltaBatcherTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private static final Instant NOW = OffsetDateTime.parse("2020-08-09T07:30:00+07:00").toInstant();

  private final BoardState state = new BoardState(PROVINCE);
  private final DeltaBatcher batcher = new DeltaBatcher(new BoardView(PROVINCE));
  private int seq;

  private void apply(EventType type, String district, String at, JsonObject data) {
    OffsetDateTime t = OffsetDateTime.parse(at);
    state.apply(new Event("e" + (++seq), type, t, t.toInstant(), "test", district, data), batcher.pending());
  }

  private void checkin(String district, String at, String status) {
    apply(EventType.CHECKIN_SUBMITTED, district, at, new JsonObject().put("status", status));
  }

  private void incident(String id, String category) {
    apply(EventType.INCIDENT_REPORTED, "an-phu", "2020-08-09T07:20:00+07:00", new JsonObject().put("incidentId", id)
        .put("title", "t").put("severity", "high").put("category", category));
  }

  private static List<JsonObject> changes(JsonObject delta, String section) {
    JsonArray all = delta.getJsonArray("changes");
    return all.stream().map(JsonObject.class::cast).filter(c -> section.equals(c.getString("section"))).toList();
  }

  @Test
  @DisplayName("a tick with nothing changed sends nothing")
  void quietTick() {
    assertThat(batcher.next(state, NOW)).isNull();
  }

  @Test
  @DisplayName("three check-ins from one district between ticks go out as one change, as it stands, and not again")
  void coalescesByKey() {
    checkin("an-phu", "2020-08-09T07:00:00+07:00", "ok");
    checkin("an-phu", "2020-08-09T07:10:00+07:00", "issue");
    checkin("an-phu", "2020-08-09T07:20:00+07:00", "critical");
    Board.Delta d = batcher.next(state, NOW);

    List<JsonObject> districts = changes(d.full(), "districts");
    assertThat(districts).extracting(c -> c.getString("id")).containsExactly("an-phu");
    assertThat(districts.get(0).getJsonObject("value").encode()).contains("critical");
    assertThat(d.full().getLong("from")).isZero();
    assertThat(d.full().getLong("version")).isEqualTo(state.version());
    assertThat(batcher.sentVersion()).isEqualTo(state.version());
    assertThat(batcher.next(state, NOW)).as("sent once").isNull();

    long before = state.version();
    checkin("chau-doc", "2020-08-09T07:25:00+07:00", "ok");
    assertThat(batcher.next(state, NOW).full().getLong("from")).as("the next delta starts where the last ended").isEqualTo(before);
  }

  @Test
  @DisplayName("with nothing need-to-know in a tick both audiences get the very same delta object")
  void sameObjectWhenNothingHidden() {
    incident("N1", "network");
    Board.Delta d = batcher.next(state, NOW);
    assertThat(d.restricted()).isSameAs(d.full());
    assertThat(changes(d.full(), "incidents")).extracting(c -> c.getString("id")).containsExactly("N1");
  }

  @Test
  @DisplayName("an exam-data incident is in the full delta and left out of the restricted one, with everything else kept")
  void restrictedLeavesOutNeedToKnow() {
    incident("N1", "network");
    incident("X1", "exam-data");
    incident("N2", "outage");
    Board.Delta d = batcher.next(state, NOW);
    assertThat(changes(d.full(), "incidents")).extracting(c -> c.getString("id")).containsExactly("N1", "X1", "N2");
    assertThat(changes(d.restricted(), "incidents")).extracting(c -> c.getString("id")).containsExactly("N1", "N2");
    assertThat(d.restricted().getLong("version")).isEqualTo(d.full().getLong("version"));
    assertThat(d.full().getJsonArray("changes").size() - d.restricted().getJsonArray("changes").size()).isEqualTo(1);
  }

  @Test
  @DisplayName("what time alone changes (the exam phase) is noticed on the time-check tick, not before")
  void timeDependentChanges() {
    for (int i = 1; i < DeltaBatcher.TIME_CHECK_EVERY_TICKS; i++) assertThat(batcher.next(state, NOW)).isNull();
    assertThat(batcher.next(state, NOW)).as("the first time check only learns how things stand").isNull();
    Instant later = OffsetDateTime.parse("2020-08-09T16:00:00+07:00").toInstant();
    for (int i = 1; i < DeltaBatcher.TIME_CHECK_EVERY_TICKS; i++) assertThat(batcher.next(state, later)).isNull();
    Board.Delta d = batcher.next(state, later);
    assertThat(d).isNotNull();
    assertThat(changes(d.full(), "clock")).hasSize(1);
    assertThat(d.full().getString("now")).isEqualTo(later.toString());
  }
}
