package examops.publishing;

import examops.event.Event;
import examops.event.Payload;
import examops.vocabulary.Refusal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing checklist progress, keyed like the topic: {@code district:channel:item}. The rules of
 * each move (evidence to claim done; only a done item can be verified) are {@link PublishingStatus}'s.
 */
public final class PublishingBook implements PublishingProgress {

  /** The district part of the key for province-wide items (the provincial portal). */
  public static final String PROVINCE = "province";

  private final Map<String, PublishingStatus> byKey = new HashMap<>();

  public static String key(String district, String channel, String item) {
    return (district == null ? PROVINCE : district) + ":" + channel + ":" + item;
  }

  private static String key(Event e) {
    Payload.PublishingUpdated p = e.as(Payload.PublishingUpdated.class);
    return key(e.district(), p.channel().wireName(), p.item());
  }

  /** Why this update may not happen now, or empty when it may. */
  public Optional<Refusal> refusal(Event e) {
    return attempt(e) instanceof PublishingResult.Rejected r ? Optional.of(Refusal.conflict(r.message())) : Optional.empty();
  }

  /** Applies a publishing.updated; false when the item's rules refuse it (nothing changes). */
  public boolean apply(Event e) {
    if (!(attempt(e) instanceof PublishingResult.Applied applied)) return false;
    byKey.put(key(e), applied.status());
    return true;
  }

  private PublishingResult attempt(Event e) {
    Payload.PublishingUpdated p = e.as(Payload.PublishingUpdated.class);
    return state(key(e)).apply(p.state(), p.evidence(), p.by() == null ? e.source() : p.by(), when(e));
  }

  /**
   * When the unit says it did it, but never later than ExamOps heard of it: a broadcast made on time
   * and reported late was still made on time (the board shows the report's delay), while a sender's
   * clock running ahead cannot make an item look done before it was reported.
   */
  private static java.time.Instant when(Event e) {
    return e.atInstant().isAfter(e.receivedAt()) ? e.receivedAt() : e.atInstant();
  }

  /** The book as saved in a checkpoint. */
  public io.vertx.core.json.JsonObject save() {
    io.vertx.core.json.JsonObject out = new io.vertx.core.json.JsonObject();
    byKey.forEach((k, st) -> out.put(k, st.save()));
    return out;
  }

  /** A book as {@link #save()} wrote it. */
  public static PublishingBook restore(io.vertx.core.json.JsonObject saved) {
    PublishingBook book = new PublishingBook();
    saved.forEach(e -> book.byKey.put(e.getKey(), PublishingStatus.restore((io.vertx.core.json.JsonObject) e.getValue())));
    return book;
  }

  public PublishingStatus state(String key) {
    return byKey.getOrDefault(key, PublishingStatus.notStarted());
  }
}
