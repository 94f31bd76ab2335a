package examops.report;

import examops.board.Board;
import examops.board.ReferenceCheck;
import examops.event.EventValidator;
import examops.board.PastBoards;
import examops.kafka.RecordDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The report API (see README, "Report"):
 * <ul>
 *   <li>{@code GET /api/v1/report[?from=&to=][&format=csv[&table=][&lang=]]}: generates and answers
 *       when done (JSON, CSV, or with {@code format=pdf|docx} the official document);</li>
 *   <li>{@code POST /api/v1/reports[?from=&to=]}: starts a job, 202 with its status;</li>
 *   <li>{@code GET /api/v1/reports/{id}}: its progress, and the report once done
 *       ({@code ?format=csv} the CSV; {@code ?format=pdf} or {@code docx} the official document for the
 *       Steering Committee, {@code &lang=vi|en}).</li>
 * </ul>
 * Generation runs on a worker of its own, never on the event loop.
 */
public final class ReportRoutes {

  /** A report that reads a long log may take minutes; past this the worker is reported as blocked. */
  static final long MAX_GENERATION_MINUTES = 15;

  static final java.util.Set<String> FORMATS = java.util.Set.of("json", "csv", "pdf", "docx");
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportRoutes.class);

  private final ReportJobs jobs;
  private final Board board;

  private ReportRoutes(ReportJobs jobs, Board board) {
    this.jobs = jobs;
    this.board = board;
  }

  /** Adds the report routes to the node's router; call it before the router's catch-all for /api. */
  public static void mount(Router router, Vertx vertx, Board board, PastBoards past) {
    var worker = vertx.createSharedWorkerExecutor("examops-report", 1, MAX_GENERATION_MINUTES, TimeUnit.MINUTES);
    ReportRoutes routes = new ReportRoutes(new ReportJobs(worker, past, board.clock()), board);
    router.get("/api/v1/report").handler(routes::report);
    router.post("/api/v1/reports").handler(routes::startJob);
    router.get("/api/v1/reports/:id").handler(routes::job);
  }

  private void report(RoutingContext ctx) {
    ReportWindow window = window(ctx, ctx.queryParams().get("from"), ctx.queryParams().get("to"));
    if (window == null || !validFormat(ctx)) return;
    jobs.start(window).finished().onSuccess(job -> answer(ctx, job));
  }

  private void startJob(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String from = ctx.queryParams().contains("from") ? ctx.queryParams().get("from") : body.getString("from");
    String to = ctx.queryParams().contains("to") ? ctx.queryParams().get("to") : body.getString("to");
    ReportWindow window = window(ctx, from, to);
    if (window == null) return;
    ReportJob job = jobs.start(window);
    ctx.response().setStatusCode(202).putHeader("location", "/api/v1/reports/" + job.id());
    json(ctx, job.status());
  }

  private void job(RoutingContext ctx) {
    var job = jobs.job(ctx.pathParam("id"));
    if (job.isEmpty()) {
      problem(ctx, 404, "id", "no report job '" + ctx.pathParam("id") + "' (jobs are kept for a while, then forgotten)");
      return;
    }
    if (!validFormat(ctx)) return;
    ReportJob j = job.get();
    if (j.state() == ReportJob.State.RUNNING) {
      json(ctx, j.status());
    } else if (ctx.queryParams().get("format") != null && !"json".equals(ctx.queryParams().get("format")) || j.state() == ReportJob.State.FAILED) {
      answer(ctx, j);
    } else {
      json(ctx, j.status().put("report", j.report()));
    }
  }

  private void answer(RoutingContext ctx, ReportJob job) {
    if (job.state() == ReportJob.State.FAILED) {
      problem(ctx, 500, null, "the report could not be generated: " + job.error());
      return;
    }
    String format = ctx.queryParams().get("format");
    if ("pdf".equals(format) || "docx".equals(format)) {
      document(ctx, job, format);
      return;
    }
    if (!"csv".equals(format)) {
      json(ctx, job.report());
      return;
    }
    String csv;
    try {
      csv = ReportCsv.write(job.report(), ctx.queryParams().get("table"), ctx.queryParams().get("lang"));
    } catch (ReportWindow.BadParameter e) {
      problem(ctx, 400, e.parameter(), e.getMessage());
      return;
    }
    String table = ctx.queryParams().get("table");
    ctx.response().putHeader("content-type", "text/csv; charset=utf-8")
        .putHeader("content-disposition", "attachment; filename=\"" + fileName(job, table) + "\"")
        .putHeader("cache-control", "no-store").end(csv);
  }

  /** The official document, laid out off the event loop (a PDF with its fonts takes a few hundred ms). */
  private void document(RoutingContext ctx, ReportJob job, String format) {
    String lang = ctx.queryParams().get("lang");
    if (lang != null && !lang.equals("vi") && !lang.equals("en")) {
      problem(ctx, 400, "lang", "lang must be vi or en, not '" + lang + "'");
      return;
    }
    String language = lang == null ? "vi" : lang;
    ctx.vertx().executeBlocking(() -> {
      OfficialDocument doc = SteeringDocument.build(board.province(), job.report(), language);
      return "pdf".equals(format) ? PdfExport.write(doc) : DocxExport.write(doc);
    }, false).onSuccess(bytes -> ctx.response()
        .putHeader("content-type", "pdf".equals(format) ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .putHeader("content-disposition", "attachment; filename=\"" + fileName(job, null).replace(".csv", "-" + language + "." + format) + "\"")
        .putHeader("cache-control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(bytes)))
      .onFailure(e -> {
        LOG.error("Report {}: the {} document could not be made", job.id(), format, e);
        problem(ctx, 500, null, "the " + format + " document could not be made: " + e.getMessage());
      });
  }

  private String fileName(ReportJob job, String table) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    return "examops-report-" + board.province().id() + "-" + job.window().from().format(f) + "-" + job.window().to().format(f)
        + (table == null || table.isBlank() ? "" : "-" + table) + ".csv";
  }

  private ReportWindow window(RoutingContext ctx, String from, String to) {
    try {
      return ReportWindow.parse(from, to, board.province(), board.clock().instant());
    } catch (ReportWindow.BadParameter e) {
      problem(ctx, 400, e.parameter(), e.getMessage());
      return null;
    }
  }

  private boolean validFormat(RoutingContext ctx) {
    String format = ctx.queryParams().get("format");
    if (format == null || FORMATS.contains(format)) return true;
    problem(ctx, 400, "format", "format must be json, csv, pdf or docx, not '" + format + "'");
    return false;
  }

  /**
   * The optional body of a job request. A POST without a body (what the pages send) reads as no body
   * at all: {@code RequestBody} answers null then, whatever its length says, so null means empty too.
   */
  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException notJson) {
      return new JsonObject();
    }
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").putHeader("cache-control", "no-store")
        .end(body.encode());
  }

  /** The same error shape as the rest of the API: {@code {"error", "field", "status"}}. */
  private static void problem(RoutingContext ctx, int status, String field, String message) {
    JsonObject body = new JsonObject().put("error", message).put("status", status);
    if (field != null) body.put("field", field);
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(body.encode());
  }
}
