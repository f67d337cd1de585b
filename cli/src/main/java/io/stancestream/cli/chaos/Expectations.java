package io.stancestream.cli.chaos;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.StanceLabel;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.TopicMentionCount;
import io.stancestream.streams.ArticleTimestampExtractor;
import io.stancestream.streams.alerts.AlertRules;
import io.stancestream.streams.alerts.StrongStanceRule;
import io.stancestream.streams.enrich.Enricher;
import io.stancestream.streams.windows.WindowSettings;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.internals.TimeWindow;

/**
 * What the outputs of a chaos run must be, recomputed from the published input in this JVM with the
 * same code the topology uses: the same analyzer ({@link ArticleAnalyzer}), the same event time
 * ({@link ArticleTimestampExtractor}), the same windows ({@link WindowSettings}), the same
 * first-wins dedupe by article id and the same strong-stance rule. Thread-safe.
 */
final class Expectations {

  /** A distinct valid article as the app must see it. */
  record ExpectedArticle(String id, long eventTimeMs, ArticleStance stance) {}

  /** One window's mention count: {@code count} mentions in {@code articles} articles. */
  record MentionTotal(long count, long articles) {}

  /** One window's stance tally: articles per label. */
  record TrendTotal(Map<StanceLabel, Long> counts, long n) {}

  /** A tumbling or hopping window of one topic. */
  record MentionWindow(String kind, String topic, long startMs) {}

  /** A tumbling window of one outlet (or {@code *}). */
  record TrendWindow(String outlet, long startMs) {}

  private final ArticleAnalyzer analyzer;
  private final ArticleTimestampExtractor extractor;
  private final WindowSettings windows;
  private final StrongStanceRule strong;
  private final String inputTopic;
  private final Map<String, ExpectedArticle> articles = new LinkedHashMap<>();
  private final Set<String> poisonKeys = new LinkedHashSet<>();
  private final Set<String> strongAlerts = new LinkedHashSet<>();

  Expectations(StanceStreamConfig cfg, ArticleAnalyzer analyzer, String inputTopic) {
    this.analyzer = analyzer;
    this.windows = WindowSettings.from(cfg);
    this.extractor = new ArticleTimestampExtractor(windows.maxFuture());
    this.strong = new StrongStanceRule(AlertRules.from(cfg).strong(), windows);
    this.inputTopic = inputTopic;
  }

  /** Accounts for one published record with the timestamp it was published with. */
  void published(ChaosInput.InputRecord r, long recordTimestampMs) {
    switch (r.kind()) {
      case POISON -> {
        synchronized (this) {
          poisonKeys.add(r.key());
        }
      }
      case ARTICLE, REPUBLISHED -> {
        synchronized (this) {
          if (articles.containsKey(r.key())) {
            return; // first wins: a re-published id changes nothing
          }
        }
        ExpectedArticle e = expect(r, recordTimestampMs);
        synchronized (this) {
          articles.putIfAbsent(r.key(), e);
          long start = windows.tumblingStart(e.eventTimeMs());
          strong
              .evaluate(e.stance(), start, start + windows.tumblingSize().toMillis())
              .map(Alert::id)
              .ifPresent(strongAlerts::add);
        }
      }
    }
  }

  private ExpectedArticle expect(ChaosInput.InputRecord r, long recordTimestampMs) {
    ConsumerRecord<Object, Object> raw =
        new ConsumerRecord<>(
            inputTopic,
            0,
            0L,
            recordTimestampMs,
            TimestampType.CREATE_TIME,
            -1,
            -1,
            r.key(),
            r.value(),
            new RecordHeaders(),
            Optional.empty());
    long eventTime = extractor.extract(raw, -1L);
    var a = r.article();
    ArticleStance stance =
        Enricher.toStance(
            a, analyzer.analyze(a.title() == null ? "" : a.title(), a.body()), Instant.EPOCH);
    return new ExpectedArticle(a.id(), eventTime, stance);
  }

  synchronized Map<String, ExpectedArticle> articles() {
    return Map.copyOf(articles);
  }

  synchronized Set<String> poisonKeys() {
    return Set.copyOf(poisonKeys);
  }

  synchronized Set<String> strongStanceAlerts() {
    return Set.copyOf(strongAlerts);
  }

  /** Latest event time of any valid article: the stream time every window task ends at. */
  synchronized long maxEventTime() {
    return articles.values().stream().mapToLong(ExpectedArticle::eventTimeMs).max().orElse(-1L);
  }

  WindowSettings windows() {
    return windows;
  }

  /** Whether a window ending at {@code endMs} is closed once stream time reaches {@code now}. */
  boolean closed(long endMs, long streamTimeMs) {
    return endMs + windows.grace().toMillis() <= streamTimeMs;
  }

  /**
   * Final mention counts per tumbling and hopping window that have closed by {@code streamTimeMs}.
   */
  synchronized Map<MentionWindow, MentionTotal> finalMentions(long streamTimeMs) {
    Map<MentionWindow, long[]> sums = new HashMap<>();
    for (ExpectedArticle e : articles.values()) {
      e.stance()
          .mentions()
          .forEach(
              (topic, n) -> {
                if (n == null || n <= 0) {
                  return;
                }
                addTo(
                    sums,
                    windows.tumbling(),
                    TopicMentionCount.TUMBLING,
                    topic,
                    e,
                    n,
                    streamTimeMs);
                addTo(
                    sums, windows.hopping(), TopicMentionCount.HOPPING, topic, e, n, streamTimeMs);
              });
    }
    Map<MentionWindow, MentionTotal> out = new HashMap<>();
    sums.forEach((w, s) -> out.put(w, new MentionTotal(s[0], s[1])));
    return out;
  }

  private void addTo(
      Map<MentionWindow, long[]> sums,
      TimeWindows spec,
      String kind,
      String topic,
      ExpectedArticle e,
      int n,
      long streamTimeMs) {
    for (TimeWindow w : spec.windowsFor(e.eventTimeMs()).values()) {
      if (closed(w.end(), streamTimeMs)) {
        long[] s =
            sums.computeIfAbsent(new MentionWindow(kind, topic, w.start()), k -> new long[2]);
        s[0] += n;
        s[1] += 1;
      }
    }
  }

  /** Final stance tallies per outlet and {@code *} per tumbling window closed by then. */
  synchronized Map<TrendWindow, TrendTotal> finalTrends(long streamTimeMs) {
    Map<TrendWindow, Map<StanceLabel, Long>> counts = new HashMap<>();
    for (ExpectedArticle e : articles.values()) {
      for (TimeWindow w : windows.tumbling().windowsFor(e.eventTimeMs()).values()) {
        if (!closed(w.end(), streamTimeMs)) {
          continue;
        }
        for (String outlet : new String[] {outletOf(e.stance()), StanceTrend.ALL_OUTLETS}) {
          counts
              .computeIfAbsent(
                  new TrendWindow(outlet, w.start()), k -> new EnumMap<>(StanceLabel.class))
              .merge(e.stance().stance().label(), 1L, Long::sum);
        }
      }
    }
    Map<TrendWindow, TrendTotal> out = new HashMap<>();
    counts.forEach(
        (w, c) ->
            out.put(w, new TrendTotal(c, c.values().stream().mapToLong(Long::longValue).sum())));
    return out;
  }

  /** As the topology's stance-trends step keys outlets: blank is {@code unknown}. */
  static String outletOf(ArticleStance s) {
    return s.outlet() == null || s.outlet().isBlank() ? "unknown" : s.outlet().strip();
  }
}
