package examops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** While catching up, no partition runs more than a step ahead of the slowest one far behind its end. */
@Tier.Unit
class InStepTest {

  private static final TopicPartition A = new TopicPartition("examops.monitoring", 0);
  private static final TopicPartition B = new TopicPartition("examops.monitoring", 1);
  private static final TopicPartition C = new TopicPartition("examops.checkins", 0);
  private static final List<TopicPartition> ALL = List.of(A, B, C);

  private static ConsumerRecord<String, byte[]> record(TopicPartition tp, long timestamp) {
    return new ConsumerRecord<>(tp.topic(), tp.partition(), 0, timestamp, org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME,
        0, 0, "k", new byte[0], new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
  }

  @Test
  @DisplayName("a partition ahead of the slowest far-behind one by more than a step is held, and let go when it catches up")
  void holdsTheOneAhead() {
    InStep s = new InStep();
    s.saw(record(A, 10_000));
    s.saw(record(B, 10_500));
    s.saw(record(C, 30_000));
    Map<TopicPartition, OptionalLong> lag = Map.of(A, OptionalLong.of(1_000_000), B, OptionalLong.of(1_000_000), C, OptionalLong.of(900_000));
    InStep.Moves m = s.step(ALL, lag::get);
    assertThat(m.pause()).containsExactly(C);
    assertThat(m.resume()).isEmpty();
    assertThat(s.step(ALL, lag::get).none()).isTrue();
    s.saw(record(A, 29_500));
    s.saw(record(B, 29_100));
    m = s.step(ALL, lag::get);
    assertThat(m.resume()).containsExactly(C);
    assertThat(s.held()).isEmpty();
  }

  @Test
  @DisplayName("a reader following the live log (partitions a few records from their end) holds nothing back")
  void liveHoldsNothing() {
    InStep s = new InStep();
    s.saw(record(A, 10_000));
    s.saw(record(B, 3_600_000));
    s.saw(record(C, 7_200_000));
    Map<TopicPartition, OptionalLong> lag = Map.of(A, OptionalLong.of(3), B, OptionalLong.of(0), C, OptionalLong.of(InStep.FAR_BEHIND));
    assertThat(s.step(ALL, lag::get).none()).isTrue();
  }

  @Test
  @DisplayName("a far-behind partition not heard from yet holds back every partition that handed over records, never itself")
  void unknownPaceHoldsTheOthers() {
    InStep s = new InStep();
    s.saw(record(A, 10_000));
    s.saw(record(B, 10_000));
    Map<TopicPartition, OptionalLong> lag = new HashMap<>(Map.of(A, OptionalLong.of(50_000), B, OptionalLong.of(50_000)));
    lag.put(C, OptionalLong.empty());
    assertThat(s.step(ALL, lag::get).none()).as("how far behind C is, is not known: nothing is held on a guess").isTrue();
    lag.put(C, OptionalLong.of(60_000));
    assertThat(s.step(ALL, lag::get).pause()).containsExactlyInAnyOrder(A, B);
    s.saw(record(C, 9_000));
    lag.put(C, OptionalLong.of(40_000));
    assertThat(s.step(ALL, lag::get).resume()).containsExactlyInAnyOrder(A, B);
  }

  @Test
  @DisplayName("simulated catch-up over interleaved partitions: the slowest is never held, and the spread stays within a step and a fetch")
  void simulatedCatchUp() {
    Random r = new Random(13);
    for (int run = 0; run < 50; run++) {
      InStep s = new InStep();
      Map<TopicPartition, Long> next = new HashMap<>();
      Map<TopicPartition, Long> left = new HashMap<>();
      for (TopicPartition tp : ALL) {
        next.put(tp, (long) r.nextInt(500));
        left.put(tp, 20_000L + r.nextInt(20_000));
      }
      long worstSpread = 0;
      for (int poll = 0; poll < 10_000 && left.values().stream().anyMatch(n -> n > 0); poll++) {
        // The consumer hands over a chunk of one partition it may fetch, chosen at random (as fetches complete).
        List<TopicPartition> fetchable = ALL.stream().filter(tp -> !s.held().contains(tp) && left.get(tp) > 0).toList();
        assertThat(fetchable).as("something can always be read").isNotEmpty();
        TopicPartition tp = fetchable.get(r.nextInt(fetchable.size()));
        long n = Math.min(left.get(tp), 1 + r.nextInt(500));
        for (int i = 0; i < n; i++) {
          next.merge(tp, 1L + r.nextInt(20), Long::sum);
          s.saw(record(tp, next.get(tp)));
        }
        left.merge(tp, -n, Long::sum);
        s.step(ALL, p -> OptionalLong.of(left.get(p)));
        Set<TopicPartition> far = Set.copyOf(ALL.stream().filter(p -> left.get(p) > InStep.FAR_BEHIND).toList());
        if (far.size() == ALL.size()) {
          long min = far.stream().mapToLong(next::get).min().orElseThrow();
          long max = far.stream().mapToLong(next::get).max().orElseThrow();
          worstSpread = Math.max(worstSpread, max - min);
        }
      }
      assertThat(left.values()).allMatch(n -> n == 0);
      // a held partition stops at most one chunk (500 records, up to 20 ms apart) past the step
      assertThat(worstSpread).isLessThanOrEqualTo(InStep.STEP_MS + 500 * 20);
    }
  }
}
