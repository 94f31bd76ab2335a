package examops.province;

import examops.vocabulary.WireNames;
import examops.vocabulary.Phase;
import java.util.Optional;

/** The stages after the exam that the province watches, each with the exam-clock phase it stands for. */
public enum AfterExamStage {
  /** Results are published: the result-lookup portals carry the load. */
  RESULTS("results", Phase.RESULTS_DAY),
  /** Candidates adjust their admission choices online. */
  ADJUSTMENT("adjustment", Phase.CHOICE_ADJUSTMENT),
  /** Admission files travel by post; each district keeps a delivery checklist. */
  DELIVERY("delivery", Phase.ADMISSION_DELIVERY);

  private static final WireNames<AfterExamStage> NAMES = new WireNames<>(values(), s -> s.wireName);

  private final String wireName;
  private final Phase phase;

  AfterExamStage(String wireName, Phase phase) {
    this.wireName = wireName;
    this.phase = phase;
  }

  public String wireName() {
    return wireName;
  }

  public Phase phase() {
    return phase;
  }

  public static Optional<AfterExamStage> fromWireName(String name) {
    return NAMES.find(name);
  }
}
