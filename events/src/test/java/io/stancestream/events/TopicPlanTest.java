package io.stancestream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.TopicPlan.TopicSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic plan as shipped in config/kafka-topics.properties and its layering with the settings.
 */
class TopicPlanTest {

  private static final Path SHIPPED = Path.of("..", "config", "kafka-topics.properties");

  private static Properties shipped() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(SHIPPED, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static TopicSpec spec(TopicPlan plan, String name) {
    return plan.find(name).orElseThrow(() -> new AssertionError("no planned topic " + name));
  }

  @Test
  void shippedPlanGivesEachDesignTopicItsRetentionAndCleanupPolicy() throws IOException {
    TopicPlan plan = TopicPlan.from("shipped", shipped(), StanceStreamConfig.of(Map.of()));

    assertThat(plan.topics())
        .extracting(TopicSpec::name)
        .containsExactlyElementsOf(TopicPlan.DESIGN_TOPICS)
        .contains("topic-mentions-final");
    assertThat(spec(plan, "article-stance").configs()).containsEntry("cleanup.policy", "compact");
    assertThat(spec(plan, "articles").configs()).containsEntry("cleanup.policy", "delete");
    assertThat(spec(plan, "articles-dlq").configs()).containsEntry("cleanup.policy", "delete");
    for (String windowed :
        new String[] {"topic-mentions", "topic-mentions-final", "stance-trends", "alerts"}) {
      assertThat(spec(plan, windowed).configs()).containsEntry("cleanup.policy", "compact,delete");
    }
    long articles = Long.parseLong(spec(plan, "articles").configs().get("retention.ms"));
    long dlq = Long.parseLong(spec(plan, "articles-dlq").configs().get("retention.ms"));
    assertThat(dlq).as("dead letters outlive the inputs they came from").isGreaterThan(articles);
    // Base64 makes a dead letter larger than the article it holds.
    assertThat(Integer.parseInt(spec(plan, "articles-dlq").configs().get("max.message.bytes")))
        .isGreaterThan(
            Integer.parseInt(spec(plan, "articles").configs().get("max.message.bytes")) * 4 / 3);
    assertThat(plan.topics()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(3));
    assertThat(plan.topics())
        .allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 1));
  }

  @Test
  void everyTopicTheAppUsesIsPlanned() throws IOException {
    StanceStreamConfig config = StanceStreamConfig.of(Map.of());
    TopicPlan plan = TopicPlan.from("shipped", shipped(), config);

    for (Topic<?, ?> topic : Topics.from(config).all()) {
      assertThat(plan.find(topic.name())).as(topic.name()).isPresent();
    }
  }

  @Test
  void renamedTopicKeepsItsPlan() throws IOException {
    StanceStreamConfig config = StanceStreamConfig.of(Map.of("topic.article-stance", "stance-v2"));

    TopicPlan plan = TopicPlan.from("shipped", shipped(), config);

    assertThat(plan.find("article-stance")).isEmpty();
    assertThat(spec(plan, "stance-v2").configs()).containsEntry("cleanup.policy", "compact");
  }

  @Test
  void environmentOverridesReachHyphenatedTopicsAndDefaults() throws IOException {
    StanceStreamConfig config =
        StanceStreamConfig.load(
            null,
            Map.of(
                "STANCESTREAM_TOPIC_REPLICATION_FACTOR", "3",
                "STANCESTREAM_TOPIC_PARTITIONS", "12",
                "STANCESTREAM_TOPICS_DEFAULT_CONFIG_MIN_INSYNC_REPLICAS", "2",
                "STANCESTREAM_TOPICS_ARTICLES_DLQ_CONFIG_RETENTION_MS", "1000",
                "STANCESTREAM_TOPICS_ARTICLE_STANCE_PARTITIONS", "6"),
            Map.of());

    TopicPlan plan = TopicPlan.from("shipped", shipped(), config);

    assertThat(plan.topics())
        .allSatisfy(
            t -> {
              assertThat(t.replicationFactor()).isEqualTo((short) 3);
              assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
            });
    assertThat(spec(plan, "articles-dlq").configs()).containsEntry("retention.ms", "1000");
    assertThat(spec(plan, "articles").configs()).containsEntry("retention.ms", "2592000000");
    assertThat(spec(plan, "article-stance").partitions()).isEqualTo(6);
    assertThat(spec(plan, "articles").partitions()).isEqualTo(12);
  }

  @Test
  void aTopicsOwnValueWinsOverTheDefault() {
    Properties p = new Properties();
    p.setProperty("default.partitions", "4");
    p.setProperty("default.config.retention.ms", "10");
    p.setProperty("alerts.partitions", "1");
    p.setProperty("alerts.config.retention.ms", "20");
    p.setProperty("extra-topic.config.cleanup.policy", "compact");

    TopicPlan plan = TopicPlan.from("test", p, StanceStreamConfig.of(Map.of()));

    assertThat(spec(plan, "alerts").partitions()).isEqualTo(1);
    assertThat(spec(plan, "alerts").configs()).containsEntry("retention.ms", "20");
    assertThat(spec(plan, "articles").partitions()).isEqualTo(4);
    assertThat(spec(plan, "articles").configs()).containsEntry("retention.ms", "10");
    assertThat(spec(plan, "extra-topic").configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("retention.ms", "10");
  }

  @Test
  void mistakesNameTheKey() {
    Properties bad = new Properties();
    bad.setProperty("articles.retention.ms", "10");
    assertThatThrownBy(() -> TopicPlan.from("f", bad, StanceStreamConfig.of(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("articles.retention.ms");

    StanceStreamConfig typo = StanceStreamConfig.of(Map.of("topics.artcles.partitions", "3"));
    assertThatThrownBy(() -> TopicPlan.from("f", new Properties(), typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artcles");

    StanceStreamConfig notANumber = StanceStreamConfig.of(Map.of("topics.alerts.partitions", "x"));
    assertThatThrownBy(() -> TopicPlan.from("f", new Properties(), notANumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alerts.partitions");

    StanceStreamConfig zero = StanceStreamConfig.of(Map.of("topic.replication.factor", "0"));
    assertThatThrownBy(() -> TopicPlan.from("f", new Properties(), zero))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replication.factor");
  }

  @Test
  void differencesListEveryMismatchAndCompareListsAsSets() {
    TopicSpec spec =
        new TopicSpec(
            "t", 3, (short) 3, Map.of("cleanup.policy", "compact,delete", "retention.ms", "100"));

    assertThat(
            spec.differences(
                3, 3, Map.of("cleanup.policy", "delete, compact", "retention.ms", "100")))
        .isEmpty();
    assertThat(spec.differences(6, 1, Map.of("cleanup.policy", "delete")))
        .containsExactly(
            "partitions: cluster has 6, plan says 3",
            "replication.factor: cluster has 1, plan says 3",
            "cleanup.policy: cluster has delete, plan says compact,delete",
            "retention.ms: cluster has null, plan says 100");
  }

  @Test
  void newTopicCarriesTheSpec() {
    TopicSpec spec = new TopicSpec("t", 2, (short) 3, Map.of("cleanup.policy", "compact"));

    assertThat(spec.toNewTopic().numPartitions()).isEqualTo(2);
    assertThat(spec.toNewTopic().replicationFactor()).isEqualTo((short) 3);
    assertThat(spec.toNewTopic().configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
  }

  @Test
  void loadPrefersTheNamedFileThenTheConfigDirThenThePackagedCopy(@TempDir Path dir)
      throws IOException {
    Path named = dir.resolve("mine.properties");
    Files.writeString(named, "alerts.partitions=7\n");
    TopicPlan fromNamed =
        TopicPlan.load(StanceStreamConfig.of(Map.of(TopicPlan.FILE_KEY, named.toString())));
    assertThat(fromNamed.source()).isEqualTo(named.toString());
    assertThat(spec(fromNamed, "alerts").partitions()).isEqualTo(7);

    Path configDir = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(configDir.resolve("kafka-topics.properties"), "alerts.partitions=5\n");
    TopicPlan fromDir =
        TopicPlan.load(StanceStreamConfig.of(Map.of("config.dir", configDir.toString())));
    assertThat(spec(fromDir, "alerts").partitions()).isEqualTo(5);

    // The module directory has no config/, so this reads the copy packaged from config/.
    TopicPlan packaged =
        TopicPlan.load(StanceStreamConfig.of(Map.of("config.dir", dir.resolve("none").toString())));
    assertThat(packaged.source()).isEqualTo("classpath:" + TopicPlan.RESOURCE);
    assertThat(packaged).isEqualTo(TopicPlan.from(packaged.source(), shipped(), packaged(dir)));

    assertThatThrownBy(
            () ->
                TopicPlan.load(
                    StanceStreamConfig.of(
                        Map.of(TopicPlan.FILE_KEY, dir.resolve("missing").toString()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  private static StanceStreamConfig packaged(Path dir) {
    return StanceStreamConfig.of(Map.of("config.dir", dir.resolve("none").toString()));
  }
}
