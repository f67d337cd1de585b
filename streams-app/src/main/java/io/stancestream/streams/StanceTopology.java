package io.stancestream.streams;

import io.stancestream.events.Alert;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.Topic;
import io.stancestream.events.TopicMentionCount;
import io.stancestream.events.Topics;
import io.stancestream.streams.alerts.AlertOnce;
import io.stancestream.streams.alerts.AlertRules;
import io.stancestream.streams.alerts.MentionSpikeDetector;
import io.stancestream.streams.alerts.StanceShiftDetector;
import io.stancestream.streams.alerts.StrongStanceRule;
import io.stancestream.streams.alerts.WindowHistory;
import io.stancestream.streams.api.QueryStores;
import io.stancestream.streams.enrich.Enricher;
import io.stancestream.streams.enrich.FirstSeenFilter;
import io.stancestream.streams.errors.DeadLetters;
import io.stancestream.streams.validate.ArticleValidator;
import io.stancestream.streams.validate.Validation;
import io.stancestream.streams.windows.MentionCount;
import io.stancestream.streams.windows.MentionCountSerde;
import io.stancestream.streams.windows.MentionDeltas;
import io.stancestream.streams.windows.MentionEvent;
import io.stancestream.streams.windows.MentionEventSerde;
import io.stancestream.streams.windows.StanceSample;
import io.stancestream.streams.windows.StanceSampleSerde;
import io.stancestream.streams.windows.StanceTally;
import io.stancestream.streams.windows.WindowSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The StanceStream topology, built by one pure function: {@link #build}.
 *
 * <pre>
 * articles (String id, Article JSON as raw bytes)
 *   validate ──rejected──▶ articles-dlq (String key, DeadLetter)
 *   key by article id (re-keys through repartition topic articles-by-id only when key != id)
 *   dedupe (store seen-articles: first record of an id wins)
 *   enrich (analyzer) ──▶ article-stance (String article id, ArticleStance)
 *   ├─ mentions by topic ─ tumbling window counts ─ increments per changed count, by topic
 *   │     (repartition topic mentions-by-topic-hourly) ─ hopping windows summed from them
 *   │     ├─▶ topic-mentions       (String topic@start[/end], TopicMentionCount) live updates
 *   │     └─▶ topic-mentions-final (same) one record per closed window
 *   ├─ stance by outlet and * ─ tumbling window tallies ─▶ stance-trends (String outlet@start,
 *   │     StanceTrend) live updates, then one final record per closed window
 *   └─ alert rules: strong-stance (per article), mention-spike (closed tumbling mention windows),
 *        stance-shift (closed stance windows) ─ once per id (store emitted-alerts)
 *        ─▶ alerts (String rule@key@start, Alert)
 * article-stance ─▶ table article-stance-store, for the query API (the compacted topic is the
 *   store's changelog)
 * </pre>
 *
 * <p>Event time is the article's {@code publishedAt} (see {@link ArticleTimestampExtractor});
 * windows, grace and retention come from {@link WindowSettings}, alert thresholds from {@link
 * AlertRules}. Every processor, store and internal topic is named, so store and changelog names
 * stay stable; {@code TopologyDescriptionTest} locks the shape. Disabled alert rules keep their
 * processors, so toggling a rule never changes the topology.
 */
public final class StanceTopology {

  /** Store of article ids already processed (id to text fingerprint). */
  public static final String SEEN_ARTICLES = "seen-articles";

  /** Window store of {@link MentionCount} per topic, tumbling windows. */
  public static final String TOPIC_MENTIONS_TUMBLING = "topic-mentions-tumbling";

  /** Window store of {@link MentionCount} per topic, hopping windows. */
  public static final String TOPIC_MENTIONS_HOPPING = "topic-mentions-hopping";

  /**
   * Window store of the tumbling mention counts already added to the hopping windows, per topic and
   * tumbling window (see {@link MentionDeltas}).
   */
  public static final String MENTION_INCREMENTS = "topic-mentions-increments";

  /** Window store of {@link StanceTally} per outlet and {@code *}, tumbling windows. */
  public static final String STANCE_TRENDS = "stance-trends-tumbling";

  /** Store of each topic's recent closed-window counts, for the mention-spike baseline. */
  public static final String MENTION_SPIKE_HISTORY = "mention-spike-history";

  /** Store of each outlet's recent closed-window stance sums, for the stance-shift baseline. */
  public static final String STANCE_SHIFT_HISTORY = "stance-shift-history";

  /** Store of every alert published (alert id to {@link Alert}). */
  public static final String EMITTED_ALERTS = "emitted-alerts";

  /**
   * The topology optimizations {@link #build} applies, and which the app's settings must name too
   * ({@code topology.optimization}): a table read from a compacted topic uses that topic as its
   * changelog.
   */
  public static final String OPTIMIZATIONS = StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS;

  private static final Serde<String> KEY = Serdes.String();

  private StanceTopology() {}

  /**
   * Builds the whole topology. Pure: reads only its arguments, starts nothing, reads no clock.
   *
   * @param cfg settings: {@code article.max.body.chars}, {@code dlq.max.original.bytes}, {@code
   *     window.*}, {@code event.time.max.future} and {@code alert.*}
   * @param topics the topic registry
   * @param scorer the stance analyzer, e.g. {@code ArticleAnalyzer.withDefaults()::analyze}
   */
  public static Topology build(StanceStreamConfig cfg, Topics topics, ArticleScorer scorer) {
    WindowSettings windows = WindowSettings.from(cfg);
    AlertRules rules = AlertRules.from(cfg);
    StreamsBuilder builder = new StreamsBuilder();

    KStream<String, Article> valid = validate(builder, cfg, topics, windows);
    KStream<String, ArticleStance> stances =
        enrich(dedupe(keyByArticleId(valid, topics)), topics, scorer);
    Mentions mentions = countMentions(stances, topics, windows);
    KStream<Windowed<String>, StanceTally> closedTrends = trendStance(stances, topics, windows);
    routeAlerts(stances, mentions.closedTumbling(), closedTrends, topics, windows, rules);
    // Built last, so that the sub-topologies (and task ids, state directories) of the others keep
    // the numbers they had before hopping counts were summed from the tumbling ones.
    countHopping(mentions, topics, windows);
    QueryStores.materialize(builder, topics);

    return builder.build(optimizations());
  }

  /**
   * Reads {@code articles} as raw bytes, so no record can fail deserialization, and validates each
   * one; rejected records go to {@code articles-dlq}. Returns the valid articles.
   */
  static KStream<String, Article> validate(
      StreamsBuilder builder, StanceStreamConfig cfg, Topics topics, WindowSettings windows) {
    int maxBodyChars = cfg.getInt("article.max.body.chars", 1_000_000);
    int maxOriginalBytes =
        cfg.getInt("dlq.max.original.bytes", DeadLetters.DEFAULT_MAX_ORIGINAL_BYTES);
    Map<String, KStream<String, Validation>> outcome =
        builder.stream(
                topics.articles().name(),
                Consumed.with(KEY, Serdes.ByteArray())
                    .withTimestampExtractor(new ArticleTimestampExtractor(windows.maxFuture()))
                    .withName("articles-source"))
            .processValues(
                () -> new ArticleValidator(maxBodyChars, maxOriginalBytes), Named.as("validate"))
            .split(Named.as("validation-"))
            .branch((key, v) -> v.isValid(), Branched.as("valid"))
            .defaultBranch(Branched.as("rejected"));
    outcome
        .get("validation-rejected")
        .mapValues(Validation::deadLetter, Named.as("dead-letter"))
        .to(topics.articlesDlq().name(), produced(topics.articlesDlq(), "articles-dlq-sink"));
    return outcome.get("validation-valid").mapValues(Validation::article, Named.as("article"));
  }

  /**
   * Keys every article by its id. Records already keyed so (the producer's contract) pass straight
   * through; others are re-keyed through the repartition topic {@code articles-by-id}, so that all
   * records of an id meet in one task for deduplication.
   */
  static KStream<String, Article> keyByArticleId(KStream<String, Article> articles, Topics topics) {
    Map<String, KStream<String, Article>> byKey =
        articles
            .split(Named.as("key-"))
            .branch((key, a) -> a.id().equals(key), Branched.as("is-article-id"))
            .defaultBranch(Branched.as("not-article-id"));
    KStream<String, Article> rekeyed =
        byKey
            .get("key-not-article-id")
            .selectKey((key, a) -> a.id(), Named.as("key-by-article-id"))
            .repartition(
                Repartitioned.with(KEY, topics.articles().valueSerde()).withName("articles-by-id"));
    return byKey.get("key-is-article-id").merge(rekeyed, Named.as("articles-by-id-merge"));
  }

  /** Drops every record of an article id after the first (store {@value #SEEN_ARTICLES}). */
  static KStream<String, Article> dedupe(KStream<String, Article> articles) {
    StoreBuilder<KeyValueStore<String, String>> seen =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SEEN_ARTICLES), KEY, Serdes.String());
    return articles.processValues(
        fixedKeyWithStore(() -> new FirstSeenFilter(SEEN_ARTICLES), seen), Named.as("dedupe"));
  }

  /** Scores each new article and publishes it to {@code article-stance}. */
  static KStream<String, ArticleStance> enrich(
      KStream<String, Article> articles, Topics topics, ArticleScorer scorer) {
    KStream<String, ArticleStance> stances =
        articles.processValues(
            () -> new Enricher(scorer, SEEN_ARTICLES), Named.as("enrich"), SEEN_ARTICLES);
    stances.to(
        topics.articleStance().name(), produced(topics.articleStance(), "article-stance-sink"));
    return stances;
  }

  /** The grouped mentions, their tumbling counts, and the closed tumbling windows. */
  record Mentions(
      KGroupedStream<String, MentionEvent> byTopic,
      KTable<Windowed<String>, MentionCount> tumbling,
      KStream<Windowed<String>, MentionCount> closedTumbling) {}

  /**
   * Counts topic mentions in tumbling windows, publishing live counts to {@code topic-mentions} and
   * closed windows to {@code topic-mentions-final}. The closed windows feed the mention-spike rule.
   */
  static Mentions countMentions(
      KStream<String, ArticleStance> stances, Topics topics, WindowSettings windows) {
    KGroupedStream<String, MentionEvent> byTopic =
        stances
            .flatMap(
                (id, s) -> {
                  List<KeyValue<String, MentionEvent>> out = new ArrayList<>();
                  s.mentions()
                      .forEach(
                          (topic, n) -> {
                            if (n != null && n > 0) {
                              out.add(KeyValue.pair(topic, new MentionEvent(id, s.url(), n)));
                            }
                          });
                  return out;
                },
                Named.as("mentions-by-topic-key"))
            .groupByKey(Grouped.with("mentions-by-topic", KEY, new MentionEventSerde()));
    KTable<Windowed<String>, MentionCount> tumbling =
        countIn(byTopic, windows.tumbling(), TOPIC_MENTIONS_TUMBLING, windows);
    return new Mentions(
        byTopic, tumbling, publishMentions(tumbling, TopicMentionCount.TUMBLING, topics));
  }

  /**
   * Counts topic mentions in hopping windows, to {@code topic-mentions} (live) and {@code
   * topic-mentions-final}: summed from the tumbling counts when every hopping window is made of
   * whole tumbling windows (the default, 24h = 24 x 1h), else counted from the mentions.
   */
  static void countHopping(Mentions mentions, Topics topics, WindowSettings windows) {
    publishMentions(
        windows.hoppingFromTumbling()
            ? sumTumbling(mentions.tumbling(), windows)
            : countIn(mentions.byTopic(), windows.hopping(), TOPIC_MENTIONS_HOPPING, windows),
        TopicMentionCount.HOPPING,
        topics);
  }

  /**
   * Hopping counts as sums of the tumbling ones: each change of a tumbling count (after the record
   * cache, so about one per topic and commit) becomes an increment (store {@value
   * #MENTION_INCREMENTS}) that re-partitions by topic on {@code mentions-by-topic-hourly} and is
   * added to every hopping window covering its tumbling window. A mention too late for its tumbling
   * window is therefore too late for the hopping ones as well.
   */
  private static KTable<Windowed<String>, MentionCount> sumTumbling(
      KTable<Windowed<String>, MentionCount> tumbling, WindowSettings windows) {
    int sample = windows.sampleSize();
    Duration size = windows.tumblingSize();
    return tumbling
        .toStream(Named.as("topic-mentions-tumbling-changes"))
        .process(
            withStore(
                () -> new MentionDeltas(MENTION_INCREMENTS),
                Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(
                        MENTION_INCREMENTS, windows.retentionFor(size), size, false),
                    KEY,
                    new MentionCountSerde())),
            Named.as("topic-mentions-increments"))
        .groupByKey(Grouped.with("mentions-by-topic-hourly", KEY, new MentionCountSerde()))
        .windowedBy(windows.hopping())
        .aggregate(
            MentionCount::empty,
            (topic, delta, count) -> count.plus(delta, sample),
            Named.as(TOPIC_MENTIONS_HOPPING + "-aggregate"),
            Materialized.<String, MentionCount, WindowStore<Bytes, byte[]>>as(
                    TOPIC_MENTIONS_HOPPING)
                .withKeySerde(KEY)
                .withValueSerde(new MentionCountSerde())
                .withRetention(windows.retentionFor(windows.hoppingSize())));
  }

  private static KTable<Windowed<String>, MentionCount> countIn(
      KGroupedStream<String, MentionEvent> byTopic,
      TimeWindows window,
      String store,
      WindowSettings windows) {
    int sample = windows.sampleSize();
    return byTopic
        .windowedBy(window)
        .aggregate(
            MentionCount::empty,
            (topic, event, count) -> count.add(event, sample),
            Named.as(store + "-aggregate"),
            Materialized.<String, MentionCount, WindowStore<Bytes, byte[]>>as(store)
                .withKeySerde(KEY)
                .withValueSerde(new MentionCountSerde())
                .withRetention(windows.retentionFor(Duration.ofMillis(window.size()))));
  }

  private static KStream<Windowed<String>, MentionCount> publishMentions(
      KTable<Windowed<String>, MentionCount> counts, String kind, Topics topics) {
    String name = "topic-mentions-" + kind;
    counts
        .toStream(Named.as(name + "-updates"))
        .map(
            (w, c) ->
                KeyValue.pair(mentionKey(w, kind), c.toEvent(w.key(), kind, w.window(), false)),
            Named.as(name + "-live"))
        .to(topics.topicMentions().name(), produced(topics.topicMentions(), name + "-sink"));
    KStream<Windowed<String>, MentionCount> closed =
        counts
            .suppress(
                Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                    .withName(name + "-until-closed"))
            .toStream(Named.as(name + "-closed"));
    closed
        .map(
            (w, c) ->
                KeyValue.pair(mentionKey(w, kind), c.toEvent(w.key(), kind, w.window(), true)),
            Named.as(name + "-final"))
        .to(
            topics.topicMentionsFinal().name(),
            produced(topics.topicMentionsFinal(), name + "-final-sink"));
    return closed;
  }

  /** {@code topic@start} for tumbling windows, {@code topic@start/end} for hopping ones. */
  static String mentionKey(Windowed<String> w, String kind) {
    String start = Instant.ofEpochMilli(w.window().start()).toString();
    return TopicMentionCount.HOPPING.equals(kind)
        ? w.key() + "@" + start + "/" + Instant.ofEpochMilli(w.window().end())
        : w.key() + "@" + start;
  }

  /**
   * Tallies stance per outlet and overall ({@code *}) in tumbling windows, publishing live updates
   * to {@code stance-trends}. Returns the closed windows, for the stance-shift rule.
   */
  static KStream<Windowed<String>, StanceTally> trendStance(
      KStream<String, ArticleStance> stances, Topics topics, WindowSettings windows) {
    int sample = windows.sampleSize();
    KTable<Windowed<String>, StanceTally> tallies =
        stances
            .flatMap(
                (id, s) -> {
                  StanceSample sampleOf =
                      new StanceSample(
                          id, s.stance().label(), s.stance().score(), s.stance().confidence());
                  return List.of(
                      KeyValue.pair(outletOf(s), sampleOf),
                      KeyValue.pair(StanceTrend.ALL_OUTLETS, sampleOf));
                },
                Named.as("stance-by-outlet-key"))
            .groupByKey(Grouped.with("stance-by-outlet", KEY, new StanceSampleSerde()))
            .windowedBy(windows.tumbling())
            .aggregate(
                StanceTally::empty,
                (outlet, s, tally) -> tally.add(s, sample),
                Named.as(STANCE_TRENDS + "-aggregate"),
                Materialized.<String, StanceTally, WindowStore<Bytes, byte[]>>as(STANCE_TRENDS)
                    .withKeySerde(KEY)
                    .withValueSerde(JsonSerde.of(StanceTally.class))
                    .withRetention(windows.retentionFor(windows.tumblingSize())));
    tallies
        .toStream(Named.as("stance-trends-updates"))
        .map(
            (w, t) -> KeyValue.pair(trendKey(w), t.toEvent(w.key(), w.window(), false)),
            Named.as("stance-trends-live"))
        .to(topics.stanceTrends().name(), produced(topics.stanceTrends(), "stance-trends-sink"));
    KStream<Windowed<String>, StanceTally> closed =
        tallies
            .suppress(
                Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                    .withName("stance-trends-until-closed"))
            .toStream(Named.as("stance-trends-closed"));
    closed
        .map(
            (w, t) -> KeyValue.pair(trendKey(w), t.toEvent(w.key(), w.window(), true)),
            Named.as("stance-trends-final"))
        .to(
            topics.stanceTrends().name(),
            produced(topics.stanceTrends(), "stance-trends-final-sink"));
    return closed;
  }

  /** {@code outlet@start}. */
  static String trendKey(Windowed<String> w) {
    return w.key() + "@" + Instant.ofEpochMilli(w.window().start());
  }

  /** The outlet a stance counts under; {@code unknown} when the article names none. */
  static String outletOf(ArticleStance s) {
    return s.outlet() == null || s.outlet().isBlank() ? "unknown" : s.outlet().strip();
  }

  /**
   * Evaluates the three alert rules, publishes each alert id at most once (store {@value
   * #EMITTED_ALERTS}, after re-partitioning by alert id) to {@code alerts}.
   */
  static void routeAlerts(
      KStream<String, ArticleStance> stances,
      KStream<Windowed<String>, MentionCount> closedMentions,
      KStream<Windowed<String>, StanceTally> closedTrends,
      Topics topics,
      WindowSettings windows,
      AlertRules rules) {
    Serde<WindowHistory> historySerde = JsonSerde.of(WindowHistory.class);
    KStream<String, Alert> strong =
        stances.process(
            () -> new StrongStanceRule(rules.strong(), windows), Named.as("strong-stance-rule"));
    KStream<String, Alert> spikes =
        closedMentions.process(
            withStore(
                () -> new MentionSpikeDetector(rules.mentionSpike(), MENTION_SPIKE_HISTORY),
                Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(MENTION_SPIKE_HISTORY), KEY, historySerde)),
            Named.as("mention-spike-rule"));
    KStream<String, Alert> shifts =
        closedTrends.process(
            withStore(
                () -> new StanceShiftDetector(rules.stanceShift(), STANCE_SHIFT_HISTORY),
                Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(STANCE_SHIFT_HISTORY), KEY, historySerde)),
            Named.as("stance-shift-rule"));
    StoreBuilder<KeyValueStore<String, Alert>> emitted =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EMITTED_ALERTS), KEY, topics.alerts().valueSerde());
    // Each rule re-partitions by alert id on its own topic, rather than merging first, so that the
    // rules stay in the sub-topologies of their inputs and only alerts meet in the last one.
    byAlertId(strong, "strong-stance-alerts", topics)
        .merge(byAlertId(spikes, "mention-spike-alerts", topics), Named.as("alerts-merge-spikes"))
        .merge(byAlertId(shifts, "stance-shift-alerts", topics), Named.as("alerts-merge-shifts"))
        .processValues(
            fixedKeyWithStore(() -> new AlertOnce(EMITTED_ALERTS), emitted), Named.as("alert-once"))
        .to(topics.alerts().name(), produced(topics.alerts(), "alerts-sink"));
  }

  private static KStream<String, Alert> byAlertId(
      KStream<String, Alert> alerts, String name, Topics topics) {
    return alerts.repartition(
        Repartitioned.with(KEY, topics.alerts().valueSerde()).withName(name + "-by-id"));
  }

  private static Properties optimizations() {
    Properties p = new Properties();
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, OPTIMIZATIONS);
    return p;
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }

  private static <K, V, VR> FixedKeyProcessorSupplier<K, V, VR> fixedKeyWithStore(
      Supplier<FixedKeyProcessor<K, V, VR>> processor, StoreBuilder<?> store) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<K, V, VR> get() {
        return processor.get();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  private static <K, V, KR, VR> ProcessorSupplier<K, V, KR, VR> withStore(
      Supplier<Processor<K, V, KR, VR>> processor, StoreBuilder<?> store) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<K, V, KR, VR> get() {
        return processor.get();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }
}
