package examops.board;

import examops.kafka.DeadLetter;
import examops.province.Province;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saved board: the state after every record before {@code positions} (per partition of the event
 * topics) was applied, the latest receipt time among those records, and the latest dead letters shown
 * to the command center. Written as gzip'd JSON with the format and a fingerprint of the province
 * data; a checkpoint of another format, of other province data, or that cannot be read is refused
 * (with a log line), never trusted.
 *
 * @param saved the state as {@link BoardState#save()} wrote it
 */
public record Checkpoint(Map<TopicPartition, Long> positions, Instant receivedUpTo, long records, JsonObject saved,
    JsonArray deadLetters) {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  /** The compaction key: one per hour of the log covered, so the topic keeps the last checkpoint of each hour. */
  public String key() {
    return "checkpoint/" + (receivedUpTo == null ? "empty" : HOUR.format(receivedUpTo));
  }

  /** The latest moment at which an event it covers happened (the events' {@code at}), or null when none. */
  public Instant happenedUpTo() {
    String latest = saved.getString("latestAt");
    return latest == null ? null : Instant.parse(latest);
  }

  /** The state this checkpoint holds, rebuilt (a new object each call). */
  public BoardState state(Province province) {
    return BoardState.restore(province, saved);
  }

  public List<DeadLetter> recentDeadLetters() {
    return deadLetters.stream().map(o -> DeadLetter.fromJson((JsonObject) o)).toList();
  }

  /** The bytes written to the checkpoint topic. */
  public byte[] encode(Province province) {
    JsonObject pos = new JsonObject();
    positions.forEach((tp, offset) -> pos.put(tp.topic() + "/" + tp.partition(), offset));
    JsonObject doc = new JsonObject().put("format", BoardState.FORMAT).put("province", fingerprint(province))
        .put("positions", pos).put("receivedUpTo", receivedUpTo == null ? null : receivedUpTo.toString())
        .put("records", records).put("state", saved).put("deadLetters", deadLetters);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The fastest compression: a checkpoint is written far more often than it is read.
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    }) {
      gz.write(doc.toBuffer().getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a checkpoint written by {@link #encode}; empty (and a log line saying why) when it is of
   * another format or province, or cannot be read. The state inside is checked by restoring it.
   */
  public static Optional<Checkpoint> decode(byte[] bytes, Province province) {
    try {
      JsonObject doc;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
        doc = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      Integer format = doc.getInteger("format");
      if (format == null || format != BoardState.FORMAT) {
        LOG.warn("Skipping a checkpoint of format {} (this version reads {})", format, BoardState.FORMAT);
        return Optional.empty();
      }
      if (!fingerprint(province).equals(doc.getString("province"))) {
        LOG.warn("Skipping a checkpoint made with other province data ({})", doc.getString("province"));
        return Optional.empty();
      }
      Map<TopicPartition, Long> positions = new HashMap<>();
      doc.getJsonObject("positions").forEach(e -> {
        int slash = e.getKey().lastIndexOf('/');
        positions.put(new TopicPartition(e.getKey().substring(0, slash), Integer.parseInt(e.getKey().substring(slash + 1))),
            ((Number) e.getValue()).longValue());
      });
      String received = doc.getString("receivedUpTo");
      return Optional.of(new Checkpoint(Map.copyOf(positions), received == null ? null : Instant.parse(received),
          doc.getLong("records"), doc.getJsonObject("state"), doc.getJsonArray("deadLetters")));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping a checkpoint that cannot be read: {}", e.toString());
      return Optional.empty();
    }
  }

  /** A checkpoint read back and its state rebuilt. */
  public record Opened(Checkpoint checkpoint, BoardState state) {}

  /** {@link #decode} and the state rebuilt; empty, with a log line, when either cannot be done. */
  public static Optional<Opened> open(byte[] bytes, Province province) {
    return decode(bytes, province).flatMap(c -> {
      try {
        return Optional.of(new Opened(c, c.state(province)));
      } catch (IllegalArgumentException e) {
        LOG.warn("Skipping a checkpoint whose state cannot be rebuilt: {}", e.getMessage());
        return Optional.empty();
      }
    });
  }

  /**
   * What of the province data the state itself depends on (targets with their damping and probes,
   * planned maintenance), hashed: a checkpoint is only good for the same data. Cadences, due times and
   * the timetable are applied when the board is rendered, so changing them keeps checkpoints good.
   */
  static String fingerprint(Province p) {
    String basis = p.id() + "\n" + p.targets() + "\n" + p.maintenance();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
