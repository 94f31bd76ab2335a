package examops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import examops.config.NotifyConfig;
import examops.event.Event;
import examops.event.EventType;
import examops.notification.Notification;
import examops.notification.NotificationBook;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.DeliveryChannel;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the notifier decides to deliver, from the notices and the log. Pure. */
@Tier.Unit
class NotificationPlannerTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private static final Instant ONSET = Instant.parse("2020-08-09T00:35:00Z"); // 07:35 in An Giang
  private final NotificationBook book = new NotificationBook();
  private int seq;

  private NotificationPlanner planner(NotifyConfig.QuietHours quiet) {
    return new NotificationPlanner(new Router(PROVINCE), new Templates(PROVINCE, null),
        new NotificationPlanner.Policy(quiet, Duration.ofMinutes(30), Duration.ofMinutes(30)),
        EnumSet.of(DeliveryChannel.EMAIL, DeliveryChannel.WEBHOOK));
  }

  private static Notice portalDown(Instant since, Severity severity) {
    return new Notice("target-down:province.portal:" + since.getEpochSecond(), "target-down", "province/portal", null,
        severity, IncidentCategory.OUTAGE, "Cổng thông tin điện tử tỉnh mất kết nối", "Portal down", since.plusSeconds(180),
        severity == Severity.CRITICAL);
  }

  private void record(Delivery d, EventType type, int attempt, boolean last) {
    JsonObject data = new JsonObject().put("notificationId", d.id()).put("alertId", d.notice().id())
        .put("rule", d.notice().rule()).put("subject", d.notice().subject()).put("severity", d.notice().severity().wireName())
        .put("channel", d.channel().wireName()).put("recipient", d.contact().id()).put("reminder", d.reminder())
        .put("attempt", attempt).put("alertRaisedAt", d.notice().raisedAt().toString());
    if (type == EventType.NOTIFICATION_FAILED) data.put("final", last).put("error", "HTTP 500");
    book.apply(new Event("n" + (++seq), type, OffsetDateTime.ofInstant(ONSET, ZoneOffset.ofHours(7)), ONSET, "test", null, data));
  }

  @Test
  @DisplayName("an onset is planned once per recipient and channel (email to an address, webhook to a phone), and never again once the log has it")
  void oncePerOnset() {
    Notice n = portalDown(ONSET, Severity.CRITICAL);
    List<Delivery> first = planner(null).plan(List.of(n), book, List.of(), n.raisedAt());
    // leadership (director: both; committee: email only), data-center team (both), duty room (both)
    assertThat(first).extracting(Delivery::id).containsExactlyInAnyOrder(
        n.id() + ":lanh-dao-so:email", n.id() + ":lanh-dao-so:webhook", n.id() + ":ban-chi-dao-thi:email",
        n.id() + ":trung-tam-du-lieu:email", n.id() + ":trung-tam-du-lieu:webhook", n.id() + ":truc-ban-so:email",
        n.id() + ":truc-ban-so:webhook");
    assertThat(planner(null).plan(List.of(n), book, first, n.raisedAt())).as("all in flight").isEmpty();
    first.forEach(d -> record(d, EventType.NOTIFICATION_SENT, 1, false));
    assertThat(planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plusSeconds(60))).as("all in the log").isEmpty();
  }

  @Test
  @DisplayName("a new alert on the same subject within the repeat window is flapping and is not sent; after the window it is")
  void flapping() {
    Notice first = portalDown(ONSET, Severity.HIGH);
    planner(null).plan(List.of(first), book, List.of(), first.raisedAt()).forEach(d -> record(d, EventType.NOTIFICATION_SENT, 1, false));
    Notice again = portalDown(ONSET.plus(Duration.ofMinutes(20)), Severity.HIGH);
    assertThat(planner(null).plan(List.of(again), book, List.of(), again.raisedAt())).isEmpty();
    Notice later = portalDown(ONSET.plus(Duration.ofMinutes(31)), Severity.HIGH);
    assertThat(planner(null).plan(List.of(later), book, List.of(), later.raisedAt())).isNotEmpty();
  }

  @Test
  @DisplayName("a flap while the first call-out is still being delivered is not sent either")
  void flappingInFlight() {
    Notice first = portalDown(ONSET, Severity.HIGH);
    List<Delivery> busy = planner(null).plan(List.of(first), book, List.of(), first.raisedAt());
    Notice again = portalDown(ONSET.plus(Duration.ofMinutes(5)), Severity.HIGH);
    assertThat(planner(null).plan(List.of(again), book, busy, again.raisedAt())).isEmpty();
  }

  @Test
  @DisplayName("quiet hours hold back a high alert until they end, and never hold a critical one")
  void quietHours() {
    NotificationPlanner quiet = planner(new NotifyConfig.QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0)));
    Instant night = Instant.parse("2020-08-08T16:30:00Z"); // 23:30 in An Giang
    Notice high = portalDown(night, Severity.HIGH);
    Notice critical = portalDown(night.plusSeconds(1), Severity.CRITICAL);
    assertThat(quiet.plan(List.of(high), book, List.of(), night.plusSeconds(200))).isEmpty();
    assertThat(quiet.plan(List.of(critical), book, List.of(), night.plusSeconds(200))).isNotEmpty();
    Instant morning = Instant.parse("2020-08-08T23:00:00Z"); // 06:00
    assertThat(quiet.plan(List.of(high), book, List.of(), morning)).isNotEmpty();
  }

  @Test
  @DisplayName("a critical alert still unresolved is called out again each interval, one reminder at a time, never twice")
  void reminders() {
    Notice n = portalDown(ONSET, Severity.CRITICAL);
    planner(null).plan(List.of(n), book, List.of(), n.raisedAt()).forEach(d -> record(d, EventType.NOTIFICATION_SENT, 1, false));
    assertThat(planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plus(Duration.ofMinutes(29)))).isEmpty();
    List<Delivery> first = planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plus(Duration.ofMinutes(30)));
    assertThat(first).hasSize(7).allMatch(d -> d.reminder() == 1 && d.id().startsWith(n.id() + ":reminder-1:"));
    first.forEach(d -> record(d, EventType.NOTIFICATION_SENT, 1, false));
    assertThat(planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plus(Duration.ofMinutes(45)))).isEmpty();
    assertThat(planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plus(Duration.ofMinutes(95))))
        .as("after a long gap only the latest reminder").hasSize(7).allMatch(d -> d.reminder() == 3);
    Notice high = portalDown(ONSET, Severity.HIGH);
    assertThat(planner(null).plan(List.of(high), book, List.of(), high.raisedAt().plus(Duration.ofHours(2))))
        .as("no reminders below critical").allMatch(d -> d.reminder() == 0);
  }

  @Test
  @DisplayName("a delivery the log shows mid-retry resumes at the next attempt; one failed for good is not tried again")
  void resumesRetries() {
    Notice n = portalDown(ONSET, Severity.CRITICAL);
    List<Delivery> first = planner(null).plan(List.of(n), book, List.of(), n.raisedAt());
    Delivery webhook = first.stream().filter(d -> d.id().endsWith(":lanh-dao-so:webhook")).findFirst().orElseThrow();
    first.stream().filter(d -> d != webhook).forEach(d -> record(d, EventType.NOTIFICATION_SENT, 1, false));
    record(webhook, EventType.NOTIFICATION_FAILED, 1, false);
    record(webhook, EventType.NOTIFICATION_FAILED, 2, false);
    assertThat(planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plusSeconds(5)))
        .singleElement().extracting(Delivery::firstAttempt).isEqualTo(3);
    record(webhook, EventType.NOTIFICATION_FAILED, 3, true);
    assertThat(planner(null).plan(List.of(n), book, List.of(), n.raisedAt().plusSeconds(10))).isEmpty();
    assertThat(book.get(webhook.id())).get().extracting(Notification::status).isEqualTo(Notification.Status.FAILED);
  }
}
