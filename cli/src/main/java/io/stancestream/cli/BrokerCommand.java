package io.stancestream.cli;

import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.StanceStreamConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code broker}: the embedded single-node KRaft broker alone, for local development. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Run an embedded single-node KRaft Kafka broker on localhost until Ctrl-C.",
      "Creates the StanceStream topics and prints the bootstrap address to use with",
      "'run' and 'produce' (--bootstrap-servers)."
    })
public final class BrokerCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep broker data here across restarts (default: a temporary directory).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    StanceStreamConfig cfg = config.load();
    CountDownLatch stopped = new CountDownLatch(1);
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, Map.of())) {
      LocalPipeline.ensureTopics(cfg.with("bootstrap.servers", kafka.bootstrapServers()));
      System.out.println("Kafka broker: " + kafka.bootstrapServers());
      System.out.println(
          "Try: ./stancestream run --bootstrap-servers "
              + kafka.bootstrapServers()
              + "   and   ./stancestream produce --bootstrap-servers "
              + kafka.bootstrapServers()
              + " seeds/");
      System.out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "broker-shutdown"));
      stopped.await();
    }
    return 0;
  }
}
