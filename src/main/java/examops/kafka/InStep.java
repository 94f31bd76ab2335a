package examops.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the partitions a reader catches up on in step by receipt time: a partition whose records
 * run more than {@link #STEP_MS} ahead of the slowest partition still far behind its end is held
 * back until that one catches up. What the board holds is the same in any interleaving (README, "One
 * log, one truth"); this is for the checkpoints taken along the way: a checkpoint can start the
 * rebuild of a moment only if every record it covers was received by then, so one taken while a
 * partition ran minutes ahead of the rest would be of no use to a moment in those minutes, and time
 * travel would read a long tail. In step, a checkpoint covers each partition up to about the same
 * moment, and the tail after it is what the checkpoints' spacing leaves, whatever the log's size.
 *
 * <p>Only partitions more than {@link #FAR_BEHIND} records behind their end set the pace, so a
 * reader following the live log (a few records behind at most) never holds anything back.
 * Receipt time here is the record's timestamp (the broker's append time on the event topics), known
 * without decoding. Not thread-safe: the reader's thread only.
 */
final class InStep {

  /** How far ahead of the slowest partition (in receipt time) a partition may run. */
  static final long STEP_MS = 1_000;
  /** A partition closer to its end than this does not set the pace. */
  static final long FAR_BEHIND = 2_000;

  private final Map<TopicPartition, Long> head = new HashMap<>();
  private final Set<TopicPartition> held = new HashSet<>();

  /** Notes a record handed over by a poll (records of a partition come in offset order). */
  void saw(ConsumerRecord<?, ?> r) {
    saw(new TopicPartition(r.topic(), r.partition()), r.timestamp());
  }

  /** Notes the latest receipt time a poll handed over for a partition. */
  void saw(TopicPartition tp, long timestamp) {
    head.merge(tp, timestamp, Math::max);
  }

  /** Whether any partition is held back now. */
  boolean holding() {
    return !held.isEmpty();
  }

  /** The changes to make after a poll: partitions to pause, and partitions to resume. */
  record Moves(Set<TopicPartition> pause, Set<TopicPartition> resume) {
    boolean none() {
      return pause.isEmpty() && resume.isEmpty();
    }
  }

  /**
   * Decides which partitions to hold back.
   *
   * @param lag how many records each partition is behind its end, as last heard (empty when not
   *     known: such a partition does not set the pace, so that nothing is held back on a guess)
   */
  Moves step(List<TopicPartition> partitions, Function<TopicPartition, OptionalLong> lag) {
    long pace = Long.MAX_VALUE;
    for (TopicPartition tp : partitions) {
      OptionalLong l = lag.apply(tp);
      if (l.isEmpty() || l.getAsLong() <= FAR_BEHIND) continue;
      // Far behind and nothing seen yet: the pace is unknown until it hands over a record.
      pace = Math.min(pace, head.getOrDefault(tp, Long.MIN_VALUE));
    }
    Set<TopicPartition> hold = new HashSet<>();
    if (pace != Long.MAX_VALUE) {
      for (TopicPartition tp : partitions) {
        Long h = head.get(tp);
        if (h != null && (pace == Long.MIN_VALUE || h > pace + STEP_MS)) hold.add(tp);
      }
    }
    Set<TopicPartition> pause = new HashSet<>(hold);
    pause.removeAll(held);
    Set<TopicPartition> resume = new HashSet<>(held);
    resume.removeAll(hold);
    held.clear();
    held.addAll(hold);
    return new Moves(pause, resume);
  }

  /** The partitions held back now. */
  Set<TopicPartition> held() {
    return Set.copyOf(held);
  }
}
