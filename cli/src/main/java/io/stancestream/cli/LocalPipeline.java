package io.stancestream.cli;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topic;
import io.stancestream.events.TopicPlan;
import io.stancestream.events.Topics;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.ingest.IngestHandler;
import io.stancestream.streams.StanceStreamApp;
import io.stancestream.streams.api.IngestEndpoint;
import io.stancestream.streams.api.QueryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole product on one machine: an embedded broker (unless a cluster is configured), the
 * topics, the streams app, and a tail of every output topic. Used by {@code demo} and by the
 * end-to-end tests, so both exercise the same wiring.
 */
final class LocalPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

  private final EmbeddedKafka broker;
  private final StanceStreamConfig cfg;
  private final Topics topics;
  private final StanceStreamApp app;
  private final QueryServer server;
  private final ArticleIngestor ingestor;
  private final OutputTail tail;
  private final Path stateDir;
  private final Set<String> resultKeys = ConcurrentHashMap.newKeySet();

  private LocalPipeline(
      EmbeddedKafka broker,
      StanceStreamConfig cfg,
      StanceStreamApp app,
      QueryServer server,
      ArticleIngestor ingestor,
      OutputTail tail,
      Path stateDir) {
    this.broker = broker;
    this.cfg = cfg;
    this.topics = Topics.from(cfg);
    this.app = app;
    this.server = server;
    this.ingestor = ingestor;
    this.tail = tail;
    this.stateDir = stateDir;
  }

  /**
   * Starts everything and waits until the streams app is RUNNING.
   *
   * @param sink receives every output record (article-stance, dead letters, windows, alerts)
   */
  static LocalPipeline start(StanceStreamConfig base, Consumer<OutputTail.Output> sink)
      throws IOException, InterruptedException {
    EmbeddedKafka broker = null;
    StanceStreamConfig cfg = base;
    Path stateDir = null;
    try {
      if (cfg.embeddedBroker()) {
        broker = EmbeddedKafka.start();
        cfg = cfg.with("bootstrap.servers", broker.bootstrapServers());
        // A fresh broker has no committed offsets, so local state from an earlier run is stale.
        stateDir = Files.createTempDirectory("stancestream-state-");
        cfg = cfg.with("state.dir", stateDir.toString());
      }
      Topics topics = Topics.from(cfg);
      ensureTopics(cfg);
      ArticleAnalyzer analyzer = analyzer(cfg);
      // The server's address must be known before the app is built (interactive queries).
      cfg = QueryServer.withServerAddress(cfg);
      StanceStreamApp app = new StanceStreamApp(cfg, analyzer::analyze);
      ArticleIngestor ingestor = new ArticleIngestor(cfg, ProduceOptions.defaults());
      QueryServer server = QueryServer.start(cfg, app, ingestEndpoint(ingestor.ingestHandler()));
      app.start();
      if (!app.awaitRunning(Duration.ofSeconds(90))) {
        server.close();
        app.close();
        ingestor.close();
        throw new IllegalStateException(
            "streams app did not reach RUNNING: " + app.state() + " " + app.failure());
      }
      LocalPipeline[] self = new LocalPipeline[1];
      OutputTail tail =
          new OutputTail(
              cfg.clientProperties("consumer."),
              topics.outputs().stream().map(Topic::name).toList(),
              o -> {
                self[0].onOutput(o);
                sink.accept(o);
              });
      self[0] = new LocalPipeline(broker, cfg, app, server, ingestor, tail, stateDir);
      tail.start();
      return self[0];
    } catch (RuntimeException | Error | IOException | InterruptedException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /** Creates missing topics per config/kafka-topics.properties (compaction, retention, ...). */
  static void ensureTopics(StanceStreamConfig cfg) throws InterruptedException {
    try {
      TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topics on " + cfg.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  static ArticleAnalyzer analyzer(StanceStreamConfig cfg) {
    String dir = cfg.get("config.dir", "");
    return dir.isBlank()
        ? ArticleAnalyzer.withDefaults()
        : ArticleAnalyzer.fromConfigDir(Path.of(dir));
  }

  private void onOutput(OutputTail.Output o) {
    if (o.topic().equals(topics.articleStance().name())
        || o.topic().equals(topics.articlesDlq().name())) {
      if (o.key() != null) {
        resultKeys.add(o.key());
      }
    }
  }

  StanceStreamConfig config() {
    return cfg;
  }

  Topics topics() {
    return topics;
  }

  StanceStreamApp app() {
    return app;
  }

  /** Where the dashboard and query API are served. */
  String dashboardUrl() {
    return server.url();
  }

  /** {@code POST /articles} publishes through the producer's own pipeline. */
  private static IngestEndpoint ingestEndpoint(IngestHandler handler) {
    return new IngestEndpoint() {
      @Override
      public Reply handle(byte[] body, String contentType, Map<String, List<String>> headers) {
        IngestHandler.Response r = handler.handle(body, contentType, headers);
        return new Reply(r.status(), r.contentType(), r.body());
      }

      @Override
      public int maxBytes() {
        return handler.maxBytes();
      }
    };
  }

  /** True once every id has an article-stance record or a dead letter. */
  boolean hasResultsFor(Set<String> articleIds) {
    return resultKeys.containsAll(articleIds);
  }

  /**
   * True when the streams app has processed and committed everything in its source topics (input
   * and repartition topics): no record is still on its way to an output topic.
   */
  boolean caughtUp() throws InterruptedException {
    try (GroupProgress progress =
        new GroupProgress(
            cfg.clientProperties("admin."),
            cfg.clientProperties("consumer."),
            cfg.get("application.id"),
            topics.articles().name())) {
      return progress.caughtUp();
    }
  }

  /**
   * Waits until the output tail has printed everything committed to the output topics so far.
   *
   * @return false if that did not happen within {@code limit}
   */
  boolean drained(Duration limit) throws InterruptedException {
    Map<TopicPartition, Long> ends;
    try (Admin admin = Admin.create(cfg.clientProperties("admin."))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      tail.assigned().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(30, TimeUnit.SECONDS)
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read output offsets: " + e, e);
    }
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, Long> seen = tail.positions();
      if (ends.entrySet().stream()
          .allMatch(e -> seen.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return false;
  }

  @Override
  public void close() {
    try {
      tail.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    ingestor.close();
    app.close(Duration.ofSeconds(30));
    if (broker != null) {
      broker.close();
    }
    if (stateDir != null) {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        LOG.debug("could not delete {}: {}", stateDir, e.toString());
      }
    }
  }
}
