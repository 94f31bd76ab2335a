package examops.bench;

import examops.board.Board;
import examops.board.BoardVerticle;
import examops.board.CheckpointPolicy;
import examops.board.BoardView;
import examops.board.ReferenceCheck;
import examops.cluster.Lease;
import examops.event.EventValidator;
import examops.kafka.EmbeddedKafka;
import examops.kafka.TopicDefinition;
import examops.kafka.TopicSetup;
import examops.province.Province;
import examops.province.ProvinceLoader;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Benchmark 1: a backlog of realistic events produced straight to the topics, read by Kafka's raw
 * consumer (the baseline) and then replayed into a fresh board. The backlog's data directory is
 * kept for the replay benchmark.
 */
final class Throughput {

  private static final int CHUNK = 50_000;

  private Throughput() {}

  static void pipeline(Benchmarks.Sizes sizes, Path dataDir, Report report) throws Exception {
    Province province = ProvinceLoader.loadDefault();
    EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka"), EmbeddedKafka.freePort());
    kafka.start();
    try {
      String bootstrap = kafka.bootstrapServers();
      TopicSetup.ensureTopics(bootstrap, TopicDefinition.loadAll());
      BenchEvents events = new BenchEvents(province, "backlog", 1);
      long bytes = 0;
      long t0 = System.nanoTime();
      for (int done = 0; done < sizes.backlog(); done += CHUNK) {
        var chunk = events.take(Math.min(CHUNK, sizes.backlog() - done));
        for (var r : chunk) bytes += r.value().length;
        RawKafka.produce(bootstrap, chunk);
      }
      double produceSec = seconds(t0);
      System.out.printf("Backlog: %,d events, %.0f bytes of JSON on average, produced in %.1f s%n",
          sizes.backlog(), (double) bytes / sizes.backlog(), produceSec);

      // Each side reads the backlog twice and the second pass counts: on a first pass in a fresh JVM
      // the JIT compiles the pipeline's code as it runs (C2 took 57% of a core during a cold replay).
      // The cold replay, start to caught-up in a fresh process, is benchmark 5's.
      RawKafka.consumeAll(bootstrap, sizes.backlog());
      t0 = System.nanoTime();
      RawKafka.consumeAll(bootstrap, sizes.backlog());
      double rawSec = seconds(t0);

      Pass cold = replay(province, bootstrap, sizes.backlog(), "first pass, JIT compiling");
      replay(province, bootstrap, sizes.backlog(), "second pass");
      Pass warm = replay(province, bootstrap, sizes.backlog(), "third pass");
      Pass saving = replay(province, bootstrap, sizes.backlog(), "fourth pass, saving checkpoints",
          CheckpointPolicy.DEFAULT.fromTheBeginning());
      report.add(new Report.Row("1. Pipeline throughput", "the same, saving checkpoints (every 100,000 records, at most 3% of the time)",
          sizes.backlog() / saving.seconds(), "ev/s", "the third pass, no checkpoints", sizes.backlog() / warm.seconds(),
          "≥ 0.95×", warm.seconds() / saving.seconds() >= 0.95,
          "fourth pass in the same JVM: the lease holder takes each checkpoint on the board's thread and writes it from a worker; "
              + "CPU " + saving.cpu()));
      double appSec = warm.seconds();
      double rate = sizes.backlog() / appSec;
      double raw = sizes.backlog() / rawSec;
      report.add(new Report.Row("1. Pipeline throughput", "events applied to the board /s", rate, "ev/s",
          "raw KafkaConsumer records/s", raw, "≥ 0.5× raw, ≥ 100,000 ev/s", rate >= 0.5 * raw && rate >= 100_000,
          String.format(java.util.Locale.ROOT, "%,d events (%.0f B JSON on average, 55%% probe results, 25%% check-ins, 12%% publishing, "
              + "8%% incidents); from deploying a fresh board (log reader: poll, validate, reference check) until it is caught up; "
              + "third pass of the board and second of the raw consumer in the same JVM (first pass of the board: %,.0f ev/s, "
              + "CPU %s). CPU of the measured pass: %s",
              sizes.backlog(), (double) bytes / sizes.backlog(), sizes.backlog() / cold.seconds(), cold.cpu(), warm.cpu())));
    } finally {
      kafka.close();
    }
  }

  /** A replay's seconds and where its CPU went. */
  private record Pass(double seconds, String cpu) {}

  /** From deploying a fresh board on the backlog until it is caught up, printing where the CPU went. */
  private static Pass replay(Province province, String bootstrap, long expected, String pass) throws Exception {
    return replay(province, bootstrap, expected, pass, CheckpointPolicy.OFF);
  }

  private static Pass replay(Province province, String bootstrap, long expected, String pass, CheckpointPolicy checkpoints) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Clock clock = Clock.fixed(Instant.parse("2020-08-09T00:00:00Z"), ZoneOffset.UTC);
      Board board = new Board(new BoardView(province), clock);
      // A lone node holds the lease at once, as examops.Main's does (only the holder writes dead letters).
      Lease lease = new Lease(vertx, "examops.lease.rules", "bench-pipeline");
      BoardVerticle verticle = new BoardVerticle(board, bootstrap, "bench-pipeline", new EventValidator(), new ReferenceCheck(province), lease,
          checkpoints);
      java.util.Map<String, Long> cpuBefore = threadCpu();
      long processCpuBefore = processCpu();
      long t0 = System.nanoTime();
      HttpLoad.await(vertx.deployVerticle(verticle));
      lease.start();
      while (!board.health().caughtUp()) Thread.sleep(1);
      double sec = seconds(t0);
      System.out.printf(java.util.Locale.ROOT, "   Replay into a fresh board, %s: %,.0f ev/s%n", pass, expected / sec);
      String cpu = busiest(cpuBefore, threadCpu(), sec, processCpu() - processCpuBefore);
      System.out.println("     CPU: " + cpu);
      long applied = board.appliedVersion();
      if (applied != expected) throw new IllegalStateException("the board applied " + applied + " of " + expected + " backlog events");
      return new Pass(sec, cpu);
    } finally {
      HttpLoad.await(vertx.close());
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * CPU nanoseconds so far of each thread, by name (numbered pools summed): from /proc on Linux, so
   * that the JVM's own threads (garbage collection, JIT compilers) count too; else the Java threads.
   */
  private static java.util.Map<String, Long> threadCpu() {
    java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
    java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
    if (java.nio.file.Files.isDirectory(tasks)) {
      try (var dirs = java.nio.file.Files.list(tasks)) {
        for (java.nio.file.Path t : dirs.toList()) {
          try {
            String stat = java.nio.file.Files.readString(t.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            cpu.merge(name.replaceAll("#?\\d+$", ""), ticks * 10_000_000L, Long::sum); // 100 ticks a second
          } catch (java.io.IOException | RuntimeException gone) {
            // the thread ended meanwhile
          }
        }
        return cpu;
      } catch (java.io.IOException e) {
        cpu.clear();
      }
    }
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (info == null) continue;
      long ns = bean.getThreadCpuTime(info.getThreadId());
      if (ns > 0) cpu.merge(info.getThreadName().replaceAll("#?\\d+$", ""), ns, Long::sum);
    }
    return cpu;
  }

  /**
   * Where the replay's time went: each busy thread's CPU as a share of the wall time (two cores:
   * 200% at most). Linux truncates thread names to 15 characters.
   */
  private static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, double wallSec, long processNs) {
    StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "the whole process (broker, GC, JIT included) %.0f%%:",
        100 * processNs / (wallSec * 1e9)));
    after.entrySet().stream()
        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > wallSec * 1e9 * 0.03)
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> line.append(String.format(java.util.Locale.ROOT, " %s %.0f%%,", e.getKey(), 100 * e.getValue() / (wallSec * 1e9))));
    line.setLength(line.length() - 1);
    return line.toString();
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
