package examops.access;

import examops.event.StrictJson;
import examops.kafka.KafkaSettings;
import examops.kafka.LogCut;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code examops.access} topic: this node writes token issues and revocations to it, and reads
 * everyone's into its {@link TokenBook}. {@link #start()} reads the whole topic before it returns,
 * so a node never serves a request before it knows every revocation; a reader thread then follows
 * the topic, so a revocation made on one node holds on every node within a poll.
 */
public final class AccessLog implements AutoCloseable {

  public static final String TOPIC = "examops.access";
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final TokenBook book;
  private final String bootstrap;
  private final String clientId;
  private final Validator validator = schema();
  private final Thread thread;
  private volatile boolean running = true;

  public AccessLog(String bootstrap, String clientId, TokenBook book) {
    this.producer = new KafkaProducer<>(Map.<String, Object>copyOf(KafkaSettings.durableProducer(bootstrap, clientId + "-writer")));
    this.consumer = new KafkaConsumer<>(KafkaSettings.logReader(bootstrap, clientId + "-reader"));
    this.book = book;
    this.bootstrap = bootstrap;
    this.clientId = clientId;
    this.thread = new Thread(this::follow, "examops-access-reader");
    this.thread.setDaemon(true);
  }

  /** Blocking: reads every record now on the topic into the book, then follows it on a thread. */
  /** The Kafka clients underneath, for their metrics only. */
  public org.apache.kafka.clients.producer.Producer<String, byte[]> producerClient() {
    return producer;
  }

  public org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumerClient() {
    return consumer;
  }

  public void start() {
    // The same read-to-the-end as every other reading of a log, with its stall limit; then follow from where it ended.
    LogCut.Result caughtUp = LogCut.readToEnd(bootstrap, clientId + "-catch-up", TOPIC, this::apply);
    consumer.assign(List.copyOf(caughtUp.positions().keySet()));
    caughtUp.positions().forEach(consumer::seek);
    book.prune(Instant.now());
    LOG.info("Credentials: {} access records read, {} tokens revoked", caughtUp.records(), book.revokedCount());
    thread.start();
  }

  private void follow() {
    long lastPrune = System.nanoTime();
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) apply(r);
        if (System.nanoTime() - lastPrune > Duration.ofHours(1).toNanos()) {
          book.prune(Instant.now());
          lastPrune = System.nanoTime();
        }
      }
    } catch (WakeupException e) {
      if (running) LOG.error("The access reader stopped unexpectedly", e);
    } catch (RuntimeException e) {
      LOG.error("The access reader failed: revocations made elsewhere no longer reach this node", e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    JsonObject json;
    try {
      // The same strict parser as ingest: duplicate keys, excess depth and lone surrogates are refused, not guessed at.
      if (!(StrictJson.parse(r.value()) instanceof JsonObject parsed)) throw new DecodeException("not a JSON object");
      json = parsed;
    } catch (RuntimeException e) {
      LOG.warn("Skipped {}/{}/{}: not a JSON object", r.topic(), r.partition(), r.offset());
      return;
    }
    OutputUnit out = validator.validate(json);
    if (!Boolean.TRUE.equals(out.getValid())) {
      LOG.warn("Skipped {}/{}/{}: does not match access.json", r.topic(), r.partition(), r.offset());
      return;
    }
    book.apply(json);
  }

  /** Records a revocation; completes once Kafka has it, and it holds on this node at once. */
  public CompletableFuture<JsonObject> revoke(String jti, Instant expiresAt, String by, String reason) {
    JsonObject data = new JsonObject().put("jti", jti);
    if (expiresAt != null) data.put("expiresAt", iso(expiresAt));
    if (reason != null && !reason.isBlank()) data.put("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    return append("token.revoked", by, data);
  }

  /** Records that the command center issued a token (its claims, never the token). */
  public CompletableFuture<JsonObject> issued(Principal p, String by) {
    JsonObject data = new JsonObject().put("jti", p.jti()).put("role", p.role().wireName()).put("name", p.name())
        .put("expiresAt", iso(p.expiresAt()));
    if (p.district() != null) data.put("district", p.district());
    if (p.site() != null) data.put("site", p.site());
    return append("token.issued", by, data);
  }

  private CompletableFuture<JsonObject> append(String type, String by, JsonObject data) {
    JsonObject record = new JsonObject().put("id", UUID.randomUUID().toString()).put("type", type)
        .put("at", iso(Instant.now())).put("source", by).put("data", data);
    CompletableFuture<JsonObject> done = new CompletableFuture<>();
    producer.send(new ProducerRecord<>(TOPIC, data.getString("jti"), record.toBuffer().getBytes()), (md, err) -> {
      if (err != null) {
        done.completeExceptionally(err);
      } else {
        book.apply(record);
        done.complete(record);
      }
    });
    return done;
  }

  private static String iso(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static Validator schema() {
    String resource = "kafka/schemas/access.json";
    try (InputStream in = AccessLog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("schema " + resource + " is missing from the classpath");
      return Validator.create(JsonSchema.of(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))),
          new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setOutputFormat(OutputFormat.Basic)
              .setBaseUri("https://examops.example/schemas/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive() && thread.getState() == Thread.State.NEW) consumer.close();
    producer.close(Duration.ofSeconds(5));
  }
}
