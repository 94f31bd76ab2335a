package examops.notify;

import examops.config.NotifyConfig;
import examops.vocabulary.DeliveryChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/**
 * The generic webhook: the notification as JSON, POSTed and signed (see {@link WebhookSignature}),
 * for a province's SMS gateway or messaging app. Any 2xx answer means delivered.
 */
final class WebhookSender implements Sender {

  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final long REQUEST_TIMEOUT_MS = 10_000;

  private final HttpClient client;
  private final NotifyConfig.Webhook webhook;
  private final Clock wallClock;
  private final String boardUrl;

  /** @param wallClock real time for the timestamp header (the receiver checks it against its own clock) */
  WebhookSender(Vertx vertx, NotifyConfig.Webhook webhook, Clock wallClock, String boardUrl) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
    this.webhook = webhook;
    this.wallClock = wallClock;
    this.boardUrl = boardUrl;
  }

  @Override
  public DeliveryChannel channel() {
    return DeliveryChannel.WEBHOOK;
  }

  @Override
  public Future<Void> send(Delivery d) {
    String body = payload(d, boardUrl).encode();
    long ts = wallClock.instant().getEpochSecond();
    RequestOptions req = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(webhook.url())
        .setIdleTimeout(REQUEST_TIMEOUT_MS)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(ts))
        .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), ts, body))
        .putHeader(WebhookSignature.ID_HEADER, d.id());
    return client.request(req)
        .compose(r -> r.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().compose(b -> resp.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
            : Future.failedFuture("HTTP " + resp.statusCode() + " from the webhook")));
  }

  /** The JSON the webhook receives; {@code text} is ready to send as one SMS. */
  static JsonObject payload(Delivery d, String boardUrl) {
    Notice n = d.notice();
    return new JsonObject().put("notificationId", d.id()).put("alertId", n.id()).put("rule", n.rule())
        .put("subject", n.subject()).put("severity", n.severity().wireName()).put("district", n.district())
        .put("reminder", d.reminder()).put("raisedAt", n.raisedAt().toString())
        .put("recipient", new JsonObject().put("id", d.contact().id()).put("name", d.contact().name().in(d.contact().language()))
            .put("phone", d.contact().phone()).put("email", d.contact().email()).put("language", d.contact().language()))
        .put("text", d.text()).put("message", n.message()).put("messageEn", n.messageEn()).put("board", boardUrl);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
