package io.stancestream.streams;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import io.stancestream.streams.api.QueryServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stancestream run}: runs the streams application against a Kafka cluster until Ctrl-C (or
 * until it fails, exit 1). Settings are layered as everywhere: defaults, the properties file,
 * {@code STANCESTREAM_*} environment variables, then {@code --set} and {@code --bootstrap-servers}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the StanceStream streams app (validate, dedupe, enrich, windows, trends, alerts)"
          + " against a Kafka cluster until Ctrl-C.",
      "Creates missing topics from the topic plan first (--no-create-topics to skip)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped by Ctrl-C", "1:the app failed or could not start", "2:usage error"})
public class RunCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "Kafka brokers (overrides bootstrap.servers).")
  String bootstrapServers;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "config/stancestream.properties",
      description = "Settings file (default: ${DEFAULT-VALUE}; skipped if missing).")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set window.grace=30m --set streams.num.stream.threads=2.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Create missing topics from the topic plan before starting (default: true).")
  boolean createTopics;

  @Spec CommandSpec spec;

  public RunCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put("bootstrap.servers", bootstrapServers);
    }
    StanceStreamConfig cfg;
    try {
      cfg = StanceStreamConfig.load(configFile, System.getenv(), overrides);
    } catch (IllegalArgumentException e) {
      err.println("run: " + e.getMessage());
      return 2;
    }
    if (cfg.embeddedBroker()) {
      err.println(
          "run: no cluster given (bootstrap.servers=embedded). Pass --bootstrap-servers HOST:PORT,"
              + " or start a local broker with `stancestream broker`.");
      return 2;
    }
    if (createTopics) {
      TopicPlan.Report report = TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
      report
          .with(TopicPlan.Action.CREATED)
          .forEach(o -> err.println("created topic " + o.spec().name()));
      report
          .with(TopicPlan.Action.DIFFERS)
          .forEach(
              o ->
                  err.println(
                      "topic " + o.spec().name() + " differs from the plan: " + o.differences()));
    }
    ArticleAnalyzer analyzer = analyzer(cfg);
    StanceStreamConfig served = QueryServer.withServerAddress(cfg);
    try (StanceStreamApp app = new StanceStreamApp(served, analyzer::analyze);
        QueryServer server = QueryServer.start(served, app)) {
      Thread hook = new Thread(app::close, "stancestream-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      app.start();
      err.println(
          "StanceStream running: application.id="
              + cfg.get("application.id")
              + ", bootstrap.servers="
              + cfg.bootstrapServers()
              + ", scorer "
              + analyzer.version()
              + ". Dashboard and API: "
              + server.url()
              + " . Ctrl-C to stop.");
      err.flush();
      // Until Ctrl-C (the hook closes the app) or a fatal error shuts it down.
      app.awaitStopped(Duration.ofMillis(Long.MAX_VALUE));
      if (app.failure() != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDownAnyway) {
          // Ctrl-C arrived at the same time; the hook closes the app.
        }
        err.println("run: the streams app failed: " + app.failure());
        return 1;
      }
      return 0;
    }
  }

  /** The packaged lexicons, or those under {@code config.dir} when set. */
  static ArticleAnalyzer analyzer(StanceStreamConfig cfg) {
    String dir = cfg.get("config.dir", "").trim();
    return dir.isEmpty()
        ? ArticleAnalyzer.withDefaults()
        : ArticleAnalyzer.fromConfigDir(Path.of(dir));
  }
}
