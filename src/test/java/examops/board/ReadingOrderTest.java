package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventValidator;
import examops.event.Validation;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.GeneratedLog;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One log, one state: whatever order a reader interleaves the log's partitions in, and whether it
 * starts from nothing or from a saved checkpoint, the state it reaches is the same. Checked on
 * seeded generated logs over every stream, many times.
 */
@Tier.Unit
class ReadingOrderTest {

  static final Province PROVINCE = ProvinceLoader.loadDefault();
  static final BoardView VIEW = new BoardView(PROVINCE);
  static final Instant NOW = Instant.parse("2020-08-10T12:00:00Z");
  /** 08:00 on the first exam morning, in the Literature paper: the sites' duties are running. */
  static final Instant IN_SESSION = Instant.parse("2020-08-09T01:00:00Z");
  static final int SEEDS = 25;
  static final int EVENTS = 3_000;

  static BoardState fold(List<Event> events) {
    BoardState s = new BoardState(PROVINCE);
    Set<Change> changes = new HashSet<>();
    for (Event e : events) {
      s.apply(e, changes);
      changes.clear();
    }
    return s;
  }

  @Test
  @DisplayName("the generated logs are valid events: they pass the same checks as records read from Kafka")
  void generatedEventsAreValid() {
    EventValidator validator = new EventValidator();
    ReferenceCheck references = new ReferenceCheck(PROVINCE);
    for (Event e : GeneratedLog.of(PROVINCE, 7, EVENTS)) {
      Validation v = validator.validate(EventCodec.encode(e).getBytes(), e.receivedAt());
      assertThat(v).as("%s", EventCodec.toJson(e)).isInstanceOf(Validation.Valid.class);
      assertThat(references.problem(((Validation.Valid) v).event())).as("%s", EventCodec.toJson(e)).isEmpty();
    }
  }

  @Test
  @DisplayName("any interleaving of the partitions gives the same state and the same board (25 logs × 2 orders)")
  void interleavingsAgree() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<Event> written = GeneratedLog.of(PROVINCE, seed, EVENTS);
      BoardState inOrder = fold(written);
      for (long order = 1; order <= 2; order++) {
        BoardState other = fold(GeneratedLog.interleaved(written, seed * 100 + order));
        assertThat(other.save()).as("state, log %d, order %d", seed, order).isEqualTo(inOrder.save());
        assertThat(VIEW.snapshot(other, NOW)).as("board, log %d, order %d", seed, order).isEqualTo(VIEW.snapshot(inOrder, NOW));
        assertThat(VIEW.snapshot(other, IN_SESSION)).as("board in session (site duties), log %d, order %d", seed, order)
            .isEqualTo(VIEW.snapshot(inOrder, IN_SESSION));
      }
    }
  }

  @Test
  @DisplayName("a checkpoint restored and followed by the rest of the log equals reading the whole log")
  void checkpointPlusTail() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<Event> written = GeneratedLog.of(PROVINCE, seed, EVENTS);
      int cut = (int) (seed * 97 % EVENTS);
      BoardState head = fold(written.subList(0, cut));
      JsonObject saved = new JsonObject(head.save().encode()); // through bytes, as a checkpoint travels
      BoardState restored = BoardState.restore(PROVINCE, saved);
      assertThat(restored.save()).as("restored, log %d", seed).isEqualTo(head.save());
      Set<Change> changes = new HashSet<>();
      for (Event e : written.subList(cut, written.size())) restored.apply(e, changes);
      BoardState whole = fold(written);
      assertThat(restored.save()).as("state, log %d", seed).isEqualTo(whole.save());
      assertThat(VIEW.snapshot(restored, NOW)).as("board, log %d", seed).isEqualTo(VIEW.snapshot(whole, NOW));
      JsonObject inSession = VIEW.snapshot(whole, IN_SESSION);
      assertThat(VIEW.snapshot(restored, IN_SESSION)).as("board in session (site duties), log %d", seed).isEqualTo(inSession);
      assertThat(inSession.getJsonObject("districts").stream().flatMap(e -> ((JsonObject) e.getValue()).getJsonArray("siteDuties").stream())
          .anyMatch(x -> ((JsonObject) x).getJsonObject("lastCheckin") != null)).as("the log has sites' own check-ins").isTrue();
    }
  }

  @Test
  @DisplayName("a checkpoint of another format is refused, not trusted")
  void otherFormatRefused() {
    JsonObject saved = fold(GeneratedLog.of(PROVINCE, 3, 200)).save().put("format", BoardState.FORMAT + 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoardState.restore(PROVINCE, saved))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
    JsonObject broken = fold(GeneratedLog.of(PROVINCE, 3, 200)).save();
    broken.getJsonObject("targets").put("probe", "not an object");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoardState.restore(PROVINCE, broken))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
