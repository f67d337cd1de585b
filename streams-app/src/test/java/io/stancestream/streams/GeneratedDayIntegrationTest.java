package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Alert;
import io.stancestream.events.Article;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.Topics;
import io.stancestream.events.generate.ArticleGenerator;
import io.stancestream.events.generate.ArticleGenerator.Lean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated day of articles (hundreds, with a planted mention spike and a planted stance shift,
 * re-published duplicates and poison records) through the real app on the embedded broker with
 * exactly-once. A verifier recomputes the expected outputs from the inputs with the same analyzer
 * and compares: one {@code article-stance} per distinct article, one dead letter per bad record,
 * final tumbling counts equal to the recomputation, the planted alerts present, no alert twice.
 *
 * <p>Topics have one partition here: with several, a replay compresses a day into seconds and
 * upstream tasks run ahead of each other by more than the grace period, so a few records would be
 * (correctly) dropped as late and the recomputation would no longer be exact.
 */
@Tag("integration")
class GeneratedDayIntegrationTest {

  private static final int PER_HOUR = 15;
  private static final String PLANTED_TOPIC = "stoltenberg";
  private static final int SPIKE_HOUR = 14;
  private static final int SHIFT_HOUR = 16;

  @TempDir Path stateDir;

  @Test
  void aGeneratedDayYieldsExactCountsAndThePlantedAlertsOnce() throws Exception {
    // Three days back, so that time-based retention (7 days) never touches the records.
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
    List<Article> articles = generateDay(day);
    List<byte[]> poison =
        List.of(
            "{not json".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xC3, (byte) 0x28},
            "{\"id\":\"x1\",\"body\":\"  \"}".getBytes(StandardCharsets.UTF_8),
            "{\"id\":\"x2\",\"body\":\"t\",\"schemaVersion\":7}".getBytes(StandardCharsets.UTF_8),
            "{\"body\":\"no id\"}".getBytes(StandardCharsets.UTF_8));
    List<Article> republished = articles.subList(0, 20);

    ArticleAnalyzer analyzer = ArticleAnalyzer.withDefaults();
    Expected expected = Expected.of(articles, analyzer, day);
    // The generated day is what this test claims: hundreds of articles, the planted topic only in
    // the spike hour and above the rule's minimum, strong articles present.
    assertThat(articles).hasSizeGreaterThan(300);
    assertThat(expected.finalCounts)
        .containsKey(PLANTED_TOPIC + "@" + hour(day, SPIKE_HOUR))
        .hasSizeGreaterThan(100);
    assertThat(expected.finalCounts.get(PLANTED_TOPIC + "@" + hour(day, SPIKE_HOUR)))
        .isGreaterThanOrEqualTo(10);
    assertThat(
            expected.finalCounts.keySet().stream().filter(k -> k.startsWith(PLANTED_TOPIC + "@")))
        .hasSize(1);
    assertThat(expected.strongAlerts).isNotEmpty().hasSizeLessThan(articles.size());

    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      StanceStreamConfig cfg =
          StanceStreamConfig.of(
              Map.of(
                  "bootstrap.servers", kafka.bootstrapServers(),
                  "application.id", "generated-day",
                  "state.dir", stateDir.toString(),
                  "topic.partitions", "1",
                  "streams.commit.interval.ms", "100"));
      Topics topics = Topics.from(cfg);
      kafka.createTopics(
          topics.all().stream().map(t -> new NewTopic(t.name(), 1, (short) 1)).toList());

      try (StanceStreamApp app = new StanceStreamApp(cfg, analyzer::analyze).start();
          KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers());
          OutputTopics out = new OutputTopics(kafka.bootstrapServers(), topics)) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        for (Article a : articles) {
          producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), json(a)));
        }
        for (int i = 0; i < poison.size(); i++) {
          producer.send(
              new ProducerRecord<>(topics.articles().name(), "poison-" + i, poison.get(i)));
        }
        for (Article a : republished) {
          producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), json(a)));
        }
        producer.flush();

        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> out.poll().stances.size() >= articles.size());
        // Every article is through enrichment; one article a day later closes every window.
        Article flush =
            new ArticleGenerator(99)
                .article(10_000, Lean.NEUTRAL, 800, day.plus(Duration.ofHours(26)));
        producer.send(new ProducerRecord<>(topics.articles().name(), flush.id(), json(flush)));
        producer.flush();

        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    out.poll().finalTumbling(day).size() >= expected.finalCounts.size()
                        && out.alertIds().contains(expected.spikeAlert)
                        && out.alertIds().contains(expected.shiftAlert));
        // A little longer, so that a duplicate (if any) would have arrived too.
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        out.poll();

        assertThat(out.stanceIds()).hasSize(articles.size() + 1);
        assertThat(out.stanceIds()).doesNotHaveDuplicates();
        assertThat(out.deadLetters)
            .extracting(DeadLetter::originalKey)
            .containsExactlyInAnyOrder("poison-0", "poison-1", "poison-2", "poison-3", "poison-4");
        assertThat(out.finalTumbling(day)).isEqualTo(expected.finalCounts);
        assertThat(out.finalTumblingKeys()).doesNotHaveDuplicates();
        assertThat(out.alertIds()).doesNotHaveDuplicates();
        assertThat(out.alertIds(Alert.STRONG_STANCE))
            .containsExactlyInAnyOrderElementsOf(expected.strongAlerts);
        assertThat(out.alertIds(Alert.MENTION_SPIKE)).contains(expected.spikeAlert);
        assertThat(out.alertIds(Alert.STANCE_SHIFT)).contains(expected.shiftAlert);
        assertThat(out.alertIds(Alert.STANCE_SHIFT))
            .noneMatch(
                id ->
                    id.startsWith("stance-shift@*@")
                        && windowOf(id).isBefore(hour(day, SHIFT_HOUR)));
        assertThat(out.trends).isNotEmpty();
        app.close(Duration.ofSeconds(30));
      }
    }
  }

  private static Instant windowOf(String alertId) {
    return Instant.parse(alertId.substring(alertId.lastIndexOf('@') + 1));
  }

  private static Instant hour(Instant day, int h) {
    return day.plus(Duration.ofHours(h));
  }

  /**
   * 24 hours of {@value #PER_HOUR} articles, leaning AGAINST until the shift hour and FAVOR after
   * it, plus extra articles in the spike hour that name a topic the generator never uses.
   */
  static List<Article> generateDay(Instant day) {
    ArticleGenerator gen = new ArticleGenerator(20250620L);
    List<Article> out = new ArrayList<>();
    int index = 0;
    for (int h = 0; h < 24; h++) {
      Lean main = h < SHIFT_HOUR ? Lean.AGAINST : Lean.FAVOR;
      for (int i = 0; i < PER_HOUR; i++) {
        Lean lean = i % 5 == 4 ? Lean.NEUTRAL : main;
        Instant t = hour(day, h).plusSeconds(i * (3600L / PER_HOUR) + 7);
        out.add(gen.article(index++, lean, 1200, t));
      }
      if (h == SPIKE_HOUR) {
        for (int i = 0; i < 8; i++) {
          Article a =
              gen.article(index++, Lean.NEUTRAL, 800, hour(day, h).plusSeconds(100 + i * 60));
          out.add(
              withExtraParagraph(
                  a,
                  "Former NATO chief Jens Stoltenberg briefed the ministers."
                      + " Stoltenberg said the talks had stalled."));
        }
      }
    }
    out.sort((x, y) -> x.publishedAt().compareTo(y.publishedAt()));
    return out;
  }

  private static Article withExtraParagraph(Article a, String paragraph) {
    return a.withBody(a.body() + "\n\n" + paragraph + "\n");
  }

  static byte[] json(Article a) {
    return JsonSerde.of(Article.class).serialize("articles", a);
  }

  static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** What the outputs must be, recomputed from the inputs with the same analyzer. */
  record Expected(
      Map<String, Long> finalCounts,
      Set<String> strongAlerts,
      String spikeAlert,
      String shiftAlert) {

    static Expected of(List<Article> articles, ArticleAnalyzer analyzer, Instant day) {
      Map<String, Long> counts = new TreeMap<>();
      Set<String> strong = new java.util.TreeSet<>();
      for (Article a : articles) {
        AnalysisResult r = analyzer.analyze(a.title(), a.body());
        Instant window = a.publishedAt().truncatedTo(ChronoUnit.HOURS);
        r.mentions()
            .forEach(
                (topic, n) -> {
                  if (n > 0) {
                    counts.merge(topic + "@" + window, (long) n, Long::sum);
                  }
                });
        if (Math.abs(r.score()) >= 0.8 && r.confidence() >= 0.7) { // the default rule
          strong.add(Alert.idOf(Alert.STRONG_STANCE, a.id(), window));
        }
      }
      return new Expected(
          counts,
          strong,
          Alert.idOf(Alert.MENTION_SPIKE, PLANTED_TOPIC, hour(day, SPIKE_HOUR)),
          Alert.idOf(Alert.STANCE_SHIFT, StanceTrend.ALL_OUTLETS, hour(day, SHIFT_HOUR)));
    }
  }
}
