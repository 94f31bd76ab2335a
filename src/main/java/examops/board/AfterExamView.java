package examops.board;

import examops.clock.ExamClock;
import examops.province.AfterExamPeriod;
import examops.province.Province;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The clock's {@code afterExam} part: the stages after the exam days (each with its phase, dates and
 * whether they are estimated), the stage running now, and every milestone with whether it is reached.
 * Absent when the province file has no {@code afterExam}.
 */
final class AfterExamView {

  private AfterExamView() {}

  static void put(JsonObject clock, Province province, ExamClock examClock, Instant now) {
    var after = province.afterExam();
    if (after.periods().isEmpty() && after.unitReportsDue() == null) return;
    JsonArray stages = new JsonArray();
    for (AfterExamPeriod p : after.periods()) {
      stages.add(new JsonObject().put("stage", p.stage().wireName()).put("phase", p.stage().phase().wireName())
          .put("start", p.start().toString()).put("end", p.end().toString()).put("estimated", p.estimated())
          .put("note", p.note() == null ? null : BoardView.text(p.note())));
    }
    JsonArray milestones = new JsonArray();
    examClock.milestonesAfterExam().forEach(m -> milestones.add(new JsonObject().put("milestone", m.milestone().wireName())
        .put("at", m.at().toString()).put("stage", m.stage() == null ? null : m.stage().wireName())
        .put("reached", !m.at().isAfter(now))));
    clock.put("afterExam", new JsonObject()
        .put("stage", after.at(now).map(p -> p.stage().wireName()).orElse(null))
        .put("stages", stages).put("milestones", milestones)
        .put("unitReportsDue", after.unitReportsDue() == null ? null : after.unitReportsDue().toString()));
  }
}
