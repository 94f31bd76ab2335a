package examops.province.sheet;

import examops.province.AfterExamStage;
import examops.vocabulary.Phase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the optional sheets of the weeks after the exam: {@code probe-phases.csv} (a probe's interval
 * and latency threshold in one exam-clock phase) into the targets' probes, and {@code after-exam.csv}
 * (one row per stage: results, adjustment, delivery; and unit-reports with its due date) into
 * {@code afterExam}.
 */
final class AfterExamSheets {

  static final String UNIT_REPORTS = "unit-reports";

  private final List<SheetProblem> problems;
  private final ZoneId zone;
  private final java.util.function.Predicate<String> targetLeftOut;

  /** @param targetLeftOut whether a target's row was left out for its own problems (then rows naming it are not reported again) */
  AfterExamSheets(List<SheetProblem> problems, ZoneId zone, java.util.function.Predicate<String> targetLeftOut) {
    this.problems = problems;
    this.zone = zone;
    this.targetLeftOut = targetLeftOut;
  }

  void probePhases(Sheet sheet, JsonArray targets) {
    if (sheet == null) return;
    List<String> phases = Arrays.stream(Phase.values()).map(Phase::wireName).toList();
    for (Sheet.Row row : sheet.rows()) {
      Cells c = new Cells(sheet.file(), row, problems, zone);
      String target = c.text("target");
      String phase = c.choice("phase", phases, true);
      String interval = c.duration("interval", false);
      Long threshold = c.number("latency_threshold_ms", 1, Integer.MAX_VALUE);
      JsonObject probe = null;
      for (Object o : targets) {
        JsonObject t = (JsonObject) o;
        if (target.equals(t.getString("id"))) probe = t.getJsonObject("probe");
      }
      if (c.ok() && probe == null && targetLeftOut.test(target)) continue;
      if (c.ok() && probe == null) {
        c.problem("\"" + target + "\" không có trong targets.csv, hoặc không có probe (probe_type)",
            "\"" + target + "\" is not in targets.csv, or has no probe (probe_type)");
      }
      if (!c.ok()) continue;
      JsonObject tuning = new JsonObject();
      if (interval != null) tuning.put("interval", interval);
      if (threshold != null) tuning.put("latencyThresholdMs", threshold);
      JsonObject byPhase = probe.getJsonObject("phases");
      if (byPhase == null) probe.put("phases", byPhase = new JsonObject());
      byPhase.put(phase, tuning);
    }
  }

  /** The {@code afterExam} object, or null without the sheet. */
  JsonObject afterExam(Sheet sheet) {
    if (sheet == null) return null;
    List<String> stages = new ArrayList<>(Arrays.stream(AfterExamStage.values()).map(AfterExamStage::wireName).toList());
    stages.add(UNIT_REPORTS);
    JsonObject out = new JsonObject();
    for (Sheet.Row row : sheet.rows()) {
      Cells c = new Cells(sheet.file(), row, problems, zone);
      String stage = c.choice("stage", stages, true);
      boolean reports = UNIT_REPORTS.equals(stage);
      String start = c.instant("start", !reports);
      String end = c.instant("end", !reports);
      String due = c.instant("due", reports);
      Boolean estimated = c.bool("estimated");
      JsonObject note = c.localized("note", false);
      if (reports && (start != null || end != null || estimated != null)) {
        c.problem("dòng unit-reports chỉ dùng due (và note)", "the unit-reports row takes due (and note) only");
      }
      if (!reports && due != null) c.problem("due chỉ dùng cho dòng unit-reports", "due is for the unit-reports row only");
      if (stage != null && out.containsKey(reports ? "unitReports" : stage)) {
        c.problem("giai đoạn \"" + stage + "\" bị trùng (đã có ở dòng trước)", "stage \"" + stage + "\" is given twice");
      }
      if (!c.ok()) continue;
      JsonObject entry = reports ? new JsonObject().put("due", due) : new JsonObject().put("start", start).put("end", end);
      if (estimated != null) entry.put("estimated", estimated);
      if (note != null) entry.put("note", note);
      out.put(reports ? "unitReports" : stage, entry);
    }
    return out;
  }
}
