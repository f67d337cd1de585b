package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.ProduceSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed corpus end to end on a real embedded broker: the real producer publishes {@code seeds/},
 * the real streams app scores them, and a broken record lands in the dead-letter topic with its
 * reason and bytes — the same wiring as {@code ./stancestream demo --once}.
 */
@Tag("integration")
class SeedReplayIT {

  private static final Path SEEDS = Path.of("..", "seeds").toAbsolutePath().normalize();

  @Test
  void seedsAreScoredAgainstWithAuthorEvidenceAndBadInputGoesToTheDlq(@TempDir Path state)
      throws Exception {
    StanceStreamConfig cfg =
        StanceStreamConfig.of(
            Map.of(
                "application.id",
                "seed-replay-" + System.nanoTime(),
                "state.dir",
                state.toString(),
                "config.dir",
                Path.of("..", "config").toAbsolutePath().normalize().toString(),
                "http.port",
                "0"));
    List<OutputTail.Output> outputs = new CopyOnWriteArrayList<>();

    try (LocalPipeline pipeline = LocalPipeline.start(cfg, outputs::add)) {
      ProduceSummary summary =
          ArticleIngestor.produce(
              pipeline.config(), List.of(SEEDS.toString()), ProduceOptions.defaults());
      assertThat(summary.published()).isEqualTo(2);
      assertThat(summary.rejected()).isZero();

      try (var raw =
          new KafkaProducer<>(
              pipeline.config().clientProperties("producer."),
              new StringSerializer(),
              new ByteArraySerializer())) {
        raw.send(
                new ProducerRecord<>(
                    pipeline.topics().articles().name(),
                    "broken-1",
                    "{\"id\": \"broken-1\", \"body\": ".getBytes(StandardCharsets.UTF_8)))
            .get();
      }

      var ids = new HashSet<>(summary.publishedIds());
      ids.add("broken-1");
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> pipeline.hasResultsFor(ids));
      assertThat(DemoCommand.awaitCompletion(pipeline, ids, Duration.ofSeconds(60))).isTrue();
    }

    var stances = outputs.stream().filter(o -> o.topic().equals("article-stance")).toList();
    assertThat(stances).hasSize(2);
    for (var s : stances) {
      var v = s.value();
      assertThat(v.path("stance").path("label").asText())
          .as("stance of %s", v.path("title").asText())
          .isEqualTo("AGAINST");
      var evidence = v.path("evidence");
      assertThat(evidence.size()).isPositive();
      var first = evidence.get(0);
      assertThat(first.path("speaker").asText()).isEqualTo("author");
      assertThat(first.path("contribution").asDouble()).isNegative();
      // The quoted pro-membership lines ("Ukraine's future is in NATO", "irreversible") are
      // never counted for the author.
      evidence.forEach(
          e -> {
            String sentence = e.path("sentence").asText();
            boolean quotedPro =
                sentence.contains("future is in NATO")
                    || sentence.contains("future in NATO")
                    || sentence.contains("irreversib");
            if (quotedPro && e.path("speaker").asText().equals("author")) {
              assertThat(e.path("contribution").asDouble()).as(sentence).isLessThanOrEqualTo(0.0);
            }
          });
    }

    var dead = outputs.stream().filter(o -> o.topic().equals("articles-dlq")).toList();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).key()).isEqualTo("broken-1");
    assertThat(dead.get(0).value().path("reason").asText()).isNotBlank();
    assertThat(
            new String(
                dead.get(0).value().path("originalValue").binaryValue(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\": \"broken-1\", \"body\": ");

    assertThat(outputs).anyMatch(o -> o.topic().equals("topic-mentions"));
    assertThat(outputs).anyMatch(o -> o.topic().equals("stance-trends"));
    assertThat(outputs)
        .anyMatch(
            o ->
                o.topic().equals("alerts")
                    && o.value().path("rule").asText().equals("strong-stance"));
  }
}
