package examops.monitoring;

import examops.vocabulary.HealthStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What may be read of the targets' health ({@link TargetBook}): nothing here changes it. */
public interface Targets {

  /** The health the board shows. */
  TargetHealth health(String id);

  /** The entry behind what the board shows. */
  Optional<TargetBook.Entry> entry(String id);

  /** Current status of every target that has reported. */
  Map<String, HealthStatus> statuses();

  /** The target's status history up to {@code now}. */
  List<StatusSpan> spans(String id, Instant now);
}
