package examops.report;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One report being generated: its progress while the log is read, then the report or the failure.
 * Written by the generating worker, read by HTTP handlers: the fields are volatile and each is set once
 * (the progress many times).
 */
public final class ReportJob {

  public enum State { RUNNING, DONE, FAILED }

  private final String id;
  private final ReportWindow window;
  private final Instant createdAt;
  private volatile State state = State.RUNNING;
  private volatile int percent;
  private volatile long records;
  private volatile long of;
  private volatile JsonObject report;
  private volatile String error;
  private final Promise<ReportJob> finished = Promise.promise();

  ReportJob(String id, ReportWindow window, Instant createdAt) {
    this.id = id;
    this.window = window;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public ReportWindow window() {
    return window;
  }

  public State state() {
    return state;
  }

  public JsonObject report() {
    return report;
  }

  public String error() {
    return error;
  }

  Instant createdAt() {
    return createdAt;
  }

  void progress(int percent, long records, long of) {
    this.percent = percent;
    this.records = records;
    this.of = of;
  }

  void done(JsonObject report) {
    this.report = report;
    this.percent = 100;
    this.state = State.DONE;
    finished.complete(this);
  }

  void failed(String error) {
    this.error = error;
    this.state = State.FAILED;
    finished.complete(this);
  }

  /** Completes (never fails) when the job is done or has failed. */
  public Future<ReportJob> finished() {
    return finished.future();
  }

  /** The job's status document, without the report itself. */
  public JsonObject status() {
    return new JsonObject().put("id", id).put("state", state.name().toLowerCase())
        .put("progress", new JsonObject().put("percent", percent).put("records", records).put("of", of))
        .put("period", new JsonObject().put("from", window.from().toString()).put("to", window.to().toString()))
        .put("error", error);
  }
}
