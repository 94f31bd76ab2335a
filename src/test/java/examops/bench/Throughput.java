package examops.bench;

import examops.board.Board;
import examops.board.BoardVerticle;
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

      t0 = System.nanoTime();
      RawKafka.consumeAll(bootstrap, sizes.backlog());
      double rawSec = seconds(t0);

      Vertx vertx = Vertx.vertx();
      try {
        Clock clock = Clock.fixed(Instant.parse("2020-08-09T00:00:00Z"), ZoneOffset.UTC);
        Board board = new Board(new BoardView(province), clock);
        // A lone node holds the lease at once, as examops.Main's does (only the holder writes dead letters).
        Lease lease = new Lease(vertx, "examops.lease.rules", "bench-pipeline");
        BoardVerticle verticle = new BoardVerticle(board, bootstrap, "bench-pipeline", new EventValidator(), new ReferenceCheck(province), lease);
        t0 = System.nanoTime();
        HttpLoad.await(vertx.deployVerticle(verticle));
        lease.start();
        while (!board.caughtUp()) Thread.sleep(1);
        double appSec = seconds(t0);
        long applied = board.appliedVersion();
        if (applied != sizes.backlog()) {
          throw new IllegalStateException("the board applied " + applied + " of " + sizes.backlog() + " backlog events");
        }
        double rate = sizes.backlog() / appSec;
        double raw = sizes.backlog() / rawSec;
        report.add(new Report.Row("1. Pipeline throughput", "events applied to the board /s", rate, "ev/s",
            "raw KafkaConsumer records/s", raw, "≥ 0.5× raw, ≥ 100,000 ev/s", rate >= 0.5 * raw && rate >= 100_000,
            String.format(java.util.Locale.ROOT, "%,d events (%.0f B JSON on average, 55%% probe results, 25%% check-ins, 12%% publishing, "
                + "8%% incidents); from deploying a fresh board (log reader: poll, validate, reference check) until it is caught up",
                sizes.backlog(), (double) bytes / sizes.backlog())));
      } finally {
        HttpLoad.await(vertx.close());
      }
    } finally {
      kafka.close();
    }
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
