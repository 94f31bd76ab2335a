package examops.report;

import examops.board.BoardState;
import examops.board.Checkpoint;
import examops.board.PastBoards;
import examops.province.Province;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates reports off the event loop, one at a time on a worker of their own (a report reads the
 * whole log; two at once would only share the same two cores), and keeps the latest jobs so their
 * progress and results can be asked for. A request for a period already being generated joins that job.
 */
public final class ReportJobs {

  /** Finished jobs kept for their results; the oldest go first. */
  static final int KEEP = 16;
  /** Reading the log is most of the work; building the tables the rest. */
  static final int READ_SHARE = 95;

  private static final Logger LOG = LoggerFactory.getLogger(ReportJobs.class);

  private final WorkerExecutor worker;
  private final Province province;
  private final PastBoards past;
  private final Clock clock;
  private final Map<String, ReportJob> jobs = new LinkedHashMap<>();
  private final Map<String, ReportJob> running = new LinkedHashMap<>();

  public ReportJobs(WorkerExecutor worker, PastBoards past, Clock clock) {
    this.worker = worker;
    this.province = past.province();
    this.past = past;
    this.clock = clock;
  }

  /** Starts the job for this period, or returns the one already generating it. */
  public synchronized ReportJob start(ReportWindow window) {
    String key = window.from() + "/" + window.to();
    ReportJob same = running.get(key);
    if (same != null) return same;
    ReportJob job = new ReportJob(UUID.randomUUID().toString(), window, clock.instant());
    jobs.put(job.id(), job);
    running.put(key, job);
    evictFinished();
    worker.executeBlocking(() -> generate(job), false).onComplete(r -> {
      synchronized (this) {
        running.remove(key);
      }
      if (r.succeeded()) {
        job.done(r.result());
      } else {
        LOG.error("Report {} for {} failed", job.id(), key, r.cause());
        job.failed(String.valueOf(r.cause().getMessage()));
      }
    });
    return job;
  }

  public synchronized Optional<ReportJob> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /**
   * The board as the log stands now (the newest checkpoint and the log after it) is the ledger when
   * nothing in it happened at or after the period's end, which is the case for any period that ends
   * after the latest event (the whole window, today). Otherwise the log is folded from the newest
   * checkpoint holding only events that happened before the period's end (from its beginning when
   * there is none), leaving out what happened after the period: a report for a past day reads the log
   * from that day's end on, not from the window's beginning.
   */
  private JsonObject generate(ReportJob job) {
    ReportWindow window = job.window();
    PastBoards.Rebuilt now = past.at(null, (done, total) -> job.progress(percent(done, total), done, total));
    ReportLedger ledger = ReportLedger.of(now.state(), window.toInstant()).orElseGet(() -> {
      Optional<Checkpoint.Opened> start = past.checkpointHappenedBefore(window.toInstant());
      LOG.info("Report {}: the log has events after the period's end; reading it from {}", job.id(),
          start.map(o -> "a checkpoint of " + o.checkpoint().records() + " records").orElse("the beginning"));
      Optional<ReportLedger> fromCheckpoint = start.flatMap(o -> ReportLedger.of(o.state(), window.toInstant()));
      ReportLedger folded = fromCheckpoint.orElseGet(() -> new ReportLedger(province, window.toInstant()));
      past.after(fromCheckpoint.isPresent() ? start.get().checkpoint().positions() : Map.of(), folded::apply,
          () -> folded.state().deadLettered(1), (done, total) -> job.progress(percent(done, total), done, total));
      return folded;
    });
    BoardState s = ledger.state();
    long records = s.version() + s.duplicates() + s.refused() + s.deadLettered() + ledger.outside();
    JsonObject seen = new JsonObject().put("records", records).put("valid", records - s.deadLettered())
        .put("refused", s.deadLettered()).put("applied", ledger.applied());
    return KpiReport.build(province, ledger, window, seen, clock.instant());
  }

  private static int percent(long done, long total) {
    return (int) (total <= 0 ? READ_SHARE : Math.min(100, done * 100 / total) * READ_SHARE / 100);
  }

  private void evictFinished() {
    var it = jobs.values().iterator();
    while (jobs.size() > KEEP && it.hasNext()) {
      if (it.next().state() != ReportJob.State.RUNNING) it.remove();
    }
  }
}
