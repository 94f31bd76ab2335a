package examops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 2: accepted ingest requests per second (202 only after the Kafka ack), driven by wrk when
 * it is installed (else by an in-process Vert.x client), beside Kafka's raw producer with the same
 * durability settings sending the same kind of records to the same broker.
 */
final class Ingest {

  private final Benchmarks.Sizes sizes;
  private final Children.NodeProcess node;
  private final Children.Harness h;
  private final Report report;

  Ingest(Benchmarks.Sizes sizes, Children.NodeProcess node, Children.Harness h, Report report) {
    this.sizes = sizes;
    this.node = node;
    this.h = h;
    this.report = report;
  }

  void run() throws Exception {
    var province = examops.province.ProvinceLoader.loadDefault();
    long before = acceptedSoFar();
    String generator;
    double seconds;
    long non2xx;
    if (wrkInstalled()) {
      Path script = writeScript(province);
      int threads = Math.min(2, sizes.ingestConnections());
      wrk(threads, sizes.ingestSeconds(), script); // warm-up: a fresh node's JIT has not compiled the path yet
      before = acceptedSoFar();
      String out = wrk(threads, sizes.ingestSeconds(), script);
      Matcher m = Pattern.compile("(\\d+) requests in ([\\d.]+)(ms|s|m)").matcher(out);
      if (!m.find()) throw new IllegalStateException("cannot read wrk's output:\n" + out);
      seconds = Double.parseDouble(m.group(2)) * switch (m.group(3)) { case "ms" -> 0.001; case "m" -> 60; default -> 1; };
      Matcher bad = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
      non2xx = bad.find() ? Long.parseLong(bad.group(1)) : 0;
      generator = "wrk " + threads + " threads, " + sizes.ingestConnections() + " connections (Lua script, unique ids), after a " + sizes.ingestSeconds() + " s warm-up";
    } else {
      BenchEvents events = new BenchEvents(province, "ingest", 2);
      try (HttpLoad load = new HttpLoad(h.vertx, node.httpPort, h.token, sizes.ingestConnections())) {
        load.closedLoops(sizes.ingestConnections(), () -> events.nextIngest());
        Thread.sleep(sizes.ingestSeconds() * 1000L); // warm-up
        before = acceptedSoFar();
        long t0 = System.nanoTime();
        Thread.sleep(sizes.ingestSeconds() * 1000L);
        load.stop();
        seconds = Throughput.seconds(t0);
        Thread.sleep(500);
        non2xx = load.refused.get() + load.failed.get();
      }
      generator = "in-process Vert.x HttpClient, " + sizes.ingestConnections() + " connections (wrk not installed), after a warm-up";
    }
    accepted = acceptedSoFar() - before;
    if (accepted == 0) throw new IllegalStateException("ingest: nothing accepted");
    rate = accepted / seconds;
    note = String.format(Locale.ROOT, "%s for %.1f s: %,d accepted, %,d not 2xx; 70%% probe results, 30%% check-ins",
        generator, seconds, accepted, non2xx);
  }

  private long accepted;
  private double rate;
  private String note;

  /**
   * The baseline, once the node's other benchmarks are done: the records it writes are applied by
   * the node too, and their sender times run ahead of the node's clock.
   */
  void baseline() throws Exception {
    var province = examops.province.ProvinceLoader.loadDefault();
    int n = (int) Math.min(Math.max(accepted, 20_000), 200_000);
    BenchEvents same = new BenchEvents(province, "raw-producer", 3);
    List<BenchEvents.Rec> records = new ArrayList<>(n);
    for (int i = 0; i < n; i++) records.add(same.nextIngest());
    RawKafka.produce("127.0.0.1:" + node.kafkaPort, records.subList(0, n / 10)); // warm-up, as the HTTP side had
    long t0 = System.nanoTime();
    RawKafka.produce("127.0.0.1:" + node.kafkaPort, records);
    double raw = n / Throughput.seconds(t0);
    report.add(new Report.Row("2. HTTP ingest", "accepted (202 after ack) req/s", rate, "req/s",
        "raw KafkaProducer acks=all, idempotent, rec/s", raw, "≥ 5,000 req/s", rate >= 5_000,
        note + String.format(Locale.ROOT, "; the baseline sent %,d such records to the node's broker", n)));
  }

  private String wrk(int threads, int seconds, Path script) throws Exception {
    Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + sizes.ingestConnections(), "-d" + seconds + "s",
        "-s", script.toString(), "http://127.0.0.1:" + node.httpPort).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes());
    wrk.waitFor(seconds + 60L, TimeUnit.SECONDS);
    return out;
  }

  static boolean wrkInstalled() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return false;
    }
  }

  private long acceptedSoFar() throws Exception {
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url("/metrics"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    long sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("examops_ingest_accepted_total{")) sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    return sum;
  }

  /** wrk's request script: 70% probe results, 30% check-ins, each id unique per thread and run. */
  private Path writeScript(examops.province.Province province) throws Exception {
    String targets = String.join(",", province.targets().stream().map(t -> "\"" + t.id() + "\"").toList());
    String districts = String.join(",", province.districts().stream().map(d -> "\"" + d.id() + "\"").toList());
    String lua = """
        local targets = {%s}
        local districts = {%s}
        local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"}
        local counter = 1
        function setup(thread)
          thread:set("tid", counter)
          counter = counter + 1
        end
        function init(args)
          n = 0
          prefix = "wrk-%d-" .. tid .. "-"
        end
        function request()
          n = n + 1
          local id = prefix .. n
          if n %% 10 < 7 then
            local t = targets[(n %% #targets) + 1]
            local body = '{"id":"' .. id .. '","type":"probe.result","source":"agent:nms-vnpt","data":{"target":"' .. t .. '","status":"up","latencyMs":' .. (20 + n %% 400) .. ',"detail":"HTTP 200"}}'
            return wrk.format("POST", "/api/v1/monitoring", headers, body)
          end
          local d = districts[(n %% #districts) + 1]
          local body = '{"id":"' .. id .. '","type":"checkin.submitted","source":"district:' .. d .. '","district":"' .. d .. '","data":{"status":"ok","phone":"ok","fax":"ok","internet":"ok","note":"Bình thường"}}'
          return wrk.format("POST", "/api/v1/checkins", headers, body)
        end
        """.formatted(targets, districts, h.token, System.currentTimeMillis());
    Path file = Files.createTempFile("examops-ingest", ".lua");
    Files.writeString(file, lua);
    file.toFile().deleteOnExit();
    return file;
  }
}
