package examops.notification;

import examops.event.Event;
import examops.event.EventType;
import examops.event.Payload;
import examops.vocabulary.DeliveryChannel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every notification the log knows of, folded from {@code notification.sent} and
 * {@code notification.failed}: what the notifier consults before delivering anything (one in the
 * log that is done is never delivered again) and what the board shows (the most recent ones).
 * Part of the pure reducer: no I/O, no clock.
 */
public final class NotificationBook implements Notifications {

  /** How many notifications the board shows. */
  public static final int RECENT = 50;

  private final Map<String, Notification> byId = new HashMap<>();
  /** Every notification by (time of its latest outcome, id): the board shows the last {@link #RECENT}. */
  private final TreeSet<Ranked> byTime = new TreeSet<>();
  /** For each rule, subject, recipient and channel: the latest alert it was told about at onset. */
  private final Map<String, Instant> lastOnset = new HashMap<>();

  /**
   * Applies one event; returns the ids whose board entry changed (the notification, and any that
   * fell off the recent list), or an empty list when the event changes nothing (an outcome for a
   * notification that is already done).
   */
  public List<String> apply(Event e) {
    Payload.NotificationOutcome d = e.as(Payload.NotificationOutcome.class);
    String id = d.notificationId();
    Notification before = byId.get(id);
    if (before != null && before.done()) return List.of();
    Notification.Status status = switch (e.type()) {
      case NOTIFICATION_SENT -> Notification.Status.SENT;
      case NOTIFICATION_FAILED -> d.finalAttempt() ? Notification.Status.FAILED : Notification.Status.RETRYING;
      default -> throw new IllegalArgumentException("not a notification event: " + e.type());
    };
    Instant raisedAt = d.alertRaisedAt().toInstant();
    Notification n = new Notification(id, d.alertId(), d.rule(), d.subject(), d.severity(), d.channel(), d.recipient(),
        d.recipientName(), d.reminder(), status, Math.max(d.attempt(), before == null ? 0 : before.attempts()),
        e.type() == EventType.NOTIFICATION_FAILED ? d.error() : null, e.atInstant(),
        status == Notification.Status.RETRYING && d.nextAttemptAt() != null ? d.nextAttemptAt().toInstant() : null,
        raisedAt, d.text() != null ? d.text() : before == null ? null : before.text());
    byId.put(id, n);
    if (n.reminder() == 0) lastOnset.merge(onsetKey(n.rule(), n.subject(), n.recipient(), n.channel()), raisedAt,
        (a, b) -> a.isAfter(b) ? a : b);
    Set<String> shownBefore = new HashSet<>(recent());
    if (before != null) byTime.remove(new Ranked(before.at(), id));
    byTime.add(new Ranked(n.at(), id));
    List<String> changed = new ArrayList<>();
    changed.add(id);
    List<String> shown = recent();
    for (String was : shownBefore) if (!was.equals(id) && !shown.contains(was)) changed.add(was);
    return changed;
  }

  /**
   * A notification's place on the board: by its latest outcome's time, then its id. The order the
   * notifications' events are read in (they are on several partitions) does not change it.
   */
  private record Ranked(Instant at, String id) implements Comparable<Ranked> {
    @Override
    public int compareTo(Ranked o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  public Optional<Notification> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Delivered or failed for good: never attempted again. */
  public boolean done(String id) {
    Notification n = byId.get(id);
    return n != null && n.done();
  }

  /**
   * The onset of the latest alert about this rule's subject that this recipient was notified of (or
   * at least tried), if any: a new alert soon after it is the same trouble flapping.
   */
  public Optional<Instant> lastOnset(String rule, String subject, String recipient, DeliveryChannel channel) {
    return Optional.ofNullable(lastOnset.get(onsetKey(rule, subject, recipient, channel)));
  }

  private static String onsetKey(String rule, String subject, String recipient, DeliveryChannel channel) {
    return rule + "\n" + subject + "\n" + recipient + "\n" + channel.wireName();
  }

  /** The board's entry for a notification: null when it is not among the recent ones. */
  public JsonObject toJson(String id) {
    Notification n = byId.get(id);
    if (n == null || byTime.size() > RECENT && new Ranked(n.at(), id).compareTo(cutoff()) < 0) return null;
    return n.toJson();
  }

  private Ranked cutoff() {
    var it = byTime.descendingIterator();
    Ranked r = null;
    for (int i = 0; i < RECENT && it.hasNext(); i++) r = it.next();
    return r;
  }

  /** The recent notifications, oldest first. */
  public List<String> recent() {
    List<String> out = new ArrayList<>(RECENT);
    var it = byTime.descendingIterator();
    for (int i = 0; i < RECENT && it.hasNext(); i++) out.add(it.next().id());
    java.util.Collections.reverse(out);
    return out;
  }

  /** The book as saved in a checkpoint. */
  public JsonObject save() {
    JsonArray all = new JsonArray();
    new java.util.TreeMap<>(byId).values().forEach(n -> all.add(n.save()));
    JsonObject onsets = new JsonObject();
    lastOnset.forEach((k, t) -> onsets.put(k, t.toString()));
    return new JsonObject().put("all", all).put("lastOnset", onsets);
  }

  /** A book as {@link #save()} wrote it. */
  public static NotificationBook restore(JsonObject saved) {
    NotificationBook book = new NotificationBook();
    for (Object o : saved.getJsonArray("all")) {
      Notification n = Notification.restore((JsonObject) o);
      book.byId.put(n.id(), n);
      book.byTime.add(new Ranked(n.at(), n.id()));
    }
    saved.getJsonObject("lastOnset").forEach(e -> book.lastOnset.put(e.getKey(), Instant.parse((String) e.getValue())));
    return book;
  }
}
