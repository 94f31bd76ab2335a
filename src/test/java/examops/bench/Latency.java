package examops.bench;

import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.province.Target;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Benchmark 3: from the 202 to the delta carrying that target reaching a screen, at a steady event
 * rate with many screens connected, beside the same with one screen. Each probe result carries its
 * sequence number in {@code detail}; targets take turns, so a delta showing a target at sequence s
 * delivers every earlier result for that target too (one partition per target keeps them in order).
 */
final class Latency {

  private final Benchmarks.Sizes sizes;
  private final Children.NodeProcess node;
  private final Children.Harness h;
  private final Report report;
  private final List<Target> targets;

  Latency(Benchmarks.Sizes sizes, Children.NodeProcess node, Children.Harness h, Report report) {
    this.sizes = sizes;
    this.node = node;
    this.h = h;
    this.report = report;
    Province p = ProvinceLoader.loadDefault();
    this.targets = p.targets();
  }

  /** Latencies in ms, sorted, and how many (client, event) pairs never saw their delta. */
  record Result(long[] sortedMs, long missing, long events) {
    double pct(double p) {
      if (sortedMs.length == 0) return Double.NaN;
      return sortedMs[(int) Math.min(sortedMs.length - 1, Math.ceil(p / 100 * sortedMs.length) - 1)];
    }
  }

  void run() throws Exception {
    Result one = measure(1, 1, "one");
    Result many = measure(sizes.latencyClients(), sizes.latencySampled(), "many");
    String note = String.format(Locale.ROOT, "probe results posted at %,d/s (in-process Vert.x HttpClient) for %d s after %d s warm-up; "
        + "%,d screens, %d of them sampled (%,d event deliveries measured, %,d missing); baseline 1 screen (%,d measured, %,d missing)",
        sizes.latencyRate(), sizes.latencySeconds(), sizes.latencyWarmupSeconds(), sizes.latencyClients(), sizes.latencySampled(),
        many.sortedMs().length, many.missing(), one.sortedMs().length, one.missing());
    report.add(new Report.Row("3. End-to-end latency", "p50, 202 → delta at screen", many.pct(50), "ms", "same, 1 screen", one.pct(50), "", null, note));
    report.add(new Report.Row("3. End-to-end latency", "p95", many.pct(95), "ms", "same, 1 screen", one.pct(95), "", null, null));
    report.add(new Report.Row("3. End-to-end latency", "p99", many.pct(99), "ms", "same, 1 screen", one.pct(99), "≤ 250 ms",
        many.pct(99) <= 250, null));
  }

  private Result measure(int clients, int sampled, String run) throws Exception {
    int nT = targets.size();
    int capacity = sizes.latencyRate() * (sizes.latencyWarmupSeconds() + sizes.latencySeconds() + 5);
    AtomicLongArray acked = new AtomicLongArray(capacity);
    AtomicLongArray[] arrived = new AtomicLongArray[sampled];
    long[][] covered = new long[sampled][nT];
    for (int c = 0; c < sampled; c++) {
      arrived[c] = new AtomicLongArray(capacity);
      for (int t = 0; t < nT; t++) covered[c][t] = t - nT;
    }
    String prefix = "lat-" + run + "-" + System.currentTimeMillis() + "-";
    try (Screens screens = new Screens(h.vertx, node.httpPort, h.token, clients);
        HttpLoad load = new HttpLoad(h.vertx, node.httpPort, h.token, 64)) {
      screens.connect(clients, sampled, 100, Duration.ofMinutes(3), (client, target, detail, nanos) -> {
        if (detail == null || !detail.startsWith("seq:")) return;
        int seq = Integer.parseInt(detail.substring(4));
        int t = seq % nT;
        for (long s = covered[client][t] + nT; s <= seq; s += nT) {
          if (s >= 0 && s < capacity) arrived[client].compareAndSet((int) s, 0, nanos);
        }
        covered[client][t] = Math.max(covered[client][t], seq);
      });
      int[] seq = {0};
      load.paced(h.vertx, sizes.latencyRate(), () -> probe(prefix, seq[0]++), (rec, nanos) -> {
        String key = rec.key();
        acked.set(Integer.parseInt(key), nanos);
      });
      Thread.sleep(sizes.latencyWarmupSeconds() * 1000L);
      int from = seq[0];
      Thread.sleep(sizes.latencySeconds() * 1000L);
      int to = seq[0];
      load.stop();
      awaitDrained(acked, arrived[0], from, to);
      long[] ms = new long[(to - from) * sampled];
      int n = 0;
      long missing = 0;
      for (int s = from; s < to && s < capacity; s++) {
        long ack = acked.get(s);
        if (ack == 0) continue;
        for (int c = 0; c < sampled; c++) {
          long at = arrived[c].get(s);
          if (at == 0) missing++;
          else ms[n++] = Math.max(0, at - ack) / 1_000_000;
        }
      }
      long[] sorted = Arrays.copyOf(ms, n);
      Arrays.sort(sorted);
      if (n == 0) {
        throw new IllegalStateException("latency (" + run + "): no delivery measured; " + load.accepted + " accepted, " + load.refused
            + " refused, " + load.failed + " failed; " + screens.messages + " messages at the screens");
      }
      return new Result(sorted, missing, to - from);
    }
  }

  /** Until the first sampled screen has every acknowledged event of the window, at most 10 s. */
  private static void awaitDrained(AtomicLongArray acked, AtomicLongArray arrived, int from, int to) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Thread.sleep(500);
    for (int s = from; s < to && s < arrived.length(); s++) {
      while (acked.get(s) != 0 && arrived.get(s) == 0 && System.nanoTime() < deadline) Thread.sleep(20);
    }
  }

  /** Probe result number {@code seq}: the targets take turns; the record key carries the sequence for the ack callback. */
  private BenchEvents.Rec probe(String prefix, int seq) {
    Target t = targets.get(seq % targets.size());
    JsonObject body = new JsonObject().put("id", prefix + seq).put("source", "agent:bench")
        .put("data", new JsonObject().put("target", t.id()).put("status", "up").put("latencyMs", 20 + seq % 300).put("detail", "seq:" + seq));
    return new BenchEvents.Rec("examops.monitoring", String.valueOf(seq), body.encode().getBytes(StandardCharsets.UTF_8), "/api/v1/monitoring");
  }
}
