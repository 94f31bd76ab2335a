package examops.vocabulary;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An enum's constants by their wire names. Looking one up by streaming over {@code values()} was a
 * sixth of applying an event to the board (every probe result names its status).
 */
public final class WireNames<E extends Enum<E>> {

  private final Map<String, E> byName = new HashMap<>();

  public WireNames(E[] values, Function<E, String> wireName) {
    for (E e : values) byName.put(wireName.apply(e), e);
  }

  /** The constant with this wire name, or empty (also for null). */
  public Optional<E> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
  }
}
