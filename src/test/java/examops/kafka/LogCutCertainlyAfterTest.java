package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A time-travel read skips decoding a record only when every decoding would put it past the cut. */
@Tier.Unit
class LogCutCertainlyAfterTest {

  private static final Instant CUT = Instant.parse("2026-12-02T10:00:00Z");

  private static ConsumerRecord<String, byte[]> record(Instant timestamp, String json) {
    return new ConsumerRecord<>("examops.monitoring", 0, 0, timestamp.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1, "k",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
  }

  @Test
  @DisplayName("no receivedAt in the envelope: the record's timestamp decides")
  void timestampDecides() {
    String e = "{\"id\":\"a\",\"type\":\"probe.result\",\"data\":{\"receivedAt\":\"2000-01-01T00:00:00Z\",\"x\":[1,{\"y\":2}]}}";
    assertThat(LogCut.certainlyAfter(record(CUT.plusMillis(1), e), CUT)).isTrue();
    assertThat(LogCut.certainlyAfter(record(CUT, e), CUT)).isFalse();
  }

  @Test
  @DisplayName("an envelope's receivedAt (the exam clock's, written by ingest) must be past the cut too")
  void envelopeDecides() {
    String before = "{\"id\":\"a\",\"receivedAt\":\"2020-08-09T08:00:00+07:00\",\"data\":{}}";
    String after = "{\"id\":\"a\",\"receivedAt\":\"2026-12-02T17:00:01+07:00\",\"data\":{}}";
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), before), CUT)).isFalse();
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), after), CUT)).isTrue();
    assertThat(LogCut.certainlyAfter(record(CUT.minusSeconds(60), after), CUT)).isFalse();
  }

  @Test
  @DisplayName("anything it cannot read is left to the decoder")
  void unreadableIsDecoded() {
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), "{\"receivedAt\":42}"), CUT)).isFalse();
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), "{\"receivedAt\":\"yesterday\"}"), CUT)).isFalse();
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), "[1,2]"), CUT)).isFalse();
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), "{\"id\":"), CUT)).isFalse();
    assertThat(LogCut.certainlyAfter(record(CUT.plusSeconds(60), null), CUT)).isFalse();
  }
}
