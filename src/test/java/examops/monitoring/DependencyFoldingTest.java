package examops.monitoring;

import static examops.vocabulary.HealthStatus.DOWN;
import static examops.vocabulary.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.HealthStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class DependencyFoldingTest {

  private static final String SITE = "an-phu/thpt-an-phu";
  private final DependencyFolding folding = DependencyFolding.of(ProvinceLoader.loadDefault().targets());

  @Test
  @DisplayName("when a site's line is down, its phone and fax are folded into the line")
  void lineExplainsPhoneAndFax() {
    Map<String, String> causes = folding.rootCauses(Map.of(
        SITE + "/line", DOWN, SITE + "/phone", DOWN, SITE + "/fax", DOWN, SITE + "/internet", DOWN));
    assertThat(causes).containsExactlyInAnyOrderEntriesOf(Map.of(SITE + "/phone", SITE + "/line", SITE + "/fax", SITE + "/line"));
  }

  @Test
  @DisplayName("a down fax whose line is up is a cause of its own")
  void parentUp() {
    assertThat(folding.rootCauses(Map.of(SITE + "/line", UP, SITE + "/fax", DOWN))).isEmpty();
    assertThat(folding.explained(SITE + "/fax", Map.of(SITE + "/fax", DOWN))).isFalse();
  }

  @Test
  @DisplayName("chains fold to the topmost down ancestor")
  void chain() {
    DependencyFolding f = new DependencyFolding(Map.of("c", List.of("b"), "b", List.of("a"), "a", List.of()));
    assertThat(f.rootCauses(Map.of("a", DOWN, "b", DOWN, "c", DOWN))).containsExactlyInAnyOrderEntriesOf(Map.of("b", "a", "c", "a"));
  }

  @Test
  @DisplayName("a data center outage explains every down component portal")
  void dataCenter() {
    Map<String, String> causes = folding.rootCauses(Map.of(
        "province/data-center", DOWN, "province/portal", DOWN, "long-xuyen/portal", DOWN));
    assertThat(causes).containsOnlyKeys("province/portal", "long-xuyen/portal").containsValue("province/data-center");
  }
}
