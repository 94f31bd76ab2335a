package examops.bench;

import examops.kafka.EmbeddedKafka;
import java.nio.file.Path;

/**
 * The baselines for boot and replay, run as a child JVM: only the embedded broker on a data
 * directory, and with {@code --read N} Kafka's raw consumer reading the N records in its log.
 * Prints {@code BROKER READY} and {@code READ DONE} lines the harness times.
 */
public final class BrokerOnly {

  private BrokerOnly() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka"), port);
    kafka.start();
    System.out.println("BROKER READY");
    if (args.length > 3 && args[2].equals("--read")) {
      long n = RawKafka.consumeAll(kafka.bootstrapServers(), Long.parseLong(args[3]));
      System.out.println("READ DONE " + n);
    }
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
    Thread.currentThread().join();
  }
}
