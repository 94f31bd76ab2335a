package examops.province;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The province loader's rules for {@code afterExam}, {@code departments} and probe {@code phases}. */
final class AfterExamRules {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private AfterExamRules() {}

  static List<String> problems(Province p) {
    List<String> out = new ArrayList<>();
    Instant examDaysOver = p.timetable().stream().map(ExamSession::end).max(Instant::compareTo).orElse(p.window().start());
    AfterExamPeriod before = null;
    for (AfterExamPeriod period : p.afterExam().periods()) {
      String at = "afterExam." + period.stage().wireName();
      if (!period.start().isBefore(period.end())) {
        out.add(at + ": start must be before end");
      } else if (!p.window().contains(period.start()) || period.end().isAfter(p.window().end())) {
        out.add(at + ": is outside the window (move the window's end to cover it)");
      } else if (period.start().isBefore(examDaysOver)) {
        out.add(at + ": starts before the last timetable entry ends");
      }
      if (before != null && period.start().isBefore(before.end())) {
        out.add(at + ": overlaps afterExam." + before.stage().wireName());
      }
      before = period;
    }
    p.afterExam().reportsDue().ifPresent(due -> {
      if (!p.window().contains(due)) out.add("afterExam.unitReports: due is outside the window");
    });
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.departments().size(); i++) {
      Department d = p.departments().get(i);
      String at = "departments[" + i + "] \"" + d.id() + "\"";
      if (!SLUG.matcher(d.id()).matches()) out.add(at + ": id must be lower-case words joined by '-'");
      if (!ids.add(d.id())) out.add(at + ": duplicate department id");
      if (p.district(d.id()).isPresent()) out.add(at + ": is also a district id; a unit's id must name one unit");
    }
    for (int i = 0; i < p.targets().size(); i++) {
      Target t = p.targets().get(i);
      if (t.probe() == null) continue;
      for (var e : t.probe().phases().entrySet()) {
        if (e.getValue().interval() != null && t.probe().timeout().compareTo(e.getValue().interval()) > 0) {
          out.add("targets[" + i + "] \"" + t.id() + "\": probe.phases." + e.getKey().wireName()
              + ".interval is shorter than the probe's timeout");
        }
      }
    }
    return out;
  }
}
