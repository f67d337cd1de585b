package io.stancestream.cli;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.ProduceSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole product on this machine. Starts an embedded KRaft broker (unless {@code
 * --bootstrap-servers} names a cluster), creates the topics, starts the streams app, replays {@code
 * seeds/} (or {@code --input}) and prints every output record as it arrives.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Embedded broker + streams app + producer: replays seeds/ (or --input) and prints results.",
      "Runs until Ctrl-C; --once exits 0 when every input has its results (1 if any was rejected)."
    })
public final class DemoCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(names = "--once", description = "Exit once every input has been processed.")
  boolean once;

  @Option(
      names = "--json",
      description =
          "One JSON object per output record per line: {\"topic\", \"key\", \"value\"}. Logs go to"
              + " stderr.")
  boolean json;

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH|URL|-",
      description = "Replay these files, directories, URLs or stdin instead of seeds/.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "With --once: give up after this long (default ${DEFAULT-VALUE}).",
      defaultValue = "5m")
  String timeout;

  @Override
  public Integer call() throws Exception {
    StanceStreamConfig cfg = config.load();
    PrintStream out = System.out;
    PrintStream err = System.err;
    Duration limit = StanceStreamConfig.parseDuration("--timeout", timeout);
    List<String> replay =
        inputs.isEmpty() ? List.of(ConfigOptions.home().resolve("seeds").toString()) : inputs;
    ResultPrinter printer = new ResultPrinter(out, json, cfg);

    // Ctrl-C: the hook asks the main thread to stop, then holds the JVM until everything is closed
    // (the JVM halts as soon as its hooks return, which would skip the close).
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    closed.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "demo-shutdown"));
    try {
      return run(cfg, limit, replay, printer, out, err, stop);
    } finally {
      closed.countDown();
    }
  }

  private Integer run(
      StanceStreamConfig cfg,
      Duration limit,
      List<String> replay,
      ResultPrinter printer,
      PrintStream out,
      PrintStream err,
      CountDownLatch stop)
      throws Exception {
    err.println(
        "stancestream: starting "
            + (cfg.embeddedBroker() ? "embedded broker, " : "")
            + "topics and streams app...");
    try (LocalPipeline pipeline = LocalPipeline.start(cfg, printer::print)) {
      err.println("stancestream: Kafka at " + pipeline.config().bootstrapServers());
      // stdout carries only JSON records in --json mode.
      (json ? err : out).println("Dashboard: " + pipeline.dashboardUrl());
      (json ? err : out).flush();
      err.println("stancestream: replaying " + String.join(" ", replay));
      ProduceSummary summary =
          ArticleIngestor.produce(pipeline.config(), replay, ProduceOptions.defaults());
      err.println("stancestream: " + summary.describe());

      Set<String> ids = new HashSet<>(summary.publishedIds());
      if (once) {
        boolean done = awaitCompletion(pipeline, ids, limit);
        if (!done) {
          err.println("stancestream: timed out after " + limit + " waiting for results");
          return 1;
        }
        err.println("stancestream: all " + ids.size() + " inputs processed");
        return summary.exitCode();
      }
      err.println("stancestream: running; press Ctrl-C to stop");
      stop.await();
      err.println("stancestream: stopping");
      return summary.exitCode();
    }
  }

  /** Every published id has a result, and the app has committed all it read (windows included). */
  static boolean awaitCompletion(LocalPipeline pipeline, Set<String> ids, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (pipeline.hasResultsFor(ids) && pipeline.caughtUp()) {
        // One more poll cycle of the output tail so committed output written before the commit
        // that made us caught-up has been printed.
        return pipeline.drained(Duration.ofSeconds(30));
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return false;
  }
}
