package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.StanceLabel;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import io.stancestream.events.Topics;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.ProduceSummary;
import io.stancestream.streams.StanceStreamApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The whole pipeline against the official Apache Kafka image in Docker, the way it runs on a real
 * cluster: the topic plan applied through the Admin client, the real producer publishing {@code
 * seeds/}, the real streams app scoring them. Skipped where no Docker engine is available.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainerIT {

  @Container
  static final KafkaContainer KAFKA =
      new KafkaContainer("apache/kafka:4.3.1")
          // One broker: exactly-once needs a transaction log that accepts one in-sync replica.
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
          .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

  @Test
  void seedsAreScoredAgainstMembershipOnARealKafka(@TempDir Path state) throws Exception {
    StanceStreamConfig cfg =
        StanceStreamConfig.load(
            Path.of("..", "config", "stancestream.properties"),
            Map.of(),
            Map.of(
                "bootstrap.servers", KAFKA.getBootstrapServers(),
                "config.dir", Path.of("..", "config").toString(),
                "state.dir", state.toString(),
                "application.id", "pipeline-container-it"));
    Topics topics = Topics.from(cfg);

    TopicPlan.Report plan = TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
    assertThat(plan.consistent()).isTrue();
    assertThat(plan.with(TopicPlan.Action.CREATED)).hasSize(plan.outcomes().size());

    try (StanceStreamApp app = new StanceStreamApp(cfg, ArticleAnalyzer.withDefaults()::analyze);
        KafkaConsumer<String, byte[]> consumer = stanceConsumer(cfg)) {
      app.start();
      assertThat(app.awaitRunning(Duration.ofSeconds(90))).as("streams app running").isTrue();

      ProduceSummary produced =
          ArticleIngestor.produce(
              cfg, List.of(Path.of("..", "seeds").toString()), ProduceOptions.defaults());
      assertThat(produced.rejected()).as(produced.describe()).isZero();
      assertThat(produced.publishedIds()).hasSize(2);

      consumer.subscribe(List.of(topics.articleStance().name()));
      Map<String, ArticleStance> stances = new HashMap<>();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInSameThread()
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                  stances.put(
                      r.key(),
                      topics
                          .articleStance()
                          .valueSerde()
                          .deserializer()
                          .deserialize(r.topic(), r.value()));
                }
                assertThat(stances).containsOnlyKeys(produced.publishedIds());
              });
      assertThat(stances.values())
          .allSatisfy(s -> assertThat(s.stance().label()).isEqualTo(StanceLabel.AGAINST));
    }
  }

  private static KafkaConsumer<String, byte[]> stanceConsumer(StanceStreamConfig cfg) {
    Properties p = cfg.clientProperties("consumer.");
    p.put("group.id", "pipeline-container-it-reader");
    p.put("auto.offset.reset", "earliest");
    // Only what the exactly-once app committed.
    p.put("isolation.level", "read_committed");
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
