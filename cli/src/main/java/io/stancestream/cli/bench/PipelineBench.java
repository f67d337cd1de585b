package io.stancestream.cli.bench;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import io.stancestream.events.Topics;
import io.stancestream.streams.ArticleScorer;
import io.stancestream.streams.StanceStreamApp;
import io.stancestream.streams.StanceTopology;
import io.stancestream.streams.metrics.TimedScorer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * One bench run, in order: the scorer alone; the producer; for each processing guarantee the
 * passthrough and the full topology over the same backlog, interleaved repetition by repetition so
 * that noise from other processes hits both alike; a paced latency run; memory peaks throughout.
 * Uses an embedded broker unless the settings name a cluster, in which case every topic name gets
 * the prefix {@value #CLUSTER_PREFIX}.
 */
public final class PipelineBench {

  /** Upper bound on warm-up runs of the full topology (JIT still compiling). */
  private static final int MAX_FULL_WARMUPS = 5;

  static final String CLUSTER_PREFIX = "bench.";

  /**
   * The passthrough reads this many copies of the backlog (ids suffixed): at ~10,000 records/s and
   * more, one copy would be gone in half a second, before its first commit, so the run would not
   * pay for the exactly-once commits that every longer run pays for.
   */
  static final int PASSTHROUGH_BACKLOG_COPIES = 8;

  static final String PASSTHROUGH_INPUT_TOPIC = "bench-passthrough-articles";
  static final String PASSTHROUGH_TOPIC = "bench-passthrough";
  static final String PRODUCER_TOPIC = "bench-producer";
  static final String LATENCY_TOPIC = "bench-latency-articles";

  private static final String[] TOPIC_KEYS = {
    "articles",
    "articles-dlq",
    "article-stance",
    "topic-mentions",
    "topic-mentions-final",
    "stance-trends",
    "alerts"
  };

  private final BenchPlan plan;
  private final PrintStream progress;

  /**
   * @param progress where progress lines go (stderr: stdout carries only the result)
   */
  public PipelineBench(BenchPlan plan, PrintStream progress) {
    this.plan = plan;
    this.progress = progress;
  }

  public BenchReport run(StanceStreamConfig base, ArticleAnalyzer analyzer)
      throws IOException, InterruptedException {
    long began = System.nanoTime();
    try (ResourceSampler memory = new ResourceSampler()) {
      EmbeddedKafka broker = null;
      Path stateDir = Files.createTempDirectory("stancestream-bench-");
      try {
        StanceStreamConfig cfg = base.with("state.dir", stateDir.toString());
        if (cfg.embeddedBroker()) {
          say("starting the embedded broker");
          broker = EmbeddedKafka.start();
          cfg = cfg.with("bootstrap.servers", broker.bootstrapServers());
        } else {
          for (String key : TOPIC_KEYS) {
            cfg = cfg.with("topic." + key, CLUSTER_PREFIX + cfg.topicName(key));
          }
        }
        return measure(cfg, analyzer, memory, began);
      } finally {
        if (broker != null) {
          broker.close();
        }
        deleteTree(stateDir);
      }
    }
  }

  private BenchReport measure(
      StanceStreamConfig cfg, ArticleAnalyzer analyzer, ResourceSampler memory, long began)
      throws InterruptedException {
    Topics topics = Topics.from(cfg);
    createTopics(cfg);
    say("generating " + plan.articles() + " articles of ~" + plan.articleChars() + " chars");
    Instant now = Instant.now();
    BenchCorpus corpus = BenchCorpus.generate(0, plan.articles(), plan.articleChars(), now);
    BenchCorpus latencyCorpus =
        BenchCorpus.generate(
            plan.articles() + 1_000_000, plan.latencyArticles(), plan.articleChars(), now);

    ArticleScorer scorer = TimedScorer.of(analyzer::analyze);
    say("scorer alone, one thread");
    ScorerThroughput.Result scorerResult =
        new ScorerThroughput(scorer)
            .measure(
                corpus.articles().subList(0, Math.min(500, corpus.size())),
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                plan.repetitions());

    say("producer: loading the backlog into " + topics.articles().name());
    Properties producerProps = cfg.clientProperties("producer.");
    BacklogLoader.load(producerProps, topics.articles().name(), corpus.articles());
    List<Double> producerRates = new ArrayList<>();
    List<Double> producerMb = new ArrayList<>();
    for (int r = 0; r < plan.repetitions(); r++) {
      BacklogLoader.Result p = BacklogLoader.load(producerProps, PRODUCER_TOPIC, corpus.articles());
      producerRates.add(p.recordsPerSecond());
      producerMb.add(p.mbPerSecond());
    }
    List<Article> passthroughBacklog = copies(corpus.articles(), PASSTHROUGH_BACKLOG_COPIES);
    say("loading " + passthroughBacklog.size() + " records into " + PASSTHROUGH_INPUT_TOPIC);
    BacklogLoader.load(producerProps, PASSTHROUGH_INPUT_TOPIC, passthroughBacklog);
    BenchReport.Rate producer =
        new BenchReport.Rate(
            Percentiles.median(producerRates), Percentiles.median(producerMb), producerRates);

    // Each topology ticks its run's clock once per record: the passthrough after deserialising,
    // the full topology after scoring.
    BiFunction<StanceStreamConfig, ProcessedClock, Topology> full =
        (c, clock) ->
            StanceTopology.build(
                c,
                Topics.from(c),
                (title, body) -> {
                  AnalysisResult result = scorer.analyze(title, body);
                  clock.tick();
                  return result;
                });
    BiFunction<StanceStreamConfig, ProcessedClock, Topology> passthrough =
        (c, clock) ->
            PassthroughTopology.build(
                Topics.from(c.with("topic.articles", PASSTHROUGH_INPUT_TOPIC)).articles(),
                PASSTHROUGH_TOPIC,
                clock);
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Map<String, BenchReport.TopologyFigures> byGuarantee = new LinkedHashMap<>();
    boolean warm = false;
    for (String guarantee : plan.guarantees()) {
      StanceStreamConfig g = cfg.with("processing.guarantee", guarantee);
      String prefix = "bench-" + runId + "-" + guarantee.replace('_', '-');
      // Catching up is seen through committed offsets: only worth waiting for with short commits.
      boolean drain = commitIntervalMs(g, guarantee) <= 2_000;
      if (!warm) {
        say("warm-up: passthrough and full topology (" + guarantee + ")");
        TopologyRun.run(
            g,
            prefix + "-warmup-pt",
            passthrough,
            PASSTHROUGH_TOPIC,
            passthroughBacklog.size(),
            false);
        // The full topology has far more code to compile (scorer, stores, windows): at least two
        // rounds, then more until the JIT compiler is nearly done (it used as much CPU as the
        // stream thread in the first measured run otherwise), at most MAX_FULL_WARMUPS.
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int w = 1; w <= MAX_FULL_WARMUPS; w++) {
          long jitBefore = jit.getTotalCompilationTime();
          long t0 = System.nanoTime();
          TopologyRun.run(
              g,
              prefix + "-warmup-full-" + w,
              full,
              topics.articleStance().name(),
              corpus.size(),
              false);
          double jitShare =
              (jit.getTotalCompilationTime() - jitBefore) * 1e6 / (System.nanoTime() - t0);
          say(
              String.format(
                  java.util.Locale.ROOT, "warm-up %d: JIT %.0f%% of the run", w, 100 * jitShare));
          if (w >= 2 && jitShare < 0.10) {
            break;
          }
        }
        warm = true;
      }
      List<Double> pt = new ArrayList<>();
      List<Double> fu = new ArrayList<>();
      List<Double> ptCommitted = new ArrayList<>();
      List<Double> fuCommitted = new ArrayList<>();
      List<Double> drained = new ArrayList<>();
      List<Double> ptCpu = new ArrayList<>();
      List<Double> fuCpu = new ArrayList<>();
      for (int r = 1; r <= plan.repetitions(); r++) {
        TopologyRun.Result p =
            TopologyRun.run(
                g,
                prefix + "-pt-" + r,
                passthrough,
                PASSTHROUGH_TOPIC,
                passthroughBacklog.size(),
                false);
        TopologyRun.Result f =
            TopologyRun.run(
                g,
                prefix + "-full-" + r,
                full,
                topics.articleStance().name(),
                corpus.size(),
                drain);
        pt.add(p.processedPerSecond());
        fu.add(f.processedPerSecond());
        ptCommitted.add(p.committedPerSecond());
        fuCommitted.add(f.committedPerSecond());
        drained.add(drain ? f.drainedRecordsPerSecond() : Double.NaN);
        ptCpu.add(p.cpuMicrosPerRecord());
        fuCpu.add(f.cpuMicrosPerRecord());
        say(
            String.format(
                java.util.Locale.ROOT,
                "%s repetition %d: passthrough %.0f/s, full %.0f/s (ratio %.2f); committed"
                    + " output %.0f/s and %.0f/s%s",
                guarantee,
                r,
                p.processedPerSecond(),
                f.processedPerSecond(),
                f.processedPerSecond() / p.processedPerSecond(),
                p.committedPerSecond(),
                f.committedPerSecond(),
                drain
                    ? String.format(
                        java.util.Locale.ROOT,
                        ", windows drained at %.0f/s",
                        f.drainedRecordsPerSecond())
                    : ""));
      }
      byGuarantee.put(
          guarantee,
          new BenchReport.TopologyFigures(pt, fu, ptCommitted, fuCommitted, drained, ptCpu, fuCpu));
    }

    LatencyProbe.Result latency = null;
    if (!plan.quick()) {
      say("latency: " + plan.latencyArticles() + " articles at " + plan.latencyRate() + "/s");
      StanceStreamConfig latencyCfg =
          cfg.with("processing.guarantee", plan.guarantee()).with("topic.articles", LATENCY_TOPIC);
      latency =
          LatencyProbe.measure(
              latencyCfg,
              "bench-" + runId + "-latency",
              c -> full.apply(c, new ProcessedClock(Long.MAX_VALUE)),
              latencyCorpus.articles(),
              plan.latencyRate());
    }

    return new BenchReport(
        plan,
        machine(memory),
        settings(cfg.with("processing.guarantee", plan.guarantee())),
        (double) corpus.valueBytes() / corpus.size(),
        (double) corpus.bodyBytes() / corpus.size(),
        producer,
        byGuarantee,
        scorerResult,
        latency,
        memory.peakHeapMb(),
        memory.peakRssMb(),
        (System.nanoTime() - began) / 1e9);
  }

  /** {@code copies} times the articles, the copies' ids suffixed {@code ~1}, {@code ~2}, .... */
  private static List<Article> copies(List<Article> articles, int copies) {
    List<Article> out = new ArrayList<>(articles.size() * copies);
    out.addAll(articles);
    for (int c = 1; c < copies; c++) {
      for (Article a : articles) {
        out.add(a.withId(a.id() + "~" + c));
      }
    }
    return out;
  }

  /** The application's topics per the topic plan, plus the bench's own, same partition count. */
  private void createTopics(StanceStreamConfig cfg) throws InterruptedException {
    try {
      TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
      int partitions = cfg.getInt("topic.partitions", 3);
      short replication = (short) cfg.getInt("topic.replication.factor", 1);
      try (Admin admin = Admin.create(cfg.clientProperties("admin."))) {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing =
            Stream.of(PASSTHROUGH_INPUT_TOPIC, PASSTHROUGH_TOPIC, PRODUCER_TOPIC, LATENCY_TOPIC)
                .filter(t -> !existing.contains(t))
                .map(
                    t ->
                        new NewTopic(t, partitions, replication)
                            .configs(Map.of("max.message.bytes", "4194304")))
                .toList();
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the bench topics: " + e.getMessage(), e);
    }
  }

  /** The commit interval the streams app will use under {@code guarantee}. */
  private static long commitIntervalMs(StanceStreamConfig cfg, String guarantee) {
    Properties p =
        StanceStreamApp.streamsProperties(cfg.with("application.id", "bench"), Topics.from(cfg));
    String configured = p.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    if (configured != null) {
      return Long.parseLong(configured);
    }
    return guarantee.equals(BenchPlan.EXACTLY_ONCE_V2) ? 100 : 30_000;
  }

  /** The settings that shape the figures, as the streams app sees them. */
  private static Map<String, String> settings(StanceStreamConfig cfg) {
    Properties p =
        StanceStreamApp.streamsProperties(cfg.with("application.id", "bench"), Topics.from(cfg));
    Map<String, String> s = new LinkedHashMap<>();
    s.put("topic.partitions", cfg.get("topic.partitions", "3"));
    s.put(
        StreamsConfig.NUM_STREAM_THREADS_CONFIG,
        p.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1 (default)"));
    s.put(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        p.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "default"));
    s.put(
        StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        p.getProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "default"));
    p.stringPropertyNames().stream()
        .filter(k -> k.startsWith("producer.") || k.startsWith("consumer."))
        .sorted()
        .forEach(k -> s.put(k, p.getProperty(k)));
    return s;
  }

  private static BenchReport.Machine machine(ResourceSampler memory) {
    double memMb = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memMb = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: memory unknown
    }
    return new BenchReport.Machine(
        Runtime.getRuntime().availableProcessors(),
        memMb,
        memory.maxHeapMb(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }

  private void say(String line) {
    progress.println("bench: " + line);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
