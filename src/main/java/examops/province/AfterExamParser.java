package examops.province;

import examops.province.JsonFields.BadEntry;
import examops.vocabulary.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the province file's optional blocks for the weeks after the exam: {@code afterExam} and probe {@code phases}. */
final class AfterExamParser {

  private AfterExamParser() {}

  /** {@code "afterExam": {"results": {...}, "adjustment": {...}, "delivery": {...}, "unitReports": {"due", "note"}}}. */
  static AfterExam afterExam(JsonFields f, List<String> problems) {
    if (f == null) return AfterExam.NONE;
    try {
      List<AfterExamPeriod> periods = new ArrayList<>();
      for (AfterExamStage stage : AfterExamStage.values()) {
        JsonFields p = f.optObject(stage.wireName());
        if (p == null) continue;
        periods.add(new AfterExamPeriod(stage, p.instant("start"), p.instant("end"), p.bool("estimated", false), p.optText("note")));
        p.noOtherKeys();
      }
      JsonFields r = f.optObject("unitReports");
      AfterExam out = new AfterExam(periods, r == null ? null : r.instant("due"), r == null ? null : r.optText("note"));
      if (r != null) r.noOtherKeys();
      f.noOtherKeys();
      return out;
    } catch (BadEntry e) {
      problems.add(e.getMessage());
      return AfterExam.NONE;
    }
  }

  /** {@code "phases": {"results-day": {"interval": "PT10S", "latencyThresholdMs": 1500}}} on a probe. */
  static Map<Phase, ProbeTuning> probePhases(JsonFields f) {
    Map<Phase, ProbeTuning> out = new EnumMap<>(Phase.class);
    if (f == null) return out;
    for (Phase phase : Phase.values()) {
      JsonFields t = f.optObject(phase.wireName());
      if (t == null) continue;
      Duration every = t.duration("interval", null);
      if (every != null && every.compareTo(Duration.ofSeconds(1)) < 0) {
        throw t.bad("interval must be at least one second (PT1S); got " + every);
      }
      long threshold = t.number("latencyThresholdMs", 0);
      if (threshold < 0) throw t.bad("latencyThresholdMs must not be negative");
      out.put(phase, new ProbeTuning(every, threshold));
      t.noOtherKeys();
    }
    f.noOtherKeys();
    return out;
  }
}
