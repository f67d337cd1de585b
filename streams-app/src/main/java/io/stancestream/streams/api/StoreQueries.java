package io.stancestream.streams.api;

import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.TopicMentionCount;
import io.stancestream.streams.StanceTopology;
import io.stancestream.streams.windows.MentionCount;
import io.stancestream.streams.windows.StanceTally;
import io.stancestream.streams.windows.WindowSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Interactive queries of this instance's own state stores (active tasks only), shaped as {@link
 * Views}, and the merges that combine the same views from several instances. A store that is not
 * queryable yet (the app is starting or rebalancing) surfaces as {@link
 * org.apache.kafka.streams.errors.InvalidStateStoreException}.
 */
final class StoreQueries {

  static final Comparator<Alert> NEWEST_ALERT_FIRST =
      Comparator.comparing(Alert::windowStart, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Alert::id, Comparator.nullsLast(Comparator.naturalOrder()));

  private static final JsonSerde<ArticleStance> STANCE_JSON = JsonSerde.of(ArticleStance.class);

  private final KafkaStreams streams;
  private final WindowSettings windows;

  StoreQueries(KafkaStreams streams, WindowSettings windows) {
    this.streams = streams;
    this.windows = windows;
  }

  /** The latest stance of one article held here, or null. */
  ArticleStance article(String id) {
    return decode(articleStore().get(id));
  }

  Views.Articles articles(ArticleFilter filter) {
    List<ArticleStance> out = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = articleStore().all()) {
      it.forEachRemaining(
          kv -> {
            ArticleStance s = decode(kv.value);
            if (s != null && filter.matches(s)) {
              out.add(s);
            }
          });
    }
    return mergeArticles(
        List.of(new Views.Articles(out.size(), out, List.of())), filter, List.of());
  }

  Views.Alerts alerts(String rule, int limit) {
    ReadOnlyKeyValueStore<String, Alert> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                QueryStores.ALERTS, QueryableStoreTypes.<String, Alert>keyValueStore()));
    List<Alert> out = new ArrayList<>();
    try (KeyValueIterator<String, Alert> it = store.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value != null && (rule == null || rule.equals(kv.value.rule()))) {
              out.add(kv.value);
            }
          });
    }
    return mergeAlerts(List.of(new Views.Alerts(out.size(), out, List.of())), limit, List.of());
  }

  /** The newest {@code n} windows of each kind ({@code kind} null for both). */
  Views.Topics topics(String kind, int n) {
    List<Views.TopicWindow> tumbling =
        kind == null || kind.equals(TopicMentionCount.TUMBLING)
            ? topicWindows(StanceTopology.TOPIC_MENTIONS_TUMBLING, TopicMentionCount.TUMBLING, n)
            : List.of();
    List<Views.TopicWindow> hopping =
        kind == null || kind.equals(TopicMentionCount.HOPPING)
            ? topicWindows(StanceTopology.TOPIC_MENTIONS_HOPPING, TopicMentionCount.HOPPING, n)
            : List.of();
    return topicsView(tumbling, hopping, List.of());
  }

  private List<Views.TopicWindow> topicWindows(String storeName, String kind, int n) {
    ReadOnlyWindowStore<String, MentionCount> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                storeName, QueryableStoreTypes.<String, MentionCount>windowStore()));
    List<Views.TopicWindow> out = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, MentionCount> it = store.all()) {
      it.forEachRemaining(
          kv ->
              out.add(
                  new Views.TopicWindow(
                      kind,
                      kv.key.window().startTime(),
                      kv.key.window().endTime(),
                      List.of(
                          new Views.TopicCount(
                              kv.key.key(), kv.value.count(), kv.value.articles())))));
    }
    return mergeTopicWindows(out, n);
  }

  /** The stance series of every outlet and {@code *} (or only {@code outlet}), newest n windows. */
  Views.Trends trends(String outlet, int n) {
    ReadOnlyWindowStore<String, StanceTally> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                StanceTopology.STANCE_TRENDS,
                QueryableStoreTypes.<String, StanceTally>windowStore()));
    List<StanceTrend> points = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, StanceTally> it = store.all()) {
      it.forEachRemaining(
          kv -> {
            if (outlet == null || outlet.equalsIgnoreCase(kv.key.key())) {
              points.add(kv.value.toEvent(kv.key.key(), kv.key.window(), false));
            }
          });
    }
    return mergeTrends(List.of(new Views.TrendSeries(null, points)), n, List.of());
  }

  private ReadOnlyKeyValueStore<String, byte[]> articleStore() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            QueryStores.ARTICLE_STANCE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
  }

  /** The store holds the topic's JSON bytes (see {@link QueryStores#materialize}). */
  private static ArticleStance decode(byte[] json) {
    return json == null ? null : STANCE_JSON.deserialize(null, json);
  }

  // ---- merges: used for one instance's raw entries and for several instances' views alike ----

  static Views.Articles mergeArticles(
      Collection<Views.Articles> parts, ArticleFilter filter, List<String> unavailable) {
    Map<String, ArticleStance> byId = new LinkedHashMap<>();
    parts.forEach(
        p -> p.articles().forEach(a -> byId.merge(a.articleId(), a, StoreQueries::later)));
    List<ArticleStance> all = new ArrayList<>(byId.values());
    all.sort(ArticleFilter.NEWEST_FIRST);
    List<ArticleStance> page = List.copyOf(all.subList(0, Math.min(filter.limit(), all.size())));
    return new Views.Articles(page.size(), page, unavailable);
  }

  private static ArticleStance later(ArticleStance a, ArticleStance b) {
    if (a.processedAt() == null) {
      return b;
    }
    return b.processedAt() != null && b.processedAt().isAfter(a.processedAt()) ? b : a;
  }

  static Views.Alerts mergeAlerts(
      Collection<Views.Alerts> parts, int limit, List<String> unavailable) {
    Map<String, Alert> byId = new LinkedHashMap<>();
    parts.forEach(p -> p.alerts().forEach(a -> byId.putIfAbsent(a.id(), a)));
    List<Alert> all = new ArrayList<>(byId.values());
    all.sort(NEWEST_ALERT_FIRST);
    List<Alert> page = List.copyOf(all.subList(0, Math.min(limit, all.size())));
    return new Views.Alerts(page.size(), page, unavailable);
  }

  Views.Topics topicsView(
      List<Views.TopicWindow> tumbling, List<Views.TopicWindow> hopping, List<String> unavailable) {
    return new Views.Topics(
        windows.tumblingSize().toString(),
        windows.hoppingSize().toString(),
        windows.hoppingAdvance().toString(),
        tumbling,
        hopping,
        unavailable);
  }

  /**
   * Groups windows by start (topics of one window may come from several entries or instances),
   * keeps the newest {@code n}, newest first, topics most mentioned first.
   */
  static List<Views.TopicWindow> mergeTopicWindows(Collection<Views.TopicWindow> parts, int n) {
    TreeMap<Instant, Views.TopicWindow> byStart = new TreeMap<>(Comparator.reverseOrder());
    Map<Instant, Map<String, Views.TopicCount>> topics = new HashMap<>();
    for (Views.TopicWindow w : parts) {
      byStart.putIfAbsent(w.windowStart(), w);
      Map<String, Views.TopicCount> counts =
          topics.computeIfAbsent(w.windowStart(), k -> new HashMap<>());
      w.topics().forEach(t -> counts.merge(t.topic(), t, (a, b) -> a.count() >= b.count() ? a : b));
    }
    List<Views.TopicWindow> out = new ArrayList<>();
    for (Views.TopicWindow w : byStart.values()) {
      if (out.size() == n) {
        break;
      }
      List<Views.TopicCount> ranked = new ArrayList<>(topics.get(w.windowStart()).values());
      ranked.sort(
          Comparator.comparingLong(Views.TopicCount::count)
              .reversed()
              .thenComparing(Views.TopicCount::topic));
      out.add(new Views.TopicWindow(w.kind(), w.windowStart(), w.windowEnd(), List.copyOf(ranked)));
    }
    return out;
  }

  /**
   * Regroups stance points by outlet ({@code *} first, then by name), each series oldest window
   * first with its newest {@code n} windows.
   */
  Views.Trends mergeTrends(Collection<Views.TrendSeries> parts, int n, List<String> unavailable) {
    Map<String, TreeMap<Instant, StanceTrend>> byOutlet = new TreeMap<>(StoreQueries::outletOrder);
    parts.forEach(
        s ->
            s.points()
                .forEach(
                    p ->
                        byOutlet
                            .computeIfAbsent(p.outlet(), k -> new TreeMap<>())
                            .merge(p.windowStart(), p, (a, b) -> a.n() >= b.n() ? a : b)));
    List<Views.TrendSeries> series = new ArrayList<>();
    byOutlet.forEach(
        (outlet, points) -> {
          List<StanceTrend> all = new ArrayList<>(points.values());
          series.add(
              new Views.TrendSeries(
                  outlet, List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()))));
        });
    return new Views.Trends(windows.tumblingSize().toString(), series, unavailable);
  }

  private static int outletOrder(String a, String b) {
    boolean allA = StanceTrend.ALL_OUTLETS.equals(a);
    boolean allB = StanceTrend.ALL_OUTLETS.equals(b);
    if (allA || allB) {
      return allA && allB ? 0 : allA ? -1 : 1;
    }
    int c = a.compareToIgnoreCase(b);
    return c != 0 ? c : a.compareTo(b);
  }
}
