package io.stancestream.cli;

import io.stancestream.cli.bench.BenchPlan;
import io.stancestream.cli.bench.BenchReport;
import io.stancestream.cli.bench.PipelineBench;
import io.stancestream.events.StanceStreamConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: throughput of the pipeline against Kafka's own ceiling on this machine. On an
 * embedded broker (unless {@code --bootstrap-servers} names a cluster) it measures the producer, a
 * passthrough topology, the full StanceStream topology over the same backlog under both processing
 * guarantees, the scorer alone, end-to-end latency and memory; see {@code docs/performance.md}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures producer, passthrough and full-topology throughput, the scorer alone, latency and"
          + " memory on generated articles; prints a table or one JSON object (--json).",
      "Exit 0 when the run completed (the figures are reported, not judged)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Option(
      names = "--articles",
      paramLabel = "N",
      description = "Records in the backlog each topology consumes (default ${DEFAULT-VALUE}).",
      defaultValue = "5000")
  int articles;

  @Option(
      names = "--repetitions",
      paramLabel = "R",
      description =
          "Timed repetitions per figure, after a warm-up; medians are reported"
              + " (default ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int repetitions;

  @Option(
      names = "--guarantee",
      paramLabel = "G",
      description =
          "Processing guarantee of the headline figures: exactly_once_v2 or"
              + " at_least_once (default ${DEFAULT-VALUE}); the other one is measured as well.",
      defaultValue = "exactly_once_v2")
  String guarantee;

  @Option(
      names = "--article-chars",
      paramLabel = "CHARS",
      description = "Average article body length (default ${DEFAULT-VALUE}).",
      defaultValue = "5000")
  int articleChars;

  @Option(
      names = "--latency-articles",
      paramLabel = "N",
      description = "Articles published for the latency run (default ${DEFAULT-VALUE}).",
      defaultValue = "400")
  int latencyArticles;

  @Option(
      names = "--latency-rate",
      paramLabel = "PER_S",
      description = "Their rate, articles per second (default ${DEFAULT-VALUE}).",
      defaultValue = "40")
  double latencyRate;

  @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
  boolean json;

  @Option(
      names = "--quick",
      description =
          "For tuning loops: only the headline guarantee, no latency run (the other"
              + " guarantee's object is then absent and latency_ms holds nulls).")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    BenchPlan plan =
        new BenchPlan(
            articles, repetitions, articleChars, guarantee, latencyArticles, latencyRate, quick);
    StanceStreamConfig cfg = config.load();
    PrintWriter out = spec.commandLine().getOut();
    BenchReport report = new PipelineBench(plan, System.err).run(cfg, LocalPipeline.analyzer(cfg));
    out.println(json ? report.toJson() : report.toTable());
    out.flush();
    return 0;
  }
}
