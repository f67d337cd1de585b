package io.stancestream.cli;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import io.stancestream.events.TopicPlan.Action;
import io.stancestream.events.TopicPlan.Outcome;
import io.stancestream.events.TopicPlan.Report;
import io.stancestream.events.TopicPlan.TopicSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topics}: applies the topic plan ({@code config/kafka-topics.properties}, see {@link
 * TopicPlan}) to a cluster. Creates the missing topics, reports existing ones whose partitions,
 * replication or configs differ, and never alters or deletes anything, so it is safe to run before
 * every deployment. Exit 0 when the cluster matches the plan, 1 when a topic differs or the cluster
 * cannot be reached, 2 on a usage or plan error.
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create the StanceStream topics on a cluster with the partitions, replication and configs of",
      "config/kafka-topics.properties (idempotent). Existing topics are compared, never altered:",
      "each difference is printed and the exit code is 1.",
      "Plan keys can be overridden with --set topics.<key>=V or STANCESTREAM_TOPICS_<KEY>."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the cluster matches the plan (missing topics were created)",
      "1:an existing topic differs from the plan, or the cluster cannot be reached",
      "2:usage or plan error"
    })
public final class TopicsCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--dry-run",
      description = "Only compare with the cluster and print what would be created.")
  boolean dryRun;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "How long to wait for the cluster (e.g. 30s, 2m, PT1M; default ${DEFAULT-VALUE}).")
  String timeout;

  @Spec CommandSpec spec;

  public TopicsCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StanceStreamConfig cfg;
    TopicPlan plan;
    Duration wait;
    try {
      cfg = config.load();
      plan = TopicPlan.load(cfg);
      wait = parseTimeout(timeout);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    if (cfg.embeddedBroker()) {
      if (!dryRun) {
        err.println(
            "error: topics needs a cluster: pass --bootstrap-servers HOST:PORT or set"
                + " STANCESTREAM_BOOTSTRAP_SERVERS (the embedded broker creates its own topics)");
        return 2;
      }
      out.println("Topic plan " + plan.source() + " (no cluster given, nothing compared):");
      plan.topics().forEach(t -> out.println(line("plan", t, describe(t))));
      out.flush();
      return 0;
    }

    out.println(
        "Topic plan "
            + plan.source()
            + " -> "
            + cfg.bootstrapServers()
            + (dryRun ? " (dry run)" : ""));
    Report report;
    try {
      report = plan.applyTo(cfg, dryRun, wait);
    } catch (TimeoutException | ExecutionException e) {
      if (e instanceof ExecutionException x
          && !(x.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)) {
        err.println("error: " + x.getCause());
        return 1;
      }
      err.println(
          "error: Kafka at "
              + cfg.bootstrapServers()
              + " did not answer within "
              + wait.toSeconds()
              + "s");
      return 1;
    }
    for (Outcome o : report.outcomes()) {
      String detail =
          switch (o.action()) {
            case CREATED, WOULD_CREATE -> describe(o.spec());
            case UNCHANGED -> "";
            case DIFFERS -> String.join("; ", o.differences());
          };
      out.println(
          line(o.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), o.spec(), detail));
    }
    out.println(summary(report));
    if (!report.consistent()) {
      err.println(
          "error: "
              + report.with(Action.DIFFERS).size()
              + " existing topic(s) differ from the plan; topics never alters them: change them"
              + " with kafka-configs.sh / kafka-topics.sh or adjust the plan");
    }
    out.flush();
    return report.consistent() ? 0 : 1;
  }

  /** Same syntax as duration settings: 30s, 2m, PT1M. */
  private static Duration parseTimeout(String value) {
    Duration d = StanceStreamConfig.of(Map.of("timeout", value)).getDuration("timeout", null);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive: " + value);
    }
    return d;
  }

  private static String line(String action, TopicSpec t, String detail) {
    return String.format(Locale.ROOT, "%-13s %-22s %s", action, t.name(), detail).stripTrailing();
  }

  private static String describe(TopicSpec t) {
    String configs =
        t.configs().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    return t.partitions() + " partitions, replication " + t.replicationFactor() + ", " + configs;
  }

  private static String summary(Report report) {
    List<String> parts =
        Arrays.stream(Action.values())
            .filter(a -> !report.with(a).isEmpty())
            .map(
                a ->
                    report.with(a).size()
                        + " "
                        + a.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .toList();
    return "Topics: " + String.join(", ", parts);
  }
}
