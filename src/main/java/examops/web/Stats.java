package examops.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.LongAdder;

/** The web side's meters on {@code /metrics}, shared by the web verticle instances. */
public final class Stats {

  private final MeterRegistry registry;
  final LongAdder wsClients = new LongAdder();
  final LongAdder wsDropped = new LongAdder();
  private final Timer ingestWrite;

  public Stats(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("examops.websocket.clients", wsClients, LongAdder::sum)
        .description("Board screens (WebSockets) connected to this node").register(registry);
    FunctionCounter.builder("examops.websocket.dropped", wsDropped, LongAdder::sum)
        .description("Board screens disconnected for not keeping up with the deltas").register(registry);
    ingestWrite = Timer.builder("examops.ingest.write")
        .description("From an accepted request to Kafka's acknowledgement of its event (acks=all)").register(registry);
  }

  void accepted(String stream) {
    Counter.builder("examops.ingest.accepted").description("Events accepted (202) by stream").tag("stream", stream)
        .register(registry).increment();
  }

  void rejected(int status) {
    Counter.builder("examops.ingest.rejected").description("Requests refused, by status").tag("status", String.valueOf(status))
        .register(registry).increment();
  }

  Timer ingestWrite() {
    return ingestWrite;
  }
}
