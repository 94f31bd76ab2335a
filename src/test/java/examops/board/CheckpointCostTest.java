package examops.board;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checkpoints are spaced by what they typically cost, not by one slow one. */
@Tier.Unit
class CheckpointCostTest {

  @Test
  @DisplayName("the median of the last three; the smaller of the first two; nothing before the first")
  void typicalCost() {
    assertThat(CheckpointWriter.typical(List.of())).isZero();
    assertThat(CheckpointWriter.typical(List.of(536L))).isEqualTo(536);
    assertThat(CheckpointWriter.typical(List.of(536L, 160L))).isEqualTo(160);
    assertThat(CheckpointWriter.typical(List.of(536L, 160L, 110L))).isEqualTo(160);
    assertThat(CheckpointWriter.typical(List.of(100L, 900L, 120L))).as("one collection in the middle").isEqualTo(120);
  }
}
