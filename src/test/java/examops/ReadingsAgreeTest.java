package examops;

import examops.testing.TopicRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import examops.board.BoardState;
import examops.board.BoardView;
import examops.board.Change;
import examops.event.Event;
import examops.event.EventCodec;
import examops.event.EventValidator;
import examops.kafka.LogCut;
import examops.kafka.RecordDecoder;
import examops.province.Province;
import examops.report.KpiReport;
import examops.report.ReportLedger;
import examops.report.ReportWindow;
import examops.testing.GeneratedLog;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every reading of one log agrees: the live board, the board after a restart (from a checkpoint and
 * the log after it), time travel to now and to the middle of the log (from the nearest checkpoint),
 * a full replay from offset zero, and the report. The log is generated (every stream, topics
 * interleaved, retries, reused ids, stragglers) and written straight to the broker in pieces while
 * the node reads, as outside producers would.
 */
@Tier.Broker
class ReadingsAgreeTest {

  static final Instant NOW = Instant.parse("2020-08-10T00:00:00Z");
  static final int EVENTS = 6_000;

  @Test
  @DisplayName("live, restart, time travel, full replay and the report read one generated log the same way")
  void readingsAgree() throws Exception {
    TestNode node = TestNode.start(Files.createTempDirectory("examops-readings"), new TestClock(NOW),
        Map.of("EXAMOPS_CHECKPOINT_RECORDS", "1500", "EXAMOPS_CHECKPOINT_EVERY", "PT1S"));
    try {
      Province province = node.node().province();
      List<Event> log = GeneratedLog.of(province, 42, EVENTS);
      writeInPieces(node, log, 500); // the reader catches up between the pieces: checkpoints fall inside the log

      BoardView view = new BoardView(province);
      JsonObject live = node.board();
      JsonObject full = view.snapshot(replay(node, null), NOW);
      assertThat(live).as("live board = full replay").isEqualTo(full);

      JsonObject travelled = travel(node, NOW);
      assertThat(travelled.getJsonObject("replay").getLong("fromCheckpoint")).as("time travel starts from a checkpoint").isPositive();
      travelled.remove("replay");
      assertThat(travelled).as("?at=now = live board").isEqualTo(live);

      Instant middle = log.get(EVENTS / 2).receivedAt();
      JsonObject past = travel(node, middle);
      past.remove("replay");
      assertThat(past).as("?at=the middle = full replay up to the middle")
          .isEqualTo(view.snapshot(replay(node, middle), middle));

      JsonObject report = node.get("/api/v1/report").json();
      assertThat(withoutGeneratedAt(report)).as("report from the checkpoint = report by full scan")
          .isEqualTo(withoutGeneratedAt(fullScanReport(node, null)));

      // The newest checkpoint cannot be read (a disk bit flipped, a future version wrote it): it is skipped.
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", node.bootstrapServers()),
          new StringSerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>("examops.checkpoints", 0, NOW.toEpochMilli(), "checkpoint/corrupt",
            "not a checkpoint".getBytes(StandardCharsets.UTF_8))).get();
      }
      TestNode restarted = node.restart();
      node = restarted;
      assertThat(node.get("/health").json().getJsonObject("replay").getLong("fromCheckpoint"))
          .as("the restart started from a checkpoint").isPositive();
      assertThat(node.board()).as("board after restart = live board before it").isEqualTo(live);
    } finally {
      node.close();
    }
  }

  @Test
  @DisplayName("a report for a period that ended before the latest event starts from a checkpoint and equals the full scan")
  void pastPeriodReport() throws Exception {
    // After the window: the rules are quiet, so nothing the node writes itself happens later than the log's events.
    Instant after = examops.province.ProvinceLoader.loadDefault().window().end().plus(Duration.ofDays(30));
    TestNode node = TestNode.start(Files.createTempDirectory("examops-past-report"), new TestClock(after),
        Map.of("EXAMOPS_CHECKPOINT_RECORDS", "1500", "EXAMOPS_CHECKPOINT_EVERY", "PT1S"));
    try {
      Province province = node.node().province();
      List<Event> log = GeneratedLog.of(province, 7, EVENTS);
      writeInPieces(node, log, 1_500); // caught up and checkpointed between the pieces
      long records = records(node);

      for (int at : new int[] {3 * EVENTS / 4, EVENTS / 10}) {
        String end = OffsetDateTime.ofInstant(log.get(at).atInstant(), ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.MINUTES).toString();
        String query = "?to=" + URLEncoder.encode(end, StandardCharsets.UTF_8);
        JsonObject report = node.get("/api/v1/report" + query).json();
        assertThat(withoutGeneratedAt(report)).as("report up to " + end + " = the same period by full scan")
            .isEqualTo(withoutGeneratedAt(fullScanReport(node, end, after)));
        String job = node.post("/api/v1/reports" + query, "").json().getString("id");
        JsonObject done = await().atMost(Duration.ofSeconds(60)).until(() -> node.get("/api/v1/reports/" + job).json(),
            j -> "done".equals(j.getString("state")));
        long read = done.getJsonObject("progress").getLong("of");
        if (at > EVENTS / 2) {
          // Checkpoints come every 1,500 records at most (and once a piece is caught up): one covering at least that many,
          // all of which happened before the end, is where the reading starts.
          assertThat(read).as("records read for the period up to " + end + ", of " + records).isPositive()
              .isLessThanOrEqualTo(records - 1_500);
        } else {
          assertThat(read).as("an early period: from the beginning, or a checkpoint of the first records").isLessThanOrEqualTo(records);
        }
      }
    } finally {
      node.close();
    }
  }

  /** The log in three pieces, {@code pauseMs} apart, then until the node has applied it all. */
  private static void writeInPieces(TestNode node, List<Event> log, long pauseMs) throws InterruptedException {
    write(node, log.subList(0, EVENTS / 3));
    Thread.sleep(pauseMs);
    write(node, log.subList(EVENTS / 3, 2 * EVENTS / 3));
    Thread.sleep(pauseMs);
    write(node, log.subList(2 * EVENTS / 3, EVENTS));
    awaitQuiet(node);
  }

  private static void write(TestNode node, List<Event> events) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", node.bootstrapServers(),
        "acks", "all", "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
      for (Event e : events) producer.send(new ProducerRecord<>(e.topic(), e.key(), EventCodec.encode(e).getBytes()));
    }
  }

  /** Until the board has applied every record of the event topics and the rules have written what they would. */
  private static void awaitQuiet(TestNode node) {
    AtomicLong last = new AtomicLong(-1);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
      JsonObject stats = node.board().getJsonObject("stats");
      long applied = stats.getLong("events") + stats.getLong("duplicates") + stats.getLong("refused") + stats.getLong("dlq");
      boolean quiet = applied == last.getAndSet(applied) && applied == records(node);
      return quiet;
    });
  }

  private static long records(TestNode node) {
    // Counted by reading, not from end offsets: the lease holder writes in transactions, whose markers take offsets too.
    return TopicRecords.countEvents(node.bootstrapServers());
  }

  /** The whole log read from offset zero, no checkpoint, up to {@code until} (everything when null). */
  private static BoardState replay(TestNode node, Instant until) {
    Province province = node.node().province();
    BoardState state = new BoardState(province);
    Set<Change> ignored = new HashSet<>();
    new LogCut(node.bootstrapServers(), decoder(province)).read("test-replay", Map.of(), until, e -> {
      state.apply(e, ignored);
      ignored.clear();
    }, () -> state.deadLettered(1), (done, total) -> { });
    return state;
  }

  private static JsonObject fullScanReport(TestNode node, String to) {
    return fullScanReport(node, to, NOW);
  }

  private static JsonObject fullScanReport(TestNode node, String to, Instant now) {
    Province province = node.node().province();
    ReportWindow window = ReportWindow.parse(null, to, province, now);
    ReportLedger ledger = new ReportLedger(province, window.toInstant());
    new LogCut(node.bootstrapServers(), decoder(province)).read("test-report", Map.of(), null, ledger::apply,
        () -> ledger.state().deadLettered(1), (done, total) -> { });
    BoardState s = ledger.state();
    long records = s.version() + s.duplicates() + s.refused() + s.deadLettered() + ledger.outside();
    JsonObject seen = new JsonObject().put("records", records).put("valid", records - s.deadLettered())
        .put("refused", s.deadLettered()).put("applied", ledger.applied());
    return KpiReport.build(province, ledger, window, seen, now);
  }

  private static RecordDecoder decoder(Province province) {
    return new RecordDecoder(new EventValidator(), new examops.board.ReferenceCheck(province)::problem);
  }

  private static JsonObject travel(TestNode node, Instant at) {
    TestNode.Response r = node.get("/api/v1/board?at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonObject withoutGeneratedAt(JsonObject report) {
    JsonObject copy = report.copy();
    copy.remove("generatedAt");
    return copy;
  }
}
