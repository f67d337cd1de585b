package io.stancestream.producer;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ingest.IngestHandler;
import io.stancestream.producer.ingest.IngestServer;
import io.stancestream.producer.parse.ArticleNormaliser;
import io.stancestream.producer.parse.Document;
import io.stancestream.producer.parse.DocumentParser;
import io.stancestream.producer.parse.Extracted;
import io.stancestream.producer.parse.FieldMapping;
import io.stancestream.producer.parse.LanguageDetection;
import io.stancestream.producer.source.DirectoryFollower;
import io.stancestream.producer.source.HttpPageFetcher;
import io.stancestream.producer.source.Inputs;
import io.stancestream.producer.source.PageFetcher;
import io.stancestream.producer.source.UrlPoller;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The producer's library entry point: reads inputs (files, directories, URLs of pages or feeds,
 * {@code -} for stdin), sends every article through one pipeline (parse, normalise, validate,
 * publish) and returns a {@link ProduceSummary}. The demo calls {@link #produce}; tests that need
 * no broker call {@link #parse}.
 *
 * <p>With {@code follow}, directories are watched for new files and URLs are polled until {@link
 * #stop()}; with {@code listen}, {@code POST /articles} is served until then. {@link
 * #ingestHandler()} gives the same endpoint to another HTTP server (the streams app mounts it).
 *
 * <p>Settings read from the configuration: {@code article.max.body.chars}, {@code
 * ingest.poll.interval} (60s), {@code ingest.poll.max.backoff} (30m), {@code ingest.fetch.timeout}
 * (20s), {@code ingest.feed.min.full.text.chars} (500: shorter feed content is a summary and the
 * item's link is fetched), {@code ingest.languages} (comma list; empty accepts all), {@code
 * ingest.detect.language} (true), {@code ingest.http.max.bytes} (10 MiB).
 */
public final class ArticleIngestor implements AutoCloseable {

  private final StanceStreamConfig config;
  private final ProduceOptions options;
  private final PrintStream diagnostics;
  private final DocumentParser parser;
  private final ArticleNormaliser normaliser;
  private final PageFetcher fetcher;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<AutoCloseable> running = new ArrayList<>();
  private ArticleSink sink;
  private PublishSession session;
  private InputStream stdin = System.in;
  private volatile boolean stopping;
  private volatile InetSocketAddress listening;

  /** An ingestor that publishes to the {@code articles} topic of {@code config}'s cluster. */
  public ArticleIngestor(StanceStreamConfig config, ProduceOptions options) {
    this(config, options, null, System.err);
  }

  /**
   * An ingestor that publishes to {@code sink} (null: a Kafka sink created on first publish) and
   * reports rejections and progress to {@code diagnostics}.
   */
  public ArticleIngestor(
      StanceStreamConfig config,
      ProduceOptions options,
      ArticleSink sink,
      PrintStream diagnostics) {
    this.config = config;
    this.options = options;
    this.sink = sink;
    this.diagnostics = diagnostics;
    this.fetcher =
        new HttpPageFetcher(config.getDuration("ingest.fetch.timeout", Duration.ofSeconds(20)));
    this.parser =
        new DocumentParser(
            FieldMapping.withOverrides(options.fieldMapping()),
            fetcher,
            config.getInt("ingest.feed.min.full.text.chars", 500));
    Set<String> languages = new LinkedHashSet<>(options.languages());
    if (languages.isEmpty()) {
      Arrays.stream(config.get("ingest.languages", "").split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(languages::add);
    }
    boolean detect = config.getBoolean("ingest.detect.language", true);
    if (detect) {
      LanguageDetection.warmUp();
    }
    this.normaliser =
        new ArticleNormaliser(
            Clock.systemUTC(),
            config.getInt("article.max.body.chars", 1_000_000),
            languages,
            detect);
  }

  /** Reads, validates and publishes {@code inputs} to Kafka; blocks until done (or stopped). */
  public static ProduceSummary produce(
      StanceStreamConfig config, List<String> inputs, ProduceOptions options) {
    try (ArticleIngestor ingestor = new ArticleIngestor(config, options)) {
      return ingestor.run(inputs);
    }
  }

  /** Parses, normalises and validates {@code inputs} without publishing: no broker needed. */
  public static List<ParsedInput> parse(
      StanceStreamConfig config, List<String> inputs, ProduceOptions options) {
    try (ArticleIngestor ingestor =
        new ArticleIngestor(
            config, options, null, new PrintStream(PrintStream.nullOutputStream()))) {
      return ingestor.parse(inputs);
    }
  }

  /** Reads stdin from {@code in} instead of {@code System.in} (for tests and embedding). */
  public ArticleIngestor stdin(InputStream in) {
    this.stdin = in;
    return this;
  }

  /** Every article in {@code inputs}, accepted or rejected, in input order. */
  public List<ParsedInput> parse(List<String> inputs) {
    List<ParsedInput> out = new ArrayList<>();
    for (Inputs.Source source : Inputs.expand(inputs)) {
      read(source, out::add);
    }
    return out;
  }

  /**
   * Publishes every article in {@code inputs}, then (with follow or listen) keeps ingesting until
   * {@link #stop()}. Returns when everything sent has been acknowledged or failed.
   */
  public ProduceSummary run(List<String> inputs) {
    PublishSession publish = session();
    if (options.skipExisting()) {
      Set<String> existing =
          ExistingIds.read(
              config, config.getDuration("ingest.skip.existing.timeout", Duration.ofMinutes(2)));
      publish.alreadyPublished(existing);
      diagnostics.println("skipping " + existing.size() + " article id(s) already on the topic");
    }
    List<Inputs.Source> sources = Inputs.expand(inputs);
    ProgressBar bar =
        new ProgressBar(diagnostics, sources.size(), System.console() != null, options.progress());
    publish.progress(bar);
    try {
      if (options.listen() != null) {
        IngestServer server = IngestServer.start(options.listen(), ingestHandler());
        running.add(server);
        listening = server.address();
        diagnostics.println(
            "listening for POST http://" + hostPort(server.address()) + "/articles");
      }
      List<UrlPoller> pollers = new ArrayList<>();
      Set<Path> readFiles = new HashSet<>();
      if (options.speed() > 0) {
        replayByPublicationTime(sources, publish, bar, pollers, readFiles);
      } else {
        long done = 0;
        for (Inputs.Source source : sources) {
          if (stopping) {
            diagnostics.println(
                "stopped: "
                    + (sources.size() - done)
                    + " of "
                    + sources.size()
                    + " inputs not read");
            break;
          }
          readAndSubmit(source, publish, pollers, readFiles);
          publish.tick(++done);
        }
      }
      bar.finish();
      if (options.follow() && !stopping) {
        follow(inputs, publish, pollers, readFiles);
      }
      if ((options.follow() || options.listen() != null) && !stopping) {
        stopped.await();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + options.listen(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeRunning();
      publish.flush();
      publish.closeRejects();
    }
    return publish.summary();
  }

  private void replayByPublicationTime(
      List<Inputs.Source> sources,
      PublishSession publish,
      ProgressBar bar,
      List<UrlPoller> pollers,
      Set<Path> readFiles)
      throws InterruptedException {
    List<ParsedInput> all = new ArrayList<>();
    for (Inputs.Source source : sources) {
      readSource(source, all::add, pollers, readFiles);
    }
    all.sort(
        Comparator.comparing(
            (ParsedInput p) -> p.isRejected() ? null : p.article().publishedAt(),
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
    long done = 0;
    for (ParsedInput p : all) {
      if (stopping) {
        diagnostics.println("stopped: " + (all.size() - done) + " article(s) not published");
        break;
      }
      publish.submit(p);
      publish.tick(Math.min(sources.size(), ++done * sources.size() / Math.max(1, all.size())));
    }
  }

  private void readAndSubmit(
      Inputs.Source source, PublishSession publish, List<UrlPoller> pollers, Set<Path> readFiles)
      throws InterruptedException {
    List<ParsedInput> parsed = new ArrayList<>();
    readSource(source, parsed::add, pollers, readFiles);
    for (int i = 0; i < parsed.size(); i++) {
      if (stopping) {
        diagnostics.println(
            "stopped: "
                + (parsed.size() - i)
                + " article(s) read from "
                + source.location()
                + " not published");
        return;
      }
      publish.submit(parsed.get(i));
    }
  }

  /** Reads one source; URLs go through a poller so that following can reuse it. */
  private void readSource(
      Inputs.Source source, Consumer<ParsedInput> out, List<UrlPoller> pollers, Set<Path> readFiles)
      throws InterruptedException {
    if (source instanceof Inputs.UrlSource url) {
      UrlPoller poller = poller(url.uri());
      pollers.add(poller);
      UrlPoller.Status status = poller.poll(e -> out.accept(normaliser.normalise(e)));
      if (status == UrlPoller.Status.FAILED && !options.follow()) {
        out.accept(ParsedInput.rejected(url.location(), poller.lastError()));
      } else if (status == UrlPoller.Status.FAILED) {
        diagnostics.println(
            "warning: "
                + url.location()
                + ": "
                + poller.lastError()
                + "; retrying in "
                + poller.nextDelay().toSeconds()
                + "s");
      }
      return;
    }
    if (source instanceof Inputs.FileSource file) {
      readFiles.add(file.path());
    }
    read(source, out);
  }

  private void read(Inputs.Source source, Consumer<ParsedInput> out) {
    if (source instanceof Inputs.Unreadable u) {
      out.accept(ParsedInput.rejected(u.location(), u.reason()));
    } else if (source instanceof Inputs.UrlSource url) {
      try {
        UrlPoller poller = poller(url.uri());
        if (poller.poll(e -> out.accept(normaliser.normalise(e))) == UrlPoller.Status.FAILED) {
          out.accept(ParsedInput.rejected(url.location(), poller.lastError()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (source instanceof Inputs.FileSource file) {
      try {
        parseDocument(Inputs.read(file), out);
      } catch (IOException e) {
        out.accept(ParsedInput.rejected(file.location(), "cannot read: " + e.getMessage()));
      }
    } else {
      try {
        parseDocument(Inputs.read(stdin), out);
      } catch (IOException e) {
        out.accept(ParsedInput.rejected("stdin", "cannot read: " + e.getMessage()));
      }
    }
  }

  private void parseDocument(Document doc, Consumer<ParsedInput> out) {
    for (Extracted e : parser.parse(doc)) {
      out.accept(normaliser.normalise(e));
    }
  }

  private UrlPoller poller(URI uri) {
    Duration interval =
        options.pollInterval() != null
            ? options.pollInterval()
            : config.getDuration("ingest.poll.interval", Duration.ofSeconds(60));
    return new UrlPoller(
        uri,
        fetcher,
        parser,
        interval,
        config.getDuration("ingest.poll.max.backoff", Duration.ofMinutes(30)));
  }

  private void follow(
      List<String> inputs, PublishSession publish, List<UrlPoller> pollers, Set<Path> readFiles)
      throws IOException {
    List<Path> dirs = Inputs.directories(inputs);
    if (!dirs.isEmpty()) {
      DirectoryFollower follower =
          new DirectoryFollower(
              dirs,
              readFiles,
              path -> read(new Inputs.FileSource(path), p -> submitQuietly(publish, p)),
              config.getDuration("ingest.follow.settle", Duration.ofMillis(500)));
      follower.start();
      running.add(follower);
      diagnostics.println(
          "following " + dirs.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
    if (!pollers.isEmpty()) {
      ScheduledExecutorService scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "stancestream-poll");
                t.setDaemon(true);
                return t;
              });
      running.add(scheduler::shutdownNow);
      for (UrlPoller poller : pollers) {
        schedule(scheduler, poller, publish);
      }
      diagnostics.println("polling " + pollers.size() + " URL(s)");
    }
  }

  private void schedule(
      ScheduledExecutorService scheduler, UrlPoller poller, PublishSession publish) {
    scheduler.schedule(
        () -> {
          if (stopping) {
            return;
          }
          try {
            UrlPoller.Status status =
                poller.poll(e -> submitQuietly(publish, normaliser.normalise(e)));
            if (status == UrlPoller.Status.FAILED) {
              diagnostics.println(
                  "warning: "
                      + poller.uri()
                      + ": "
                      + poller.lastError()
                      + " ("
                      + poller.consecutiveFailures()
                      + " in a row); next try in "
                      + poller.nextDelay().toMillis()
                      + " ms");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (RuntimeException e) {
            diagnostics.println("warning: " + poller.uri() + ": " + e);
          }
          if (!stopping) {
            schedule(scheduler, poller, publish);
          }
        },
        poller.nextDelay().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void submitQuietly(PublishSession publish, ParsedInput input) {
    try {
      publish.submit(input);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The {@code POST /articles} handler publishing through this ingestor's pipeline, for mounting on
   * another HTTP server. Close this ingestor when the server stops.
   */
  public synchronized IngestHandler ingestHandler() {
    return new IngestHandler(
        parser,
        normaliser,
        session(),
        config.getDuration("ingest.http.ack.timeout", Duration.ofSeconds(30)),
        config.getInt("ingest.http.max.bytes", 10 * 1024 * 1024));
  }

  /** Where {@code POST /articles} is served once {@link #run} has started listening, else null. */
  public InetSocketAddress listenAddress() {
    return listening;
  }

  /** The counts so far (final once {@link #run} has returned). */
  public synchronized ProduceSummary summary() {
    return session().summary();
  }

  private synchronized PublishSession session() {
    if (session == null) {
      if (sink == null) {
        sink = new KafkaArticleSink(config);
      }
      Pacer pacer =
          new Pacer(
              options.rate(),
              options.speed(),
              d -> !stopped.await(d.toNanos(), TimeUnit.NANOSECONDS),
              System::nanoTime);
      session = new PublishSession(sink, pacer, diagnostics, options.rejectsFile());
    }
    return session;
  }

  /** Ends following and listening and cuts pacing waits short; {@link #run} then flushes. */
  public void stop() {
    stopping = true;
    stopped.countDown();
  }

  private void closeRunning() {
    for (AutoCloseable c : running) {
      try {
        c.close();
      } catch (Exception e) {
        diagnostics.println("warning: closing " + c + ": " + e.getMessage());
      }
    }
    running.clear();
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }

  /** Stops, flushes and closes the Kafka producer. */
  @Override
  public synchronized void close() {
    stop();
    closeRunning();
    if (session != null) {
      session.flush();
      session.closeRejects();
    }
    if (sink != null) {
      sink.close();
    }
  }
}
