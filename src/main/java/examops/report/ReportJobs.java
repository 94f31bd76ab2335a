package examops.report;

import examops.kafka.LogSnapshot;
import examops.kafka.ReplayProgress;
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
  private final LogSnapshot log;
  private final Clock clock;
  private final Map<String, ReportJob> jobs = new LinkedHashMap<>();
  private final Map<String, ReportJob> running = new LinkedHashMap<>();

  public ReportJobs(WorkerExecutor worker, Province province, LogSnapshot log, Clock clock) {
    this.worker = worker;
    this.province = province;
    this.log = log;
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

  private JsonObject generate(ReportJob job) {
    ReportWindow window = job.window();
    ReportLedger ledger = new ReportLedger(province, window.toInstant());
    LogSnapshot.Summary read = log.read(ledger::apply, p -> job.progress(readPercent(p), p.done(), Math.max(p.total(), 0)));
    JsonObject seen = new JsonObject().put("records", read.total()).put("valid", read.applied())
        .put("refused", read.refused()).put("applied", ledger.applied());
    return KpiReport.build(province, ledger, window, seen, clock.instant());
  }

  private static int readPercent(ReplayProgress p) {
    return p.percent() * READ_SHARE / 100;
  }

  private void evictFinished() {
    var it = jobs.values().iterator();
    while (jobs.size() > KEEP && it.hasNext()) {
      if (it.next().state() != ReportJob.State.RUNNING) it.remove();
    }
  }
}
