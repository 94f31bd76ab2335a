package examops.board;

import examops.event.Event;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ids of the events applied to each entity (a topic and a record key: one target, one incident,
 * one district's check-ins...), the latest {@link #PER_ENTITY} of each, with a fingerprint of what
 * each carried.
 *
 * <p>Scoping ids by entity does two things. A unit can only collide with its own events, so one unit
 * reusing an id cannot suppress another's report or an alert the rules write. And every entity's
 * events are on one partition of the log, read in one order by every reader, so which event is the
 * duplicate, and which ids are forgotten first, is the same in every reading of the log.
 * Partition offsets already keep one record from being read twice; this only has to outlast client
 * retries and offline queues.
 */
final class EventIds {

  /** Per entity: a phone's offline queue of a day's check-ins, an agent's retried batch, many times over. */
  static final int PER_ENTITY = 128;

  private final Map<String, LinkedHashMap<String, Integer>> byEntity = new HashMap<>();

  static String entity(Event e) {
    return e.topic() + "/" + e.key();
  }

  /**
   * What a retry must repeat to be one: the type, the sender, the district and the payload (not the
   * time, which a client may leave to the server).
   */
  static int fingerprint(Event e) {
    return Objects.hash(e.type().wireName(), e.source(), e.district(), e.data().hashCode());
  }

  /** Adds the event's id to its entity; false when the entity has it already (one lookup, not two). */
  boolean add(Event e) {
    LinkedHashMap<String, Integer> ids = byEntity.computeIfAbsent(entity(e), k -> bounded());
    return ids.putIfAbsent(e.id(), fingerprint(e)) == null;
  }

  /** The fingerprint of the event this entity applied under the same id, if it did. */
  Optional<Integer> fingerprintOf(Event e) {
    LinkedHashMap<String, Integer> ids = byEntity.get(entity(e));
    return ids == null ? Optional.empty() : Optional.ofNullable(ids.get(e.id()));
  }

  int size() {
    return byEntity.values().stream().mapToInt(Map::size).sum();
  }

  private static LinkedHashMap<String, Integer> bounded() {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
        return size() > PER_ENTITY;
      }
    };
  }

  /** As saved in a checkpoint: per entity, ids and fingerprints, oldest first. */
  JsonObject save() {
    JsonObject out = new JsonObject();
    byEntity.forEach((entity, ids) -> {
      JsonArray list = new JsonArray();
      ids.forEach((id, print) -> list.add(id).add(print));
      out.put(entity, list);
    });
    return out;
  }

  static EventIds restore(JsonObject saved) {
    EventIds ids = new EventIds();
    for (String entity : saved.fieldNames()) {
      JsonArray list = saved.getJsonArray(entity);
      LinkedHashMap<String, Integer> map = bounded();
      for (int i = 0; i + 1 < list.size(); i += 2) map.put(list.getString(i), list.getInteger(i + 1));
      ids.byEntity.put(entity, map);
    }
    return ids;
  }
}
