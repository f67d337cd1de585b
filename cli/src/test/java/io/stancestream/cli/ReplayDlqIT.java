package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.generate.ArticleGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's path after a fix: an article rejected for a too-long body lands in the DLQ; the
 * limit is raised and the app restarted; {@code replay-dlq --reason body-too-large} publishes the
 * original bytes again and the article gets its {@code article-stance} record.
 */
@Tag("integration")
@Tag("slow")
class ReplayDlqIT {

  @Test
  void aDeadLetterIsScoredAfterTheFixAndAReplay(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Map<String, String> base =
          Map.of(
              "bootstrap.servers", kafka.bootstrapServers(),
              "application.id", "replay-dlq-it",
              "config.dir", Path.of("..", "config").toAbsolutePath().normalize().toString());
      ArticleGenerator gen = new ArticleGenerator(3);
      Article a = gen.article(1, ArticleGenerator.Lean.AGAINST, 3_000, Instant.now());
      List<OutputTail.Output> outputs = new CopyOnWriteArrayList<>();

      StanceStreamConfig strict =
          StanceStreamConfig.of(base)
              .with("state.dir", dir.resolve("s1").toString())
              .with("article.max.body.chars", "1000");
      try (LocalPipeline pipeline = LocalPipeline.start(strict, outputs::add)) {
        try (var producer =
            new KafkaProducer<>(
                strict.clientProperties("producer."),
                new StringSerializer(),
                JsonSerde.of(Article.class).serializer())) {
          producer.send(new ProducerRecord<>("articles", a.id(), a)).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.hasResultsFor(Set.of(a.id())));
      }
      assertThat(outputs).extracting(OutputTail.Output::topic).containsExactly("articles-dlq");
      assertThat(outputs.get(0).value().path("reason").asText()).isEqualTo("body-too-large");

      outputs.clear();
      StanceStreamConfig fixed =
          StanceStreamConfig.of(base).with("state.dir", dir.resolve("s2").toString());
      try (LocalPipeline pipeline = LocalPipeline.start(fixed, outputs::add)) {
        int code =
            StanceStreamCli.commandLine()
                .execute(
                    "replay-dlq",
                    "--bootstrap-servers",
                    kafka.bootstrapServers(),
                    "--reason",
                    "body-too-large");
        assertThat(code).isZero();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    outputs.stream()
                        .anyMatch(
                            o -> o.topic().equals("article-stance") && a.id().equals(o.key())));
      }
    }
  }
}
