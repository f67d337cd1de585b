package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Alert;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.StanceLabel;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.Topics;
import io.stancestream.streams.alerts.AlertRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code demo --once} shows, on a real broker with three partitions and exactly-once: both
 * seeds come out AGAINST, topic mentions and stance trends are published, the strongest seed raises
 * a strong-stance alert, and a poison record lands in the DLQ without stopping anything.
 */
@Tag("integration")
class SeedsIntegrationTest {

  @TempDir Path stateDir;

  @Test
  void theSeedsFlowThroughEveryOutputTopic() throws Exception {
    ArticleAnalyzer analyzer = ArticleAnalyzer.withDefaults();
    Instant t = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    List<Article> seeds = Seeds.files().stream().map(p -> Seeds.article(p, t)).toList();

    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      StanceStreamConfig cfg =
          StanceStreamConfig.of(
              Map.of(
                  "bootstrap.servers", kafka.bootstrapServers(),
                  "application.id", "seeds-it",
                  "state.dir", stateDir.toString()));
      Topics topics = Topics.from(cfg);
      kafka.createTopics(
          topics.all().stream().map(x -> new NewTopic(x.name(), 3, (short) 1)).toList());
      try (StanceStreamApp app = new StanceStreamApp(cfg, analyzer::analyze).start();
          KafkaProducer<String, byte[]> producer =
              GeneratedDayIntegrationTest.producer(kafka.bootstrapServers());
          OutputTopics out = new OutputTopics(kafka.bootstrapServers(), topics)) {
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        for (Article a : seeds) {
          producer.send(
              new ProducerRecord<>(
                  topics.articles().name(), a.id(), GeneratedDayIntegrationTest.json(a)));
        }
        producer.send(
            new ProducerRecord<>(
                topics.articles().name(), "poison", "{\"id\":".getBytes(StandardCharsets.UTF_8)));
        producer.flush();

        Article strongest =
            seeds.stream()
                .max(Comparator.comparingDouble(a -> Math.abs(score(analyzer, a))))
                .orElseThrow();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    out.poll().stances.size() == 2
                        && !out.deadLetters.isEmpty()
                        && !out.trends.isEmpty()
                        && out.alerts.stream().anyMatch(x -> x.key().equals(strongest.id())));

        assertThat(out.stances)
            .extracting(ArticleStance::articleId)
            .containsExactlyInAnyOrderElementsOf(seeds.stream().map(Article::id).toList());
        assertThat(out.stances).allMatch(s -> s.stance().label() == StanceLabel.AGAINST);
        assertThat(out.deadLetters)
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.reason()).isEqualTo("invalid-json");
                  assertThat(d.originalKey()).isEqualTo("poison");
                });
        assertThat(out.trends).anyMatch(x -> x.outlet().equals(StanceTrend.ALL_OUTLETS));
        AlertRules.StrongStance rule = AlertRules.from(cfg).strong();
        assertThat(out.alerts)
            .allSatisfy(
                x -> {
                  assertThat(x.rule()).isEqualTo(Alert.STRONG_STANCE);
                  assertThat(Math.abs(x.figures().get("score")))
                      .isGreaterThanOrEqualTo(rule.minAbsScore());
                  assertThat(x.figures().get("confidence"))
                      .isGreaterThanOrEqualTo(rule.minConfidence());
                });
        app.close(Duration.ofSeconds(30));
      }
    }
  }

  private static double score(ArticleAnalyzer analyzer, Article a) {
    AnalysisResult r = analyzer.analyze(a.title(), a.body());
    return r.score();
  }
}
