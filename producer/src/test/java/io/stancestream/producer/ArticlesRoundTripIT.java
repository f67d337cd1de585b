package io.stancestream.producer;

import static io.stancestream.producer.Fixtures.fixture;
import static io.stancestream.producer.Fixtures.seeds;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real producer into a real (embedded) broker: every article of the mixed fixtures and the
 * seeds lands once on {@code articles}, keyed by its id, and running again adds no new identity
 * (and, with {@code --skip-existing}, no record at all).
 */
@Tag("integration")
class ArticlesRoundTripIT {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static StanceStreamConfig config(String topic) {
    kafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1)));
    return StanceStreamConfig.of(
        Map.of("bootstrap.servers", kafka.bootstrapServers(), "topic.articles", topic));
  }

  private static List<ConsumerRecord<String, Article>> readAll(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, Article>> out = new ArrayList<>();
    try (KafkaConsumer<String, Article> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), JsonSerde.of(Article.class))) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("read %s before the deadline", topic).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static final ProduceOptions QUIET = ProduceOptions.defaults().withProgress(false);

  @Test
  void everyArticleLandsOnceKeyedByItsIdAndASecondRunAddsNoIdentity() {
    StanceStreamConfig config = config("articles-roundtrip");
    List<String> inputs = List.of(fixture("good").toString(), seeds().toString());

    ProduceSummary first = ArticleIngestor.produce(config, inputs, QUIET);
    assertThat(first.published()).isEqualTo(14);
    assertThat(first.rejected()).isZero();

    List<ConsumerRecord<String, Article>> records = readAll("articles-roundtrip");
    assertThat(records).hasSize(14);
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
    Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    assertThat(keys).hasSize(14).containsExactlyInAnyOrderElementsOf(first.publishedIds());
    assertThat(records)
        .extracting(r -> r.value().title())
        .contains("Close NATO’s Door to Ukraine", "Kyiv's Long Wait at NATO's Door");

    ProduceSummary second = ArticleIngestor.produce(config, inputs, QUIET);
    assertThat(second.publishedIds()).containsExactlyInAnyOrderElementsOf(first.publishedIds());
    List<ConsumerRecord<String, Article>> after = readAll("articles-roundtrip");
    assertThat(after.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(keys);
  }

  @Test
  void skipExistingPublishesNothingTwice() {
    StanceStreamConfig config = config("articles-skip-existing");
    List<String> inputs = List.of(fixture("good").toString(), seeds().toString());
    ProduceOptions skipping = QUIET.withSkipExisting(true);

    ProduceSummary first = ArticleIngestor.produce(config, inputs, skipping);
    assertThat(first.published()).isEqualTo(14);

    ProduceSummary second = ArticleIngestor.produce(config, inputs, skipping);
    assertThat(second.published()).isZero();
    assertThat(second.duplicates()).isEqualTo(14);
    assertThat(second.exitCode()).isZero();

    List<ConsumerRecord<String, Article>> records = readAll("articles-skip-existing");
    assertThat(records).hasSize(14);
    assertThat(records.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(14);
  }

  @Test
  void theProduceCommandPublishesToTheGivenCluster() {
    config("articles-cli");
    int exit =
        new picocli.CommandLine(new ProduceCommand())
            .execute(
                "--config=does-not-exist.properties",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--set",
                "topic.articles=articles-cli",
                "--no-progress",
                seeds().toString());
    assertThat(exit).isZero();
    assertThat(readAll("articles-cli"))
        .extracting(r -> r.value().outlet())
        .containsExactlyInAnyOrder("Foreign Affairs", "National Security Journal");
  }
}
