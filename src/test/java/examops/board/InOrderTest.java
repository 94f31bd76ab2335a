package examops.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class InOrderTest {

  @Test
  @DisplayName("every task runs, in the order handed over, before close returns")
  void order() {
    List<Integer> seen = new ArrayList<>();
    try (InOrder in = new InOrder("test-in-order")) {
      for (int i = 0; i < 100_003; i++) {
        int n = i;
        in.run(() -> seen.add(n));
      }
    }
    assertThat(seen).hasSize(100_003);
    for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isEqualTo(i);
  }

  @Test
  @DisplayName("a task that throws stops the rest, and close throws it, however much was still handed over")
  void failure() {
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (InOrder in = new InOrder("test-in-order")) {
        for (int i = 0; i < 50_000; i++) {
          int n = i;
          in.run(() -> {
            if (n == 700) throw new IllegalArgumentException("bad record 700");
            seen.add(n);
          });
        }
      }
    }).hasRootCauseMessage("bad record 700");
    assertThat(seen).hasSize(700);
  }
}
