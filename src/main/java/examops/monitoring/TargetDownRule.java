package examops.monitoring;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.province.Province;
import examops.province.Target;
import examops.province.TargetKind;
import examops.vocabulary.HealthStatus;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target down for longer than its threshold. Failures a down parent explains are folded into the
 * parent's alert (no storm when a site's line is cut), and a target under planned maintenance is
 * not alarming.
 */
public final class TargetDownRule implements Rule<TargetDownRule.Reading> {

  public static final String NAME = "target-down";
  private static final Set<TargetKind> KEY_SERVICES = Set.of(TargetKind.DATACENTER, TargetKind.EMAIL, TargetKind.PORTAL);

  private final Province province;
  private final DependencyFolding folding;

  /** What the rule reads: the targets' health and the maintenance windows that excuse them. */
  public record Reading(Targets targets, MaintenanceWindows maintenance) {}

  public TargetDownRule(Province province) {
    this.province = province;
    this.folding = DependencyFolding.of(province.targets());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<AlertCondition> evaluate(Reading state, Instant now) {
    Map<String, HealthStatus> statuses = state.targets().statuses();
    List<AlertCondition> out = new ArrayList<>();
    for (Target t : province.targets()) {
      TargetHealth h = state.targets().health(t.id());
      if (h.status() != HealthStatus.DOWN || h.since() == null) continue;
      Instant onset = h.since().plus(t.downAlertAfter());
      if (now.isBefore(onset)) continue;
      if (folding.explained(t.id(), statuses)) continue;
      if (!state.maintenance().covering(t.id(), now).isEmpty()) continue;
      long minutes = java.time.Duration.between(h.since(), now).toMinutes();
      out.add(new AlertCondition(AlertCondition.id(NAME, t.id(), h.since()), NAME, t.id(), t.district(),
          KEY_SERVICES.contains(t.kind()) ? Severity.CRITICAL : Severity.HIGH,
          t.name().vi() + " mất kết nối " + minutes + " phút",
          t.name().en() + " down for " + minutes + " min", onset));
    }
    return out;
  }
}
