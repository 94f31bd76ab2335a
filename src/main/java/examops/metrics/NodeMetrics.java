package examops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's meters, served as Prometheus text on {@code GET /metrics}: the JVM's (memory, GC,
 * threads, class loading, CPU, uptime), Vert.x's own (HTTP server, event bus) through
 * vertx-micrometer-metrics, the Kafka clients' through Micrometer's {@link KafkaClientMetrics}, and
 * ExamOps's. Every series carries the node's name ({@code node="..."}, {@code EXAMOPS_NODE_ID}).
 * Several nodes in one JVM (the tests) each have their own registry.
 */
public final class NodeMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();
  private final List<Object> held = new CopyOnWriteArrayList<>();
  /** Vert.x keeps its metrics backends by name, process-wide: each node's Vert.x gets a name of its own. */
  private final String vertxRegistryName = "examops-" + UUID.randomUUID();

  public NodeMetrics(String nodeId) {
    registry.config().commonTags("node", nodeId);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    binders.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The page {@code GET /metrics} answers with (Prometheus text format 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Turns on Vert.x's meters in these options: HTTP server requests by route, method and status
   * (never by raw path or client address: that would make a series per incident id or per connection),
   * event-bus messages by address.
   */
  public VertxOptions instrument(VertxOptions options) {
    return options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setRegistryName(vertxRegistryName)
        .setLabels(java.util.Set.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.EB_ADDRESS, Label.EB_SIDE,
            Label.EB_FAILURE)));
  }

  /** The factory that makes Vert.x record into this node's registry. */
  public VertxMetricsFactory vertxFactory() {
    return new MicrometerMetricsFactory(registry);
  }

  /** A value that only grows (exposed as {@code <name>_total}, type counter). */
  public void counter(String name, String help, LongSupplier value, String... tags) {
    held.add(value); // Micrometer holds a function counter's object weakly
    FunctionCounter.builder(name, value, v -> v.getAsLong()).description(help).tags(Tags.of(tags)).register(registry);
  }

  /** A value that goes up and down. */
  public void gauge(String name, String help, DoubleSupplier value, String... tags) {
    Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(help).tags(Tags.of(tags)).strongReference(true)
        .register(registry);
  }

  /** The Kafka client's own metrics ({@code kafka_producer_*}, {@code kafka_consumer_*}), tagged by its client id. */
  public void kafka(Producer<?, ?> producer) {
    bind(new KafkaClientMetrics(producer));
  }

  public void kafka(Consumer<?, ?> consumer) {
    bind(new KafkaClientMetrics(consumer));
  }

  private void bind(KafkaClientMetrics binder) {
    binder.bindTo(registry);
    binders.add(binder);
  }

  /** Stops the binders' refresh threads; the registry keeps answering with what it last had. */
  @Override
  public void close() {
    for (AutoCloseable b : binders) {
      try {
        b.close();
      } catch (Exception e) {
        LOG.debug("A meter binder did not close cleanly: {}", e.toString());
      }
    }
    binders.clear();
  }
}
