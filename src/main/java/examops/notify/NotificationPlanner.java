package examops.notify;

import examops.config.NotifyConfig;
import examops.notification.Notification;
import examops.notification.Notifications;
import examops.province.Contact;
import examops.vocabulary.DeliveryChannel;
import examops.vocabulary.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, from the notices and the notifications already in the log, what to deliver now. Each
 * notification is named by its alert id, reminder number, recipient and channel, and one that the
 * log shows done is never planned again, so a restart or a new lease holder sends nothing twice.
 * Beyond that: a new alert on a subject that was called out less than the repeat window before is
 * the same trouble flapping and is not sent; non-critical notices wait out the quiet hours; a
 * critical alert nobody acknowledges is called out again every reminder interval. Pure.
 */
public final class NotificationPlanner {

  /** @param quietHours null for none; @param reminderEvery zero for no reminders */
  public record Policy(NotifyConfig.QuietHours quietHours, Duration repeatWindow, Duration reminderEvery) {
    public static Policy of(NotifyConfig c) {
      return new Policy(c.quietHours(), c.repeatWindow(), c.reminderEvery());
    }
  }

  private final Router router;
  private final Templates templates;
  private final Policy policy;
  private final Set<DeliveryChannel> channels;

  public NotificationPlanner(Router router, Templates templates, Policy policy, Set<DeliveryChannel> channels) {
    this.router = router;
    this.templates = templates;
    this.policy = policy;
    this.channels = Set.copyOf(channels);
  }

  /**
   * @param inFlight deliveries under way on this node (attempting, waiting to retry, or written and
   *     not yet read back): not planned again
   */
  public List<Delivery> plan(Collection<Notice> notices, Notifications book, Collection<Delivery> inFlight, Instant now) {
    Map<String, Delivery> busy = inFlight.stream().collect(Collectors.toMap(Delivery::id, Function.identity(), (a, b) -> a));
    List<Delivery> out = new ArrayList<>();
    for (Notice n : notices.stream().sorted(Comparator.comparing(Notice::raisedAt).thenComparing(Notice::id)).toList()) {
      if (quiet(n, now)) continue;
      int reminder = reminderDue(n, now);
      for (Contact c : router.recipients(n)) {
        for (DeliveryChannel ch : channels) {
          if (address(c, ch) == null) continue;
          planOne(n, 0, c, ch, book, busy, out);
          if (reminder > 0) planOne(n, reminder, c, ch, book, busy, out);
        }
      }
    }
    return out;
  }

  private void planOne(Notice n, int reminder, Contact c, DeliveryChannel ch, Notifications book,
      Map<String, Delivery> busy, List<Delivery> out) {
    String id = NotificationId.of(n.id(), reminder, c.id(), ch);
    if (busy.containsKey(id)) return;
    Optional<Notification> known = book.get(id);
    if (known.isPresent() && known.get().done()) return;
    // A retry interrupted by a restart or a lease handover goes on where the log says it stopped.
    int firstAttempt = known.map(k -> k.attempts() + 1).orElse(1);
    if (known.isEmpty() && reminder == 0 && flapping(n, c, ch, book, busy.values())) return;
    String lang = c.language();
    Delivery d = new Delivery(id, n, c, ch, reminder, templates.shortText(n, reminder, lang),
        templates.emailSubject(n, reminder, lang), templates.emailBody(n, reminder, lang, id), firstAttempt);
    out.add(d);
    busy.put(id, d);
  }

  /** The same rule's subject was called out to this contact less than the repeat window before this onset. */
  private boolean flapping(Notice n, Contact c, DeliveryChannel ch, Notifications book, Collection<Delivery> busy) {
    Optional<Instant> logged = book.lastOnset(n.rule(), n.subject(), c.id(), ch);
    if (logged.isPresent() && repeats(logged.get(), n.raisedAt())) return true;
    return busy.stream().anyMatch(d -> d.reminder() == 0 && d.contact().id().equals(c.id()) && d.channel() == ch
        && d.notice().rule().equals(n.rule()) && d.notice().subject().equals(n.subject())
        && !d.notice().id().equals(n.id()) && repeats(d.notice().raisedAt(), n.raisedAt()));
  }

  private boolean repeats(Instant earlier, Instant onset) {
    return earlier.isBefore(onset) && Duration.between(earlier, onset).compareTo(policy.repeatWindow()) < 0;
  }

  private boolean quiet(Notice n, Instant now) {
    return n.severity() != Severity.CRITICAL && policy.quietHours() != null
        && policy.quietHours().contains(templates.localTime(now));
  }

  /** The latest reminder due now (1 after one interval, 2 after two, ...), or 0 for none. */
  int reminderDue(Notice n, Instant now) {
    if (!n.remindable() || policy.reminderEvery().isZero() || now.isBefore(n.raisedAt())) return 0;
    return (int) Math.min(1000, Duration.between(n.raisedAt(), now).toMillis() / policy.reminderEvery().toMillis());
  }

  static String address(Contact c, DeliveryChannel ch) {
    return ch == DeliveryChannel.EMAIL ? c.email() : c.phone();
  }
}
