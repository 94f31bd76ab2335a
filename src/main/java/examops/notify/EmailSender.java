package examops.notify;

import examops.config.NotifyConfig;
import examops.vocabulary.DeliveryChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.List;

/** Email over SMTP; the mail is sent once the server has accepted it for every recipient. */
final class EmailSender implements Sender {

  static final int CONNECT_TIMEOUT_MS = 10_000;
  /**
   * How long an idle connection is kept for the next mail. Servers drop idle clients sooner than the
   * client's default 5 minutes (30 s for some), and a mail sent on a connection the server has
   * given up answers 421 after a wait, then waits for the retry: alerts come in bursts, so a short
   * keep-alive keeps the reuse that matters and never meets a stale connection.
   */
  static final int KEEP_ALIVE_SECONDS = 20;

  private final MailClient client;
  private final String from;

  EmailSender(Vertx vertx, NotifyConfig.Smtp smtp) {
    this.client = MailClient.create(vertx, config(smtp));
    this.from = smtp.from();
  }

  static MailConfig config(NotifyConfig.Smtp smtp) {
    MailConfig c = new MailConfig().setHostname(smtp.host()).setPort(smtp.port()).setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_SECONDS);
    switch (smtp.tls()) {
      case OFF -> c.setStarttls(StartTLSOptions.DISABLED);
      case STARTTLS -> c.setStarttls(StartTLSOptions.REQUIRED);
      case TLS -> c.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
    }
    if (smtp.user() != null) c.setLogin(LoginOption.REQUIRED).setUsername(smtp.user()).setPassword(smtp.password());
    else c.setLogin(LoginOption.DISABLED);
    return c;
  }

  @Override
  public DeliveryChannel channel() {
    return DeliveryChannel.EMAIL;
  }

  @Override
  public Future<Void> send(Delivery d) {
    MailMessage m = new MailMessage().setFrom(from).setTo(List.of(d.contact().email()))
        .setSubject(d.subject()).setText(d.body());
    m.setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add(WebhookSignature.ID_HEADER, d.id()));
    return client.sendMail(m).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
