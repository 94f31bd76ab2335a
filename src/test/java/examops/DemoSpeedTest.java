package examops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class DemoSpeedTest {

  @Test
  @DisplayName("the drill's pace comes from --demo-speed, then EXAMOPS_DEMO_SPEED; neither leaves the default (60x, readable)")
  void paceFromOptionThenEnvironment() {
    assertThat(Main.demoSpeed(List.of("--demo", "--demo-speed", "30"), "120")).isEqualTo(30.0);
    assertThat(Main.demoSpeed(List.of("--demo-speed=15"), null)).isEqualTo(15.0);
    assertThat(Main.demoSpeed(List.of("--demo"), "120")).isEqualTo(120.0);
    assertThat(Main.demoSpeed(List.of("--demo"), null)).isNaN();
    assertThat(Main.DRILL_SPEED).isEqualTo(60.0);
  }

  @Test
  @DisplayName("a pace that is not a number from 1 to 10000 is refused with the option's or variable's name")
  void badPaceIsRefusedByName() {
    assertThatThrownBy(() -> Main.demoSpeed(List.of("--demo-speed", "fast"), null)).hasMessageContaining("--demo-speed");
    assertThatThrownBy(() -> Main.demoSpeed(List.of("--demo-speed"), null)).hasMessageContaining("--demo-speed");
    assertThatThrownBy(() -> Main.demoSpeed(List.of("--demo"), "0")).hasMessageContaining("EXAMOPS_DEMO_SPEED");
  }
}
