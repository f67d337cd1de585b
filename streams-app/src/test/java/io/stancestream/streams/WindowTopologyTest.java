package io.stancestream.streams;

import static io.stancestream.streams.Articles.mentioning;
import static io.stancestream.streams.Articles.scripted;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.StanceLabel;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.TopicMentionCount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windowed topic mentions and stance trends on the real topology, on event time with explicit
 * timestamps: window boundaries, hopping windows, out-of-order and late records within and beyond
 * grace, final results only after a window closes, and dedupe on replay. Defaults: tumbling 1h,
 * hopping 24h advancing 1h, grace 1h.
 */
class WindowTopologyTest {

  @TempDir Path stateDir;

  private static final Instant H10 = Instant.parse("2025-06-20T10:00:00Z");
  private static final Instant H11 = H10.plusSeconds(3600);
  private static final Instant H12 = H11.plusSeconds(3600);
  private static final Instant H13 = H12.plusSeconds(3600);

  private TopologyFixture fixture() {
    return new TopologyFixture(stateDir, new ScriptedScorer());
  }

  /** The latest live tumbling count per key. */
  private static Map<String, TopicMentionCount> latestTumbling(
      List<KeyValue<String, TopicMentionCount>> out) {
    return out.stream()
        .filter(kv -> kv.value.window().equals(TopicMentionCount.TUMBLING))
        .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
  }

  @Test
  void tumblingWindowsIncludeTheirStartAndExcludeTheirEnd() {
    try (TopologyFixture f = fixture()) {
      f.pipe(mentioning("a", H10, "nato-membership=2"));
      f.pipe(mentioning("b", H11.minusMillis(1), "nato-membership=3", "putin=1"));
      f.pipe(mentioning("c", H11, "nato-membership=1"));

      Map<String, TopicMentionCount> live = latestTumbling(f.mentions.readKeyValuesToList());
      TopicMentionCount ten = live.get("nato-membership@2025-06-20T10:00:00Z");
      assertThat(ten.count()).isEqualTo(5);
      assertThat(ten.articles()).isEqualTo(2);
      assertThat(ten.articleIds()).containsExactly("a", "b");
      assertThat(ten.links()).containsExactly("https://news.example/a", "https://news.example/b");
      assertThat(ten.windowStart()).isEqualTo(H10);
      assertThat(ten.windowEnd()).isEqualTo(H11);
      assertThat(ten.isFinal()).isFalse();
      assertThat(live.get("nato-membership@2025-06-20T11:00:00Z").count()).isEqualTo(1);
      assertThat(live.get("putin@2025-06-20T10:00:00Z").count()).isEqualTo(1);
      assertThat(live).hasSize(3);
    }
  }

  @Test
  void liveCountsUpdateWithEveryArticle() {
    try (TopologyFixture f = fixture()) {
      f.pipe(mentioning("a", H10.plusSeconds(60), "ceasefire=1"));
      f.pipe(mentioning("b", H10.plusSeconds(120), "ceasefire=4"));
      List<Long> counts =
          f.mentions.readKeyValuesToList().stream()
              .filter(kv -> kv.key.equals("ceasefire@2025-06-20T10:00:00Z"))
              .map(kv -> kv.value.count())
              .toList();
      assertThat(counts).containsExactly(1L, 5L);
    }
  }

  @Test
  void anArticleCountsInEveryHoppingWindowThatCoversIt() {
    try (TopologyFixture f = fixture()) {
      Instant t = H10.plusSeconds(30 * 60);
      f.pipe(mentioning("a", t, "article-5=2"));
      List<KeyValue<String, TopicMentionCount>> hopping =
          f.mentions.readKeyValuesToList().stream()
              .filter(kv -> kv.value.window().equals(TopicMentionCount.HOPPING))
              .toList();
      assertThat(hopping).hasSize(24);
      assertThat(hopping)
          .allSatisfy(
              kv -> {
                TopicMentionCount c = kv.value;
                assertThat(c.windowEnd()).isEqualTo(c.windowStart().plusSeconds(24 * 3600));
                assertThat(c.windowStart()).isBeforeOrEqualTo(t);
                assertThat(c.windowEnd()).isAfter(t);
                assertThat(c.count()).isEqualTo(2);
                assertThat(kv.key).isEqualTo("article-5@" + c.windowStart() + "/" + c.windowEnd());
              });
      assertThat(hopping.stream().map(kv -> kv.value.windowStart()).distinct()).hasSize(24);
    }
  }

  @Test
  void outOfOrderRecordsWithinGraceCountAndRecordsBeyondGraceAreDropped() {
    try (TopologyFixture f = fixture()) {
      f.pipe(mentioning("new", H12.plusSeconds(59 * 60), "sanctions=1")); // stream time 12:59
      f.pipe(mentioning("late-ok", H11.plusSeconds(30 * 60), "sanctions=1")); // [11,12) still open
      f.pipe(mentioning("advance", H13, "sanctions=1")); // stream time 13:00: [11,12) closes
      f.pipe(mentioning("too-late", H11.plusSeconds(45 * 60), "sanctions=1"));

      Map<String, TopicMentionCount> live = latestTumbling(f.mentions.readKeyValuesToList());
      TopicMentionCount eleven = live.get("sanctions@2025-06-20T11:00:00Z");
      assertThat(eleven.articleIds()).containsExactly("late-ok");
      assertThat(eleven.count()).isEqualTo(1);
      // The late article is still scored: only the windows leave it out.
      assertThat(f.stances.readValuesToList()).hasSize(4);
    }
  }

  @Test
  void aFinalCountAppearsOnlyOnceTheWindowHasClosedAndOnlyOnce() {
    try (TopologyFixture f = fixture()) {
      f.pipe(mentioning("a", H10.plusSeconds(10), "neutrality=2"));
      f.pipe(mentioning("b", H10.plusSeconds(20), "neutrality=1"));
      f.pipe(mentioning("c", H12.minusMillis(1), "putin=1")); // end + grace not yet reached
      assertThat(tumblingFinals(f)).isEmpty();

      f.pipe(mentioning("d", H12, "putin=1")); // stream time = 10:00 window end + 1h grace
      List<KeyValue<String, TopicMentionCount>> finals = tumblingFinals(f);
      assertThat(finals).hasSize(1);
      TopicMentionCount fin = finals.get(0).value;
      assertThat(finals.get(0).key).isEqualTo("neutrality@2025-06-20T10:00:00Z");
      assertThat(fin.isFinal()).isTrue();
      assertThat(fin.count()).isEqualTo(3);
      assertThat(fin.articles()).isEqualTo(2);

      f.pipe(mentioning("e", H13.plusSeconds(1), "putin=1")); // closes [11,12) for putin
      List<KeyValue<String, TopicMentionCount>> next = tumblingFinals(f);
      assertThat(next).extracting(kv -> kv.key).containsExactly("putin@2025-06-20T11:00:00Z");
      assertThat(next.get(0).value.count()).isEqualTo(1);
    }
  }

  private static List<KeyValue<String, TopicMentionCount>> tumblingFinals(TopologyFixture f) {
    return f.mentionsFinal.readKeyValuesToList().stream()
        .filter(kv -> kv.value.window().equals(TopicMentionCount.TUMBLING))
        .toList();
  }

  @Test
  void hoppingFinalsCloseOneByOne() {
    try (TopologyFixture f = fixture()) {
      f.pipe(mentioning("a", H10.plusSeconds(5), "eu-accession=1"));
      // The hopping window [H10-23h, H11) closes at H11 + grace = H12.
      f.pipe(mentioning("b", H12, "other=1"));
      List<TopicMentionCount> finals =
          f.mentionsFinal.readValuesToList().stream()
              .filter(c -> c.window().equals(TopicMentionCount.HOPPING))
              .filter(c -> c.topic().equals("eu-accession"))
              .toList();
      assertThat(finals).hasSize(1);
      assertThat(finals.get(0).windowEnd()).isEqualTo(H11);
      assertThat(finals.get(0).isFinal()).isTrue();
    }
  }

  /**
   * Hopping counts are summed from the tumbling ones (the default, 1h tumbling windows inside
   * 24h/1h hopping ones). Over a day and a half of out-of-order articles, every final hopping
   * window must equal both a recomputation from the inputs and the hopping windows counted directly
   * from the mentions (the path taken when tumbling windows do not tile the hopping ones, here
   * 40m).
   */
  @Test
  void hoppingCountsSummedFromTumblingOnesEqualCountingEveryMention() {
    SplittableRandom random = new SplittableRandom(7);
    List<io.stancestream.events.Article> articles = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    for (int i = 0; i < 300; i++) {
      // Mostly in order, up to 20 minutes early or late: always within the 1h grace.
      Instant at = H10.plusSeconds(i * 450L + random.nextInt(-1200, 1200));
      String topic = List.of("nato-membership", "putin", "sanctions").get(random.nextInt(3));
      int n = 1 + random.nextInt(3);
      articles.add(mentioning("a" + i, at, topic + "=" + n));
      long hour = at.getEpochSecond() - Math.floorMod(at.getEpochSecond(), 3600);
      for (int k = 0; k < 24; k++) {
        Instant start = Instant.ofEpochSecond(hour - k * 3600L);
        expected.merge(
            topic + "@" + start + "/" + start.plusSeconds(24 * 3600), (long) n, Long::sum);
      }
    }
    Map<String, Long> summed = hoppingFinals(Map.of(), articles);
    Map<String, Long> counted = hoppingFinals(Map.of("window.tumbling.size", "40m"), articles);
    assertThat(summed).hasSizeGreaterThan(100).isEqualTo(counted);
    summed.forEach((key, count) -> assertThat(count).as(key).isEqualTo(expected.get(key)));
  }

  private Map<String, Long> hoppingFinals(
      Map<String, String> settings, List<io.stancestream.events.Article> articles) {
    Path dir = stateDir.resolve("run-" + settings.hashCode());
    try (TopologyFixture f = new TopologyFixture(dir, new ScriptedScorer(), settings)) {
      articles.forEach(f::pipe);
      Map<String, Long> finals = new TreeMap<>();
      f.mentionsFinal.readKeyValuesToList().stream()
          .filter(kv -> kv.value.window().equals(TopicMentionCount.HOPPING))
          .forEach(kv -> assertThat(finals.put(kv.key, kv.value.count())).as(kv.key).isNull());
      return finals;
    }
  }

  @Test
  void replayingTheSameArticlesDoesNotDoubleAnyCount() {
    try (TopologyFixture f = fixture()) {
      var a = mentioning("a", H10.plusSeconds(5), "territory=2");
      var b = mentioning("b", H10.plusSeconds(6), "territory=1");
      f.pipe(a);
      f.pipe(b);
      f.pipe(a);
      f.pipe(b);
      f.pipe(mentioning("close", H12.plusSeconds(1), "x=1"));
      TopicMentionCount fin =
          f.mentionsFinal.readValuesToList().stream()
              .filter(c -> c.topic().equals("territory") && c.window().equals("tumbling"))
              .findFirst()
              .orElseThrow();
      assertThat(fin.count()).isEqualTo(3);
      assertThat(fin.articles()).isEqualTo(2);
    }
  }

  @Test
  void stanceTrendsPerOutletAndOverall() {
    try (TopologyFixture f = fixture()) {
      f.pipe(scripted("a1", H10.plusSeconds(1), "Alpha", StanceLabel.AGAINST, -0.8, 0.9));
      f.pipe(scripted("a2", H10.plusSeconds(2), "Alpha", StanceLabel.FAVOR, 0.4, 0.7));
      f.pipe(scripted("b1", H10.plusSeconds(3), "Beta", StanceLabel.NEUTRAL, 0.0, 0.5));
      f.pipe(scripted("b2", H11.plusSeconds(3), "Beta", StanceLabel.AGAINST, -0.6, 0.8));

      Map<String, StanceTrend> latest =
          f.trends.readKeyValuesToList().stream()
              .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (x, y) -> y));
      assertThat(latest.keySet())
          .containsExactlyInAnyOrder(
              "Alpha@2025-06-20T10:00:00Z",
              "Beta@2025-06-20T10:00:00Z",
              "*@2025-06-20T10:00:00Z",
              "Beta@2025-06-20T11:00:00Z",
              "*@2025-06-20T11:00:00Z");
      StanceTrend alpha = latest.get("Alpha@2025-06-20T10:00:00Z");
      assertThat(alpha.n()).isEqualTo(2);
      assertThat(alpha.counts())
          .containsEntry(io.stancestream.events.StanceLabel.AGAINST, 1L)
          .containsEntry(io.stancestream.events.StanceLabel.FAVOR, 1L)
          .containsEntry(io.stancestream.events.StanceLabel.NEUTRAL, 0L);
      assertThat(alpha.meanScore()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(alpha.meanConfidence()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(alpha.outlet()).isEqualTo("Alpha");
      assertThat(alpha.windowStart()).isEqualTo(H10);
      assertThat(alpha.windowEnd()).isEqualTo(H11);
      StanceTrend all = latest.get("*@2025-06-20T10:00:00Z");
      assertThat(all.n()).isEqualTo(3);
      assertThat(all.meanScore()).isCloseTo(-0.4 / 3, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(all.articleIds()).containsExactly("a1", "a2", "b1");
      assertThat(latest.get("*@2025-06-20T11:00:00Z").n()).isEqualTo(1);
    }
  }

  @Test
  void aFinalTrendFollowsTheLiveOnesOnceTheWindowHasClosed() {
    try (TopologyFixture f = fixture()) {
      f.pipe(scripted("a1", H10.plusSeconds(1), "Alpha", StanceLabel.AGAINST, -0.8, 0.9));
      f.pipe(scripted("a2", H10.plusSeconds(2), "Alpha", StanceLabel.AGAINST, -0.6, 0.7));
      assertThat(f.trends.readValuesToList()).noneMatch(StanceTrend::isFinal);

      f.pipe(scripted("later", H12, "Beta", StanceLabel.NEUTRAL, 0.0, 0.5));
      List<KeyValue<String, StanceTrend>> finals =
          f.trends.readKeyValuesToList().stream().filter(kv -> kv.value.isFinal()).toList();
      assertThat(finals)
          .extracting(kv -> kv.key)
          .containsExactlyInAnyOrder("Alpha@2025-06-20T10:00:00Z", "*@2025-06-20T10:00:00Z");
      StanceTrend alpha =
          finals.stream().filter(kv -> kv.key.startsWith("Alpha")).findFirst().orElseThrow().value;
      assertThat(alpha.n()).isEqualTo(2);
      assertThat(alpha.meanScore()).isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void eventTimeFallsBackToIngestedAtThenToTheRecordTimestamp() {
    try (TopologyFixture f = fixture()) {
      var noPublished =
          new io.stancestream.events.Article(
              1,
              "ing",
              "https://news.example/ing",
              "t",
              "o",
              "a",
              null,
              "en",
              ScriptedScorer.body(StanceLabel.NEUTRAL, 0, 0.5, "putin=1"),
              "test",
              H10.plusSeconds(7 * 60));
      f.pipeRaw("ing", TopologyFixture.json(noPublished), H13);
      var neither =
          new io.stancestream.events.Article(
              1,
              "rec",
              null,
              "t",
              "o",
              "a",
              null,
              "en",
              ScriptedScorer.body(StanceLabel.NEUTRAL, 0, 0.5, "putin=1"),
              "test",
              null);
      f.pipeRaw("rec", TopologyFixture.json(neither), H11.plusSeconds(9));
      Map<String, TopicMentionCount> live = latestTumbling(f.mentions.readKeyValuesToList());
      assertThat(live.get("putin@2025-06-20T10:00:00Z").articleIds()).containsExactly("ing");
      assertThat(live.get("putin@2025-06-20T11:00:00Z").articleIds()).containsExactly("rec");
    }
  }
}
