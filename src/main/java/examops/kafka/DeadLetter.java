package examops.kafka;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that could not be applied, as the command center sees it: where it sat in the log, why it
 * was refused, when it was written, and the start of its value as text.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String reason, Instant at,
    int bytes, String preview) {

  /** How much of the value is kept to show; enough to recognise the sender, not a copy of the record. */
  public static final int PREVIEW_BYTES = 500;

  static DeadLetter of(ConsumerRecord<String, byte[]> r, String reason) {
    byte[] value = r.value() == null ? new byte[0] : r.value();
    return new DeadLetter(r.topic(), r.partition(), r.offset(), r.key(), reason, Instant.ofEpochMilli(r.timestamp()),
        value.length, preview(value));
  }

  /** The origin as written in the {@code examops.origin} header: {@code topic/partition/offset}. */
  public String origin() {
    return topic + "/" + partition + "/" + offset;
  }

  /** The first bytes as UTF-8 text; bytes that are not UTF-8 show as U+FFFD. */
  static String preview(byte[] value) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer out = CharBuffer.allocate(PREVIEW_BYTES);
    d.decode(ByteBuffer.wrap(value, 0, Math.min(value.length, PREVIEW_BYTES)), out, true);
    out.flip();
    return out.toString();
  }

  /** A dead letter as {@link #toJson()} wrote it. */
  public static DeadLetter fromJson(JsonObject j) {
    return new DeadLetter(j.getString("topic"), j.getInteger("partition"), j.getLong("offset"), j.getString("key"),
        j.getString("reason"), Instant.parse(j.getString("at")), j.getInteger("bytes"), j.getString("preview"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("topic", topic).put("partition", partition).put("offset", offset)
        .put("origin", origin()).put("key", key).put("reason", reason).put("at", at.toString())
        .put("bytes", bytes).put("preview", preview).put("truncated", bytes > PREVIEW_BYTES);
  }
}
