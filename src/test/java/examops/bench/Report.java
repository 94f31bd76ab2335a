package examops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark table: each figure beside its same-run baseline and the ratio, printed and written as Markdown. */
final class Report {

  /**
   * One measured figure and its baseline. {@code higherIsBetter} says which way the target points;
   * {@code pass} is null when no target applies to this row.
   */
  record Row(String benchmark, String figure, double value, String unit, String baseline, double baselineValue,
      String target, Boolean pass, String note) {

    double ratio() {
      return baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
  }

  static final String COMMAND = "mvn -q -Pbench verify";

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
    System.out.println(format(row));
  }

  void note(String note) {
    notes.add(note);
  }

  List<Row> rows() {
    return rows;
  }

  static String num(double v, String unit) {
    if (Double.isNaN(v)) return "n/a";
    String n = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
        : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    return unit.isEmpty() ? n : n + " " + unit;
  }

  private static String format(Row r) {
    return String.format(Locale.ROOT, "%-28s %-34s %18s | %-34s %18s | %8s | %-22s %s", r.benchmark(), r.figure(),
        num(r.value(), r.unit()), r.baseline(), num(r.baselineValue(), r.unit()), ratio(r), r.target(), verdict(r));
  }

  private static String ratio(Row r) {
    return Double.isNaN(r.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r.ratio());
  }

  private static String verdict(Row r) {
    return r.pass() == null ? "" : r.pass() ? "met" : "MISSED";
  }

  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long mem = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
    return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s %s (%s), %s; run %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), mem / (1024.0 * 1024 * 1024),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("java.vendor"),
        os.getName() + " " + os.getVersion(), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  void writeMarkdown(Path file, String sizes) throws IOException {
    StringBuilder md = new StringBuilder("# ExamOps benchmarks\n\n");
    md.append("Written by the benchmark harness (`src/test/java/examops/bench/`). The machine is shared and noisy, so every ")
        .append("figure stands beside a baseline measured **in the same run**, and the ratio is the figure to compare across runs.\n\n");
    md.append("**Machine:** ").append(machine()).append("\n\n");
    md.append("**Sizes:** ").append(sizes).append("\n\n");
    md.append("| benchmark | figure | value | baseline (same run) | baseline value | ratio | target | |\n");
    md.append("|---|---|---:|---|---:|---:|---|---|\n");
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(java.util.Comparator.comparing(Row::benchmark)); // stable: a benchmark's rows keep their order
    for (Row r : ordered) {
      md.append("| ").append(r.benchmark()).append(" | ").append(r.figure()).append(" | ").append(num(r.value(), r.unit()))
          .append(" | ").append(r.baseline()).append(" | ").append(num(r.baselineValue(), r.unit())).append(" | ")
          .append(ratio(r)).append(" | ").append(r.target()).append(" | ").append(verdict(r)).append(" |\n");
    }
    md.append('\n');
    for (Row r : ordered) if (r.note() != null && !r.note().isEmpty()) md.append("- **").append(r.benchmark()).append(", ").append(r.figure()).append(":** ").append(r.note()).append('\n');
    for (String n : notes) md.append("- ").append(n).append('\n');
    md.append("\n**Command:** `").append(COMMAND).append("` (2–6 minutes on a 2-core machine; writes this file). ")
        .append("`-Dbench.out=FILE` writes elsewhere; `-Dbench.jfr=true` records a JFR profile of each child node under `target/bench/`.\n");
    Files.writeString(file, md.toString());
  }
}
