package examops.notify;

import examops.config.NotifyConfig;
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

  private final MailClient client;
  private final String from;

  EmailSender(Vertx vertx, NotifyConfig.Smtp smtp) {
    this.client = MailClient.create(vertx, config(smtp));
    this.from = smtp.from();
  }

  static MailConfig config(NotifyConfig.Smtp smtp) {
    MailConfig c = new MailConfig().setHostname(smtp.host()).setPort(smtp.port()).setConnectTimeout(CONNECT_TIMEOUT_MS)
        .setKeepAlive(true);
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
