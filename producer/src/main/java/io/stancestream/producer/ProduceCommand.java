package io.stancestream.producer;

import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code produce PATH|URL|- ...}: publishes articles from files, directories, pages, feeds and
 * stdin to the {@code articles} topic, optionally following directories and feeds and serving
 * {@code POST /articles}. Prints every rejection and a final summary to stderr. Exit code 0 when
 * everything was published, 1 when any input was rejected, 2 on a usage error. Ctrl-C flushes and
 * exits cleanly.
 */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Publish articles to the articles topic from files, directories, web pages, RSS/Atom feeds,"
          + " JSON/JSONL, stdin (-) or HTTP pushes (--listen).",
      "Formats: seed-style .txt scrapes, .html, .json, .jsonl, RSS 2.0 and Atom; detected by"
          + " content type, extension and content."
    },
    footer = {
      "",
      "Examples:",
      "  produce seeds/ --bootstrap-servers localhost:9092",
      "  produce https://example.org/feed.xml --follow --poll-interval 5m",
      "  cat articles.jsonl | produce - --map title=headline,body=content",
      "  produce inbox/ --follow --listen 8088 --rejects rejects.jsonl",
      "  produce archive/ --speed 3600 --rate 50   (an hour of news per second, at most 50/s)"
    })
public final class ProduceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "PATH|URL|-",
      arity = "0..*",
      description =
          "Files, directories (recursive), http(s) URLs of pages or feeds, or - for stdin.")
  private List<String> inputs = new ArrayList<>();

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster (overrides bootstrap.servers).")
  private String bootstrapServers;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (default: ${DEFAULT-VALUE}).")
  private Path configFile = Path.of("config", "stancestream.properties");

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set producer.linger.ms=20.")
  private Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--rate", paramLabel = "N[/s]", description = "At most N records per second.")
  private String rate;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description = "Replay at X times the original pace, by publication time.")
  private double speed;

  @Option(
      names = "--follow",
      description = "Keep watching directories for new files and polling URLs until Ctrl-C.")
  private boolean follow;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      description =
          "How often followed URLs are polled: 30s, 5m, PT1H (default: ingest.poll.interval, 60s).")
  private String pollInterval;

  @Option(
      names = "--listen",
      paramLabel = "[HOST:]PORT",
      description =
          "Serve POST /articles (JSON, JSONL, HTML or text) until Ctrl-C; host defaults to 127.0.0.1.")
  private String listen;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Also write rejected inputs to FILE as JSON lines.")
  private Path rejects;

  @Option(
      names = "--map",
      split = ",",
      paramLabel = "FIELD=JSON_FIELD",
      description =
          "JSON field mapping, e.g. --map title=headline,body=content,publishedAt=date. Fields: url, title, body, author, publishedAt, outlet, language.")
  private Map<String, String> mapping = new LinkedHashMap<>();

  @Option(
      names = "--language",
      split = ",",
      paramLabel = "LANG",
      description =
          "Accept only these languages (e.g. en); others are rejected. Default: all, tagged.")
  private List<String> languages = new ArrayList<>();

  @Option(
      names = "--dry-run",
      description =
          "Parse and validate only; print each article as a JSON line on stdout instead of publishing.")
  private boolean dryRun;

  @Option(
      names = "--skip-existing",
      description =
          "Read the ids already on the articles topic first and publish none of them again.")
  private boolean skipExisting;

  @Option(names = "--no-progress", description = "Never show the progress bar.")
  private boolean noProgress;

  public ProduceCommand() {}

  @Override
  public Integer call() {
    if (inputs.isEmpty() && listen == null) {
      throw usage("give at least one PATH, URL or - (stdin), or --listen");
    }
    if (follow && inputs.contains("-")) {
      throw usage("--follow cannot follow stdin");
    }
    ProduceOptions options = options();
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put("bootstrap.servers", bootstrapServers);
    }
    StanceStreamConfig config;
    try {
      config = StanceStreamConfig.load(configFile, System.getenv(), overrides);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PrintStream err = System.err;
    ArticleSink sink = dryRun ? new PrintingSink(spec.commandLine().getOut()) : null;
    if (!dryRun && config.embeddedBroker()) {
      throw usage(
          "bootstrap.servers is 'embedded': pass --bootstrap-servers HOST:PORT (see ./stancestream"
              + " broker), or use --dry-run");
    }
    ArticleIngestor ingestor = new ArticleIngestor(config, options, sink, err);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              ingestor.stop();
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stancestream-produce-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ProduceSummary summary;
    try {
      summary = ingestor.run(inputs);
      ingestor.close();
      // Printed before the hook is released: on Ctrl-C the JVM halts as soon as the hook ends.
      err.println("produce: " + summary.describe());
    } catch (java.io.UncheckedIOException e) {
      ingestor.close();
      throw usage(e.getMessage() + ": " + e.getCause().getMessage());
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and now sees the run finished
      }
    }
    return summary.exitCode();
  }

  private ProduceOptions options() {
    ProduceOptions o = ProduceOptions.defaults();
    if (rate != null) {
      o = o.withRate(positive("--rate", parseRate(rate)));
    }
    if (speed != 0) {
      o = o.withSpeed(positive("--speed", speed));
    }
    if (pollInterval != null) {
      try {
        o = o.withPollInterval(duration(pollInterval));
      } catch (IllegalArgumentException e) {
        throw usage("--poll-interval: " + e.getMessage());
      }
      follow = follow || inputs.stream().anyMatch(i -> i.contains("://"));
    }
    if (listen != null) {
      o = o.withListen(listenAddress(listen));
    }
    try {
      o = o.withFieldMapping(mapping);
      io.stancestream.producer.parse.FieldMapping.withOverrides(mapping);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Set<String> langs = new LinkedHashSet<>();
    languages.forEach(l -> langs.add(l.strip().toLowerCase(Locale.ROOT)));
    return o.withFollow(follow)
        .withRejectsFile(rejects)
        .withLanguages(langs)
        .withProgress(!noProgress)
        .withSkipExisting(skipExisting && !dryRun);
  }

  private double parseRate(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.endsWith("/s")) {
      t = t.substring(0, t.length() - 2);
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw usage("--rate must be a number of records per second, e.g. 50 or 50/s: " + text);
    }
  }

  private double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw usage(name + " must be a positive number: " + value);
    }
    return value;
  }

  private static Duration duration(String text) {
    Duration d = StanceStreamConfig.of(Map.of("d", text)).getDuration("d", null);
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("must be positive: " + text);
    }
    return d;
  }

  /** {@code 8088} -> 127.0.0.1:8088; {@code 0.0.0.0:8088}; {@code [::1]:8088}. */
  InetSocketAddress listenAddress(String text) {
    String t = text.strip();
    int colon = t.lastIndexOf(':');
    String host = colon < 0 ? "127.0.0.1" : t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = "127.0.0.1";
    }
    try {
      int port = Integer.parseInt(t.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      throw usage("--listen must be [HOST:]PORT, e.g. 8088 or 127.0.0.1:8088: " + text);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** {@code --dry-run}: "publishes" by printing each article as one JSON line. */
  private static final class PrintingSink implements ArticleSink {
    private final PrintWriter out;

    PrintingSink(PrintWriter out) {
      this.out = out;
    }

    @Override
    public synchronized CompletableFuture<Void> send(Article article) {
      out.println(
          new String(
              JsonSerde.of(Article.class).serialize("articles", article),
              java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}
