package examops.rules;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.board.BoardReading;
import examops.checkin.MissedCheckinRule;
import examops.checkin.MissedSiteCheckinRule;
import examops.clock.ExamClock;
import examops.incident.UnacknowledgedIncidentRule;
import examops.monitoring.SlowTargetRule;
import examops.monitoring.TargetDownRule;
import examops.unitreport.MissedUnitReportRule;
import examops.province.Province;
import examops.publishing.LatePublishingRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The streams' rules, each bound to the part of the board it reads: a rule sees its own book, the
 * board is only the place the books are taken from. Pure.
 */
public final class BoardRules {

  private record Bound<B>(Rule<B> rule, Function<BoardReading, B> input) {
    List<AlertCondition> evaluate(BoardReading state, Instant now) {
      return rule.evaluate(input.apply(state), now);
    }
  }

  private final List<Bound<?>> rules;

  private BoardRules(List<Bound<?>> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Every rule of the window: missed check-ins (districts' and sites'), targets down, unacknowledged incidents, late publishing
   * (the delivery checklist included), watched targets slow in their phase (the result-lookup portal on
   * results day), and units' reports missed after their due date.
   */
  public static BoardRules of(Province province, ExamClock clock) {
    return new BoardRules(List.of(
        new Bound<>(new MissedCheckinRule(province, clock), BoardReading::checkins),
        new Bound<>(new MissedSiteCheckinRule(province, clock), BoardReading::siteCheckins),
        new Bound<>(new TargetDownRule(province), s -> new TargetDownRule.Reading(s.targets(), s.maintenance())),
        new Bound<>(new UnacknowledgedIncidentRule(), BoardReading::incidents),
        new Bound<>(new LatePublishingRule(province), BoardReading::publishing),
        new Bound<>(new SlowTargetRule(province, clock), BoardReading::targets),
        new Bound<>(new MissedUnitReportRule(province), BoardReading::unitReports)));
  }

  /** The rules' names: the alerts these rules own (and may clear). */
  public Set<String> names() {
    return rules.stream().map(b -> b.rule().name()).collect(Collectors.toUnmodifiableSet());
  }

  /** What all rules see at {@code now}, by alert id (the first rule to name an id wins). */
  public Map<String, AlertCondition> evaluate(BoardReading state, Instant now) {
    Map<String, AlertCondition> out = new LinkedHashMap<>();
    for (Bound<?> b : rules) b.evaluate(state, now).forEach(c -> out.putIfAbsent(c.alertId(), c));
    return out;
  }
}
