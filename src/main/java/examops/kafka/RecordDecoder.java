package examops.kafka;

import examops.event.Event;
import examops.event.EventValidator;
import examops.event.Validation;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns one record of an event topic into an event, or says why it is not one: the schema, the
 * topic its type belongs on, and what it names in the province data. The record's timestamp (the
 * broker's append time) becomes the event's {@code receivedAt}. Shared by every reader of the log,
 * so the live board, a rebuilt one and the report accept exactly the same records.
 */
public final class RecordDecoder {

  /** A decoded record: the event, or the reason it was refused. */
  public sealed interface Decoded permits Accepted, Refused {}

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
    Validation v = validator.validate(r.value(), Instant.ofEpochMilli(r.timestamp()));
    if (v instanceof Validation.Invalid bad) return new Refused(bad.message());
    Event e = ((Validation.Valid) v).event();
    if (!e.topic().equals(r.topic())) {
      return new Refused("type " + e.type().wireName() + " belongs on " + e.topic() + ", not " + r.topic());
    }
    Optional<String> unknown = referenceCheck.apply(e);
    return unknown.<Decoded>map(Refused::new).orElseGet(() -> new Accepted(e));
  }
}
