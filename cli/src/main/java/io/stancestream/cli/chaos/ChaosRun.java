package io.stancestream.cli.chaos;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.cli.GroupProgress;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import io.stancestream.events.Topics;
import io.stancestream.events.generate.ArticleGenerator;
import io.stancestream.streams.enrich.Enricher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * One chaos run, modelled on Kafka's {@code streams_eos_test}: an embedded broker in this JVM, the
 * streams app in a child JVM, a generator publishing realistic articles with poison and
 * re-published ones mixed in, SIGKILLs of the app at random moments while it works, and a verifier
 * that recomputes every expected output from the input.
 *
 * <p>Timeline:
 *
 * <ol>
 *   <li>Event time: articles are {@link ChaosInput#SPACING} apart and end one window size + grace
 *       (+10 min) before the <em>watermark</em> time {@code W}, a little under {@code
 *       event.time.max.future} (at most 25 min) ahead of now: the extractor trusts a {@code
 *       publishedAt} that far ahead of the record time, and the broker accepts output records
 *       stamped with it (it refuses timestamps over {@code message.timestamp.after.max.ms}, 1h by
 *       default, ahead of its clock).
 *   <li>The generator stays at most a bounded number of records ahead of what the app has
 *       committed, and holds back the last tenth of the input until every kill has happened, so
 *       kills always land while input is still being generated and processed.
 *   <li>Kill {@code k} happens once the app's committed progress passes a random fraction of the
 *       input (drawn from the seed, in [5%, 85%]) and the app has committed something since its
 *       last start, after a further random 0–1.5 s; the app is restarted at once.
 *   <li>When all input is processed, <em>watermark articles</em> published at {@code W} are
 *       produced: chosen so that their topics and outlets reach every partition of the windowing
 *       repartition topics, they advance stream time in every window task past the end + grace of
 *       every window that holds an input article, so every such window emits its final result. No
 *       window that closes holds a watermark article.
 *   <li>Once the app has processed those too, the outputs are verified.
 * </ol>
 */
public final class ChaosRun {

  /** Settings of one run. */
  public record Options(
      int articles,
      int kills,
      long seed,
      double poisonRate,
      double republishRate,
      Duration timeout,
      boolean keep) {}

  private static final String JAVA_OPTS_PROPERTY = "stancestream.chaos.app.java.opts";

  private final StanceStreamConfig base;
  private final Map<String, String> appOverrides;
  private final Options options;
  private final Path home;
  private final PrintStream log;
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final AtomicInteger selfExits = new AtomicInteger();
  private static final int MAX_SELF_EXITS = 5;

  /**
   * @param base settings as layered for this command (its broker setting is ignored: chaos always
   *     starts its own embedded broker)
   * @param appOverrides {@code --set} settings passed on to the app process as well
   * @param home the install root, whose {@code config/} both JVMs use
   * @param log progress lines (stderr)
   */
  public ChaosRun(
      StanceStreamConfig base,
      Map<String, String> appOverrides,
      Options options,
      Path home,
      PrintStream log) {
    this.base = base;
    this.appOverrides = new LinkedHashMap<>(appOverrides);
    this.options = options;
    this.home = home;
    this.log = log;
  }

  /** Runs everything and returns the report; never throws for a failed check. */
  public ChaosReport run() throws IOException, InterruptedException {
    long began = System.nanoTime();
    long deadline = began + options.timeout().toNanos();
    Path work = Files.createTempDirectory("stancestream-chaos-");
    String appId = "chaos-" + Long.toHexString(options.seed() & 0xffffffffL);
    List<String> problems = new ArrayList<>();
    // Keep the broker data and app log of a failed run for a post-mortem.
    boolean delete = false;
    try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("broker"), Map.of())) {
      StanceStreamConfig cfg =
          base.with("bootstrap.servers", broker.bootstrapServers())
              .with("application.id", appId)
              .with("state.dir", work.resolve("state").toString());
      Duration span = ChaosInput.SPACING.multipliedBy(options.articles());
      if (!appOverrides.containsKey("window.grace")) {
        // Streams does not keep its tasks in step: with a backlog, one input partition's articles
        // can run hours of event time ahead of another's, and their mentions meet in the window
        // tasks, where anything later than the grace is left out by design. A grace covering the
        // whole input makes every window count exactly what the input implies; kills still hit
        // open windows and suppression buffers.
        String grace = span.plusHours(1).toMinutes() + "m";
        cfg = cfg.with("window.grace", grace);
        appOverrides.put("window.grace", grace);
      }
      Topics topics = Topics.from(cfg);
      TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
      ArticleAnalyzer analyzer = analyzer(cfg);
      Expectations expected = new Expectations(cfg, analyzer, topics.articles().name());

      Instant now = Instant.now();
      Instant watermark = now.plus(watermarkLead(expected.windows().maxFuture()));
      Duration longest =
          max(expected.windows().tumblingSize(), expected.windows().hoppingSize())
              .plus(expected.windows().grace())
              .plus(Duration.ofMinutes(10));
      ChaosInput input =
          new ChaosInput(
              options.articles(),
              options.poisonRate(),
              options.republishRate(),
              watermark.minus(longest).minus(span),
              options.seed());
      log.printf(
          "chaos: %d articles + %d poison + %d re-published = %d records, %d kills, seed %d,"
              + " work dir %s%n",
          options.articles(),
          input.poisonCount(),
          input.republishedCount(),
          input.size(),
          options.kills(),
          options.seed(),
          work);

      AppProcess app = new AppProcess(appCommand(cfg, work), home, work.resolve("app.log"));
      AtomicInteger kills = new AtomicInteger();
      try (GroupProgress progress =
              new GroupProgress(
                  cfg.clientProperties("admin."),
                  cfg.clientProperties("consumer."),
                  appId,
                  topics.articles().name());
          KafkaProducer<String, byte[]> producer = producer(cfg)) {
        app.start();
        AtomicLong committed = new AtomicLong();
        AtomicReference<Throwable> generatorFailure = new AtomicReference<>();
        Generator generator =
            new Generator(input, expected, producer, topics.articles().name(), committed, kills);
        Thread generating = new Thread(() -> generator.run(generatorFailure), "chaos-generator");
        generating.setDaemon(true);
        generating.start();

        double[] killAt = killFractions();
        SplittableRandom moments = new SplittableRandom(options.seed() + 7);
        long committedAtStart = 0;
        long lastReport = 0;
        while (generating.isAlive() || kills.get() < options.kills()) {
          if (System.nanoTime() > deadline) {
            problems.add("timed out while generating and killing");
            break;
          }
          if (generatorFailure.get() != null) {
            problems.add("generator failed: " + generatorFailure.get());
            break;
          }
          long done = progress.committedInput();
          if (done >= 0) {
            committed.set(done);
          }
          if (!superviseApp(app, problems)) {
            break;
          }
          int k = kills.get();
          if (k < options.kills()
              && done > committedAtStart
              && done >= (long) (killAt[k] * input.size())) {
            TimeUnit.MILLISECONDS.sleep(moments.nextInt(1_500));
            long at = Math.max(done, progress.committedInput());
            app.kill();
            kills.incrementAndGet();
            log.printf(
                "chaos: SIGKILL %d/%d of the app (pid %d) at %d/%d committed, %d published%n",
                k + 1, options.kills(), app.pid(), at, input.size(), generator.published());
            committedAtStart = Math.max(at, progress.committedInput());
            app.start();
          }
          if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
            lastReport = System.nanoTime();
            log.printf(
                "chaos: %d/%d published, %d committed, %d kills%n",
                generator.published(), input.size(), Math.max(done, 0), kills.get());
          }
          TimeUnit.MILLISECONDS.sleep(200);
        }
        generating.join(TimeUnit.SECONDS.toMillis(30));

        if (problems.isEmpty()) {
          awaitCaughtUp(progress, app, deadline, problems, "input");
        }
        long streamTime = -1;
        if (problems.isEmpty()) {
          List<Article> marks = watermarkArticles(analyzer, progress, input, watermark);
          for (Article a : marks) {
            ChaosInput.InputRecord r =
                new ChaosInput.InputRecord(
                    ChaosInput.Kind.ARTICLE,
                    a.id(),
                    JsonSerde.of(Article.class).serialize(topics.articles().name(), a),
                    a);
            long ts = System.currentTimeMillis();
            send(producer, topics.articles().name(), r, ts);
            expected.published(r, ts);
          }
          producer.flush();
          if (sendFailure.get() != null) {
            problems.add("publishing failed: " + sendFailure.get());
          }
          streamTime = expected.maxEventTime();
          log.printf(
              "chaos: published %d watermark articles at %s to close every window%n",
              marks.size(), watermark);
          awaitCaughtUp(progress, app, deadline, problems, "watermark");
        }
        app.close();

        OutputVerifier.Verdict verdict =
            new OutputVerifier(cfg.clientProperties("consumer."), topics)
                .verify(expected, streamTime);
        ChaosReport report =
            ChaosReport.of(
                expected,
                verdict,
                input,
                kills.get(),
                app.starts(),
                selfExits.get(),
                options.seed(),
                seconds(began),
                problems,
                app.log());
        delete = report.exact() && selfExits.get() == 0 && !options.keep();
        return report;
      } finally {
        app.close();
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot create topics on the embedded broker: " + e, e);
    } finally {
      if (delete) {
        deleteQuietly(work);
      }
    }
  }

  /**
   * How far ahead of now the watermark is published: within {@code event.time.max.future} (or the
   * extractor would not trust it) and within the broker's {@code message.timestamp.after.max.ms}
   * (1h by default; outputs carry the event time and the broker refuses records stamped further
   * ahead), with five minutes to spare.
   */
  static Duration watermarkLead(Duration maxFuture) {
    Duration cap = Duration.ofMinutes(30);
    Duration lead = maxFuture.compareTo(cap) < 0 ? maxFuture : cap;
    return lead.compareTo(Duration.ofMinutes(10)) > 0
        ? lead.minus(Duration.ofMinutes(5))
        : lead.dividedBy(2);
  }

  /**
   * Acts as the process supervisor a deployment has (systemd, Kubernetes): an app that exited by
   * itself is logged, counted in the report ({@code app_self_exits}) and started again. Gives up
   * (false, with a problem) after {@value #MAX_SELF_EXITS} such exits: a crash loop.
   */
  private boolean superviseApp(AppProcess app, List<String> problems) throws InterruptedException {
    if (app.alive()) {
      return true;
    }
    int exits = selfExits.incrementAndGet();
    log.printf(
        "chaos: the app exited by itself (code %s, exit %d); restarting it. See %s%n",
        app.exitCode(), exits, app.log());
    if (exits > MAX_SELF_EXITS) {
      problems.add("the app exited by itself " + exits + " times, see " + app.log());
      return false;
    }
    try {
      app.start();
      return true;
    } catch (IOException e) {
      problems.add("cannot restart the app: " + e);
      return false;
    }
  }

  /** The sorted kill points, as fractions of the input committed. */
  private double[] killFractions() {
    SplittableRandom r = new SplittableRandom(options.seed() + 5);
    double[] at = new double[options.kills()];
    for (int i = 0; i < at.length; i++) {
      at[i] = 0.05 + 0.80 * r.nextDouble();
    }
    Arrays.sort(at);
    return at;
  }

  private void awaitCaughtUp(
      GroupProgress progress, AppProcess app, long deadline, List<String> problems, String what)
      throws InterruptedException {
    while (!progress.caughtUp()) {
      if (System.nanoTime() > deadline) {
        problems.add("timed out waiting for the app to process the " + what);
        return;
      }
      if (!superviseApp(app, problems)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
  }

  /**
   * Articles at the watermark time whose mentioned topics and outlets together hash to every
   * partition of the mention and stance-trend repartition topics (their keys: topic id, outlet and
   * {@code *}), so every window task sees stream time jump to the watermark.
   */
  private List<Article> watermarkArticles(
      ArticleAnalyzer analyzer, GroupProgress progress, ChaosInput input, Instant at)
      throws InterruptedException {
    int mentionParts = progress.repartitionPartitions("mentions-by-topic");
    int trendParts = progress.repartitionPartitions("stance-by-outlet");
    if (mentionParts < 1 || trendParts < 1) {
      throw new IllegalStateException("the app's repartition topics do not exist");
    }
    BitSet mentions = new BitSet();
    BitSet trends = new BitSet();
    trends.set(partition("*", trendParts));
    ArticleGenerator gen = new ArticleGenerator(options.seed() + 11);
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      if (mentions.cardinality() == mentionParts && trends.cardinality() == trendParts) {
        break;
      }
      Article a = gen.article(1_000_000 + input.articles() + i, gen.randomLean(), 3_000, at);
      var stance = Enricher.toStance(a, analyzer.analyze(a.title(), a.body()), Instant.EPOCH);
      BitSet m = new BitSet();
      stance.mentions().forEach((topic, n) -> m.set(partition(topic, mentionParts)));
      int t = partition(Expectations.outletOf(stance), trendParts);
      boolean useful = !trends.get(t) || m.stream().anyMatch(p -> !mentions.get(p));
      if (useful) {
        mentions.or(m);
        trends.set(t);
        out.add(a);
      }
    }
    if (mentions.cardinality() < mentionParts || trends.cardinality() < trendParts) {
      throw new IllegalStateException("no watermark articles reach every window partition");
    }
    return out;
  }

  /** The partition the producer's default partitioner picks for a string key. */
  static int partition(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** {@code java -cp <this classpath> StanceStreamCli run ...} with this run's settings. */
  private List<String> appCommand(StanceStreamConfig cfg, Path work) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(List.of(System.getProperty(JAVA_OPTS_PROPERTY, "-Xmx768m").split("\\s+")));
    cmd.add("-Dstancestream.home=" + home);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.stancestream.cli.StanceStreamCli");
    cmd.add("run");
    cmd.add("--no-create-topics");
    cmd.add("--bootstrap-servers");
    cmd.add(cfg.bootstrapServers());
    Path file = home.resolve("config/stancestream.properties");
    if (Files.isRegularFile(file)) {
      cmd.add("--config");
      cmd.add(file.toString());
    }
    Map<String, String> set = new LinkedHashMap<>();
    set.put("application.id", cfg.get("application.id"));
    set.put("state.dir", cfg.get("state.dir"));
    set.put("config.dir", cfg.get("config.dir", home.resolve("config").toString()));
    set.put("http.port", "0");
    // A killed member holds its partitions until its session times out: keep that short so a
    // restart gets them back in seconds rather than 45 s.
    set.put("streams.consumer.session.timeout.ms", "6000");
    set.put("streams.consumer.heartbeat.interval.ms", "1500");
    set.putAll(appOverrides);
    set.remove("bootstrap.servers");
    set.forEach(
        (k, v) -> {
          cmd.add("--set");
          cmd.add(k + "=" + v);
        });
    return cmd;
  }

  private static KafkaProducer<String, byte[]> producer(StanceStreamConfig cfg) {
    Properties p = cfg.clientProperties("producer.");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4194304");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "stancestream-chaos-generator");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private void send(
      KafkaProducer<String, byte[]> producer, String topic, ChaosInput.InputRecord r, long ts) {
    if (sendFailure.get() != null) {
      throw new IllegalStateException("cannot publish: " + sendFailure.get(), sendFailure.get());
    }
    producer.send(
        new ProducerRecord<>(topic, null, ts, r.key(), r.value()),
        (meta, e) -> {
          if (e != null) {
            sendFailure.compareAndSet(null, e);
          }
        });
  }

  static ArticleAnalyzer analyzer(StanceStreamConfig cfg) {
    String dir = cfg.get("config.dir", "").trim();
    return dir.isEmpty()
        ? ArticleAnalyzer.withDefaults()
        : ArticleAnalyzer.fromConfigDir(Path.of(dir));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static double seconds(long beganNanos) {
    return Math.round((System.nanoTime() - beganNanos) / 1e7) / 100.0;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }

  /**
   * Publishes the input in order, never more than a tenth of it (at least {@value #MIN_AHEAD}
   * records) ahead of what the app has committed. The last tenth goes out in chunks of {@value
   * #CHUNK}, each only once the app has caught up, until every kill has happened: so the app always
   * has work in hand when it is killed.
   */
  private final class Generator {

    private static final int MIN_AHEAD = 200;
    private static final int CHUNK = 50;

    private final ChaosInput input;
    private final Expectations expected;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicLong committed;
    private final AtomicInteger kills;
    private final AtomicLong published = new AtomicLong();

    Generator(
        ChaosInput input,
        Expectations expected,
        KafkaProducer<String, byte[]> producer,
        String topic,
        AtomicLong committed,
        AtomicInteger kills) {
      this.input = input;
      this.expected = expected;
      this.producer = producer;
      this.topic = topic;
      this.committed = committed;
      this.kills = kills;
    }

    long published() {
      return published.get();
    }

    void run(AtomicReference<Throwable> failure) {
      try {
        int ahead = Math.max(MIN_AHEAD, input.size() / 10);
        int holdBack = input.size() - input.size() / 10;
        for (int i = 0; i < input.size(); i++) {
          while (i - committed.get() > ahead
              || (i >= holdBack
                  && (i - holdBack) % CHUNK == 0
                  && kills.get() < options.kills()
                  && committed.get() < i)) {
            producer.flush();
            TimeUnit.MILLISECONDS.sleep(100);
          }
          ChaosInput.InputRecord r = input.record(i);
          long ts = System.currentTimeMillis();
          send(producer, topic, r, ts);
          expected.published(r, ts);
          published.incrementAndGet();
        }
        producer.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }
  }
}
