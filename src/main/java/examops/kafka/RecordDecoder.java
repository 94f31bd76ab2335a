package examops.kafka;

import examops.event.Event;
import examops.event.EventValidator;
import examops.event.Validation;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one check of a record read from an event topic: the schemas, the topic its type belongs on,
 * and the references to the province data. Shared by the board's reader and the report's, so both
 * accept exactly the same records. Thread-safe.
 */
public final class RecordDecoder {

  /** A record's verdict: the event, or why it cannot be applied. */
  public sealed interface Decoded {}

  public record Accepted(Event event) implements Decoded {}

  public record Refused(String reason) implements Decoded {}

  private final EventValidator validator;
  private final Function<Event, Optional<String>> referenceCheck;

  /**
   * @param referenceCheck names what an otherwise valid event refers to that does not exist
   *     (unknown district, target, checklist item), or empty
   */
  public RecordDecoder(EventValidator validator, Function<Event, Optional<String>> referenceCheck) {
    this.validator = validator;
    this.referenceCheck = referenceCheck;
  }

  public Decoded decode(ConsumerRecord<String, byte[]> r) {
    Validation v = validator.validate(Buffer.buffer(r.value() == null ? new byte[0] : r.value()),
        Instant.ofEpochMilli(r.timestamp()));
    if (v instanceof Validation.Invalid bad) return new Refused(bad.message());
    Event e = ((Validation.Valid) v).event();
    if (!e.topic().equals(r.topic())) {
      return new Refused("type " + e.type().wireName() + " belongs on " + e.topic() + ", not " + r.topic());
    }
    Optional<String> unknown = referenceCheck.apply(e);
    return unknown.<Decoded>map(Refused::new).orElseGet(() -> new Accepted(e));
  }
}
