package examops.board;

import examops.event.Event;
import examops.event.EventType;
import examops.event.Packed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ids of the events applied to each entity (a topic and a record key: one target, one incident,
 * one district's check-ins...), the latest {@link #PER_ENTITY} of each, with what each carried.
 *
 * <p>Scoping ids by entity does two things. A unit can only collide with its own events, so one unit
 * reusing an id cannot suppress another's report or an alert the rules write. And every entity's
 * events are on one partition of the log, read in one order by every reader, so which event is the
 * duplicate, and which ids are forgotten first, is the same in every reading of the log.
 * Partition offsets already keep one record from being read twice; this only has to outlast client
 * retries and offline queues.
 *
 * <p>The event itself is kept until its fingerprint is asked for (a retry to compare, a checkpoint to
 * write): hashing every event as it is applied would cost the board's thread for the rare retry.
 */
final class EventIds {

  /** Per entity: a phone's offline queue of a day's check-ins, an agent's retried batch, many times over. */
  static final int PER_ENTITY = 128;

  /** Per stream, per record key: id → the event, or its fingerprint once computed (or read from a checkpoint). */
  private final Map<EventType.Stream, Map<String, LinkedHashMap<String, Object>>> byEntity = new EnumMap<>(EventType.Stream.class);

  /**
   * What a retry must repeat to be one: the type, the sender, the district and the payload (not the
   * time, which a client may leave to the server).
   */
  static int fingerprint(Event e) {
    return Objects.hash(e.type().wireName(), e.source(), e.district(), e.data().hashCode());
  }

  /** Adds the event's id to its entity; false when the entity has it already (one lookup, not two). */
  boolean add(Event e) {
    LinkedHashMap<String, Object> ids = byEntity.computeIfAbsent(e.type().stream(), s -> new HashMap<>())
        .computeIfAbsent(e.key(), k -> bounded());
    return ids.putIfAbsent(e.id(), e) == null;
  }

  /** The fingerprint of the event this entity applied under the same id, if it did. */
  Optional<Integer> fingerprintOf(Event e) {
    Map<String, LinkedHashMap<String, Object>> stream = byEntity.get(e.type().stream());
    LinkedHashMap<String, Object> ids = stream == null ? null : stream.get(e.key());
    Object seen = ids == null ? null : ids.get(e.id());
    return seen == null ? Optional.empty() : Optional.of(print(seen));
  }

  private static int print(Object seen) {
    return seen instanceof Event applied ? fingerprint(applied) : (Integer) seen;
  }

  private static LinkedHashMap<String, Object> bounded() {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
        return size() > PER_ENTITY;
      }
    };
  }

  /**
   * As saved in a checkpoint: per entity ({@code topic/key}), its ids oldest first joined by spaces
   * (an id holds none) and their fingerprints packed. The fingerprints computed are kept, so the next
   * checkpoint hashes only the events applied since.
   */
  JsonObject save() {
    JsonObject out = new JsonObject();
    byEntity.forEach((stream, keys) -> keys.forEach((key, ids) -> {
      ids.replaceAll((id, seen) -> print(seen));
      StringBuilder joined = new StringBuilder(ids.size() * 40);
      Packed.Writer prints = new Packed.Writer();
      ids.forEach((id, seen) -> {
        if (!joined.isEmpty()) joined.append(' ');
        joined.append(id);
        int f = (Integer) seen;
        prints.number(Integer.toUnsignedLong(f));
      });
      out.put(stream.topic() + "/" + key, new JsonArray().add(joined.toString()).add(prints.done()));
    }));
    return out;
  }

  static EventIds restore(JsonObject saved) {
    Map<String, EventType.Stream> byTopic = new HashMap<>();
    for (EventType.Stream s : EventType.Stream.values()) byTopic.put(s.topic(), s);
    EventIds ids = new EventIds();
    for (String entity : saved.fieldNames()) {
      int slash = entity.indexOf('/');
      EventType.Stream stream = byTopic.get(entity.substring(0, slash));
      if (stream == null) throw new IllegalArgumentException("ids of an unknown topic: " + entity);
      JsonArray pair = saved.getJsonArray(entity);
      String joined = pair.getString(0);
      Packed.Reader prints = new Packed.Reader(pair.getString(1));
      LinkedHashMap<String, Object> map = bounded();
      if (!joined.isEmpty()) {
        for (String id : joined.split(" ")) {
          if (!prints.more()) throw new IllegalArgumentException("ids without fingerprints: " + entity);
          map.put(id, (int) prints.number());
        }
      }
      ids.byEntity.computeIfAbsent(stream, s -> new HashMap<>()).put(entity.substring(slash + 1), map);
    }
    return ids;
  }
}
