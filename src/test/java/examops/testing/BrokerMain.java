package examops.testing;

import examops.kafka.EmbeddedKafka;
import java.nio.file.Path;

/** {@code BrokerMain <log dir> <port>}: a Kafka broker in a process of its own, for tests that take it away. */
public final class BrokerMain {

  public static final String READY = "BROKER READY";

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedKafka broker = new EmbeddedKafka(Path.of(args[0]), Integer.parseInt(args[1]));
    broker.start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    System.out.println(READY + " on " + broker.bootstrapServers());
    System.out.flush();
    Thread.currentThread().join();
  }
}
