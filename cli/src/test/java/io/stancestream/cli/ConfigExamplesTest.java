package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secured-cluster examples in {@code config/examples/} are real configurations: every Kafka
 * setting is one the client it is routed to knows, each client accepts the values, and the topic
 * plan they produce survives the loss of one broker.
 */
class ConfigExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "config", "examples");

  static Stream<Path> examples() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    return files.stream();
  }

  private static StanceStreamConfig load(Path example) {
    return StanceStreamConfig.load(example, Map.of(), Map.of())
        .with("config.dir", Path.of("..", "config").toString());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyKafkaSettingIsKnownToTheClientsItReaches(Path example) {
    StanceStreamConfig config = load(example);
    Set<String> common = AdminClientConfig.configNames();
    assertThat(config.withPrefix("kafka.").keySet()).as("kafka.*").isSubsetOf(common);
    assertThat(config.withPrefix("producer.").keySet())
        .as("producer.*")
        .isSubsetOf(ProducerConfig.configNames());
    assertThat(config.withPrefix("consumer.").keySet())
        .as("consumer.*")
        .isSubsetOf(ConsumerConfig.configNames());
    assertThat(config.withPrefix("streams.").keySet())
        .as("streams.*")
        .isSubsetOf(StreamsConfig.configDef().names());
    assertThat(config.withPrefix("kafka.").get("security.protocol")).startsWith("S");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void eachClientAcceptsTheValues(Path example) {
    StanceStreamConfig config = load(example);

    assertThat(
            new AdminClientConfig(config.clientProperties("admin.")).getString("security.protocol"))
        .isEqualTo(config.get("kafka.security.protocol"));

    Properties producer = config.clientProperties("producer.");
    producer.put("key.serializer", StringSerializer.class);
    producer.put("value.serializer", StringSerializer.class);
    assertThat(new ProducerConfig(producer).getInt("max.request.size"))
        .as("a record of the largest allowed article fits in a request")
        .isGreaterThanOrEqualTo(
            Integer.parseInt(
                TopicPlan.load(config)
                    .find("articles")
                    .orElseThrow()
                    .configs()
                    .get("max.message.bytes")));

    Properties consumer = config.clientProperties("consumer.");
    consumer.put("key.deserializer", StringDeserializer.class);
    consumer.put("value.deserializer", StringDeserializer.class);
    assertThat(new ConsumerConfig(consumer).getString("security.protocol")).isNotBlank();

    Properties streams = config.clientProperties("streams.");
    streams.put("application.id", config.get("application.id"));
    streams.put("processing.guarantee", config.get("processing.guarantee"));
    StreamsConfig streamsConfig = new StreamsConfig(streams);
    assertThat(streamsConfig.getInt("replication.factor")).isEqualTo(3);
    assertThat(streamsConfig.getInt("num.standby.replicas")).isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void topicsSurviveTheLossOfOneBroker(Path example) {
    TopicPlan plan = TopicPlan.load(load(example));

    assertThat(plan.topics())
        .allSatisfy(
            t -> {
              assertThat(t.replicationFactor()).isEqualTo((short) 3);
              assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
            });
    assertThat(plan.find("article-stance").orElseThrow().configs())
        .containsEntry("cleanup.policy", "compact");
  }
}
