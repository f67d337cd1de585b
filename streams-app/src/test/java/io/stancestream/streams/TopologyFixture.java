package io.stancestream.streams;

import io.stancestream.events.Alert;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.Topic;
import io.stancestream.events.TopicMentionCount;
import io.stancestream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology from {@link StanceTopology#build} in a {@link TopologyTestDriver}, with the
 * app's own streams properties (EOS, dead-letter handlers), a temporary state directory, a fixed
 * wall clock and explicit record timestamps. One per test.
 */
final class TopologyFixture implements AutoCloseable {

  static final Instant WALL_CLOCK = Instant.parse("2026-01-01T00:00:00Z");

  final StanceStreamConfig cfg;
  final Topics topics;
  final Topology topology;
  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> articles;
  final TestOutputTopic<String, DeadLetter> dlq;
  final TestOutputTopic<String, ArticleStance> stances;
  final TestOutputTopic<String, TopicMentionCount> mentions;
  final TestOutputTopic<String, TopicMentionCount> mentionsFinal;
  final TestOutputTopic<String, StanceTrend> trends;
  final TestOutputTopic<String, Alert> alerts;

  TopologyFixture(Path stateDir, ArticleScorer scorer, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("bootstrap.servers", "localhost:9092");
    all.put("application.id", "stancestream-test");
    all.put("state.dir", stateDir.toString());
    all.putAll(settings);
    cfg = StanceStreamConfig.of(all);
    topics = Topics.from(cfg);
    topology = StanceTopology.build(cfg, topics, scorer);
    Properties props = StanceStreamApp.streamsProperties(cfg, topics);
    driver = new TopologyTestDriver(topology, props, WALL_CLOCK);
    articles =
        driver.createInputTopic(
            topics.articles().name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    dlq = output(topics.articlesDlq());
    stances = output(topics.articleStance());
    mentions = output(topics.topicMentions());
    mentionsFinal = output(topics.topicMentionsFinal());
    trends = output(topics.stanceTrends());
    alerts = output(topics.alerts());
  }

  TopologyFixture(Path stateDir, ArticleScorer scorer) {
    this(stateDir, scorer, Map.of());
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** Publishes an article keyed by its id, with its event time as the record timestamp. */
  void pipe(Article a) {
    Instant ts = a.eventTime() != null ? a.eventTime() : WALL_CLOCK;
    articles.pipeInput(a.id(), json(a), ts);
  }

  void pipeRaw(String key, byte[] value, Instant recordTime) {
    articles.pipeInput(key, value, recordTime);
  }

  static byte[] json(Article a) {
    return JsonSerde.of(Article.class).serialize("articles", a);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static <V> List<KeyValue<String, V>> drain(TestOutputTopic<String, V> topic) {
    return topic.readKeyValuesToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
