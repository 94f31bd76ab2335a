package examops.monitoring;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.clock.ExamClock;
import examops.province.Province;
import examops.province.Target;
import examops.vocabulary.HealthStatus;
import examops.vocabulary.Phase;
import examops.vocabulary.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A watched target slow for a while in a phase its probe has settings for: the result-lookup portal
 * over its results-day latency threshold (degraded) for {@link #AFTER} raises an alert, since on
 * that day slowness is the failure candidates see. Outside those phases degraded stays a colour.
 */
public final class SlowTargetRule implements Rule<Targets> {

  public static final String NAME = "target-slow";
  /** How long a watched target must stay slow: one slow probe is a blip, two minutes is a queue. */
  static final Duration AFTER = Duration.ofMinutes(2);

  private final Province province;
  private final ExamClock clock;

  public SlowTargetRule(Province province, ExamClock clock) {
    this.province = province;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<AlertCondition> evaluate(Targets targets, Instant now) {
    Phase phase = clock.phaseAt(now);
    List<AlertCondition> out = new ArrayList<>();
    for (Target t : province.targets()) {
      if (t.probe() == null || !t.probe().phases().containsKey(phase)) continue;
      TargetHealth h = targets.health(t.id());
      if (h.status() != HealthStatus.DEGRADED || h.since() == null) continue;
      Instant onset = h.since().plus(AFTER);
      if (now.isBefore(onset)) continue;
      long threshold = t.latencyThresholdMs(phase);
      long minutes = Duration.between(h.since(), now).toMinutes();
      out.add(new AlertCondition(AlertCondition.id(NAME, t.id(), h.since()), NAME, t.id(), t.district(), Severity.HIGH,
          t.name().vi() + " chậm quá " + threshold + " ms đã " + minutes + " phút (" + h.latencyMs() + " ms)",
          t.name().en() + " slower than " + threshold + " ms for " + minutes + " min (" + h.latencyMs() + " ms)", onset));
    }
    return out;
  }
}
