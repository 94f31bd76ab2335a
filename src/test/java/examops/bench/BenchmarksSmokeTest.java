package examops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness at tiny sizes, so it cannot silently rot: every row, sane numbers; timings are not judged. */
@Tier.Cluster
class BenchmarksSmokeTest {

  @Test
  @DisplayName("the benchmark harness at tiny sizes produces every row with sane numbers and writes the report")
  void everyRow(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("BENCHMARKS.md");
    List<Report.Row> rows = Benchmarks.run(Benchmarks.Sizes.smoke(), dir.resolve("work"), out);

    assertThat(rows).extracting(Report.Row::benchmark).containsExactlyInAnyOrder(
        "1. Pipeline throughput", "1. Pipeline throughput", "5. Replay", "6. Boot", "4. Fan-out and memory", "4. Fan-out and memory",
        "2. HTTP ingest", "3. End-to-end latency", "3. End-to-end latency", "3. End-to-end latency",
        "7. History", "7. History", "7. History", "7. History");
    for (Report.Row r : rows) {
      assertThat(r.value()).as(r.benchmark() + " " + r.figure()).isFinite().isGreaterThanOrEqualTo(0);
      assertThat(r.baselineValue()).as(r.benchmark() + " baseline").isFinite().isGreaterThanOrEqualTo(0);
    }
    assertThat(rows).filteredOn(r -> !r.benchmark().startsWith("3.")).allSatisfy(r -> {
      assertThat(r.value()).as(r.figure()).isPositive();
      assertThat(r.baselineValue()).as(r.baseline()).isPositive();
    });
    assertThat(rows).filteredOn(r -> r.figure().startsWith("RSS")).singleElement()
        .satisfies(r -> assertThat(r.value()).isBetween(50.0, 4096.0));
    String md = Files.readString(out);
    assertThat(md).contains("**Machine:**", "cores", "| benchmark |", Report.COMMAND);
    for (Report.Row r : rows) assertThat(md).contains(r.figure());
  }
}
