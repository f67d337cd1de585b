package io.stancestream.cli;

import io.stancestream.cli.chaos.ChaosReport;
import io.stancestream.cli.chaos.ChaosRun;
import io.stancestream.events.StanceStreamConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chaos}: proves exactly-once under crashes, after Kafka's {@code streams_eos_test}. Starts
 * an embedded broker, runs the streams app as a separate process, publishes generated articles
 * (with poison and re-published ones), kills the app with SIGKILL {@code --kills} times while it
 * works and restarts it, then checks every committed output against a recomputation from the input.
 * See {@link ChaosRun} for the timeline and {@link ChaosReport} for the JSON.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Kill the streams app (a separate process) with SIGKILL while it processes generated"
          + " articles, restart it, and verify the outputs are exact.",
      "Prints one JSON object: {\"inputs\",\"outputs\",\"missing\",\"duplicates\","
          + "\"count_mismatches\",\"kills\",\"seconds\",...}. Progress goes to stderr."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:missing, duplicates and count_mismatches are all 0",
      "1:a check failed (the work dir with the app log is kept)",
      "2:usage error"
    })
public final class ChaosCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--articles",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Distinct valid articles to publish (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = "--kills",
      paramLabel = "K",
      defaultValue = "3",
      description = "SIGKILLs of the app while it works (default ${DEFAULT-VALUE}).")
  int kills;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed for the input and the kill moments (default: random, printed).")
  Long seed;

  @Option(
      names = "--poison-rate",
      paramLabel = "R",
      defaultValue = "0.02",
      description = "Poison records per article (default ${DEFAULT-VALUE}).")
  double poisonRate;

  @Option(
      names = "--republish-rate",
      paramLabel = "R",
      defaultValue = "0.03",
      description = "Re-published copies per article (default ${DEFAULT-VALUE}).")
  double republishRate;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "60m",
      description = "Give up (exit 1) after this long (default ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--keep", description = "Keep the work dir (broker data, app log).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    if (articles < 1 || kills < 0 || poisonRate < 0 || republishRate < 0) {
      throw new IllegalArgumentException(
          "--articles must be >= 1; --kills, --poison-rate and --republish-rate >= 0");
    }
    StanceStreamConfig cfg = config.load();
    Duration limit = StanceStreamConfig.of(Map.of("t", timeout)).getDuration("t", null);
    long s = seed != null ? seed : System.nanoTime() & 0xffffffffL;
    ChaosRun.Options options =
        new ChaosRun.Options(articles, kills, s, poisonRate, republishRate, limit, keep);
    ChaosReport report =
        new ChaosRun(cfg, config.overrides, options, ConfigOptions.home(), System.err).run();
    System.out.println(report.toJson());
    System.out.flush();
    return report.exact() ? 0 : 1;
  }
}
