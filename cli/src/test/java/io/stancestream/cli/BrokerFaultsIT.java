package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.RestartableKafka;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topic;
import io.stancestream.events.TopicPlan;
import io.stancestream.events.Topics;
import io.stancestream.events.generate.ArticleGenerator;
import io.stancestream.streams.StanceStreamApp;
import io.stancestream.streams.StanceTopology;
import io.stancestream.streams.windows.MentionCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker faults against the real streams app on a real broker that is stopped and started again at
 * the same address with its data ({@link RestartableKafka}): the app rides out a broker restart
 * mid-stream and loses nothing, starts cleanly while the broker is still down, and after its own
 * restart rebuilds its state stores from the changelogs so interactive queries answer as before.
 */
@Tag("integration")
@Tag("slow")
class BrokerFaultsIT {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();
  private static final Instant T0 = Instant.now().minus(Duration.ofHours(6));

  @TempDir Path dir;

  @Test
  void theAppSurvivesABrokerRestartMidStreamAndLosesNothing() throws Exception {
    try (RestartableKafka broker = new RestartableKafka(dir.resolve("broker"), Map.of()).start()) {
      StanceStreamConfig cfg = config(broker, "restart-mid-stream", dir.resolve("state"));
      TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
      Map<String, Integer> stances = new ConcurrentHashMap<>();
      try (StanceStreamApp app = new StanceStreamApp(cfg, ANALYZER::analyze).start();
          OutputTail tail = tail(cfg, stances)) {
        assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
        List<String> first = publish(cfg, 0, 20);
        await().atMost(Duration.ofSeconds(90)).until(() -> stances.keySet().containsAll(first));

        broker.stop();
        assertThat(reachable(broker)).as("broker is down").isFalse();
        broker.start();

        List<String> second = publish(cfg, 20, 20);
        await().atMost(Duration.ofSeconds(120)).until(() -> stances.keySet().containsAll(second));
        assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(app.failure()).isNull();
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(stances).containsOnlyKeys(all);
        assertThat(stances.values()).as("one article-stance record each").containsOnly(1);
      }
    }
  }

  @Test
  void theAppStartsCleanlyWhileTheBrokerIsDownAndWorksOnceItIsUp() throws Exception {
    try (RestartableKafka broker = new RestartableKafka(dir.resolve("broker"), Map.of()).start()) {
      StanceStreamConfig cfg = config(broker, "broker-comes-later", dir.resolve("state"));
      // The cluster has its topics (it ran before); now it is down while the app starts.
      TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
      broker.stop();

      Map<String, Integer> stances = new ConcurrentHashMap<>();
      try (StanceStreamApp app = new StanceStreamApp(cfg, ANALYZER::analyze).start()) {
        assertThat(app.awaitRunning(Duration.ofSeconds(3)))
            .as("running without a broker")
            .isFalse();
        assertThat(app.state()).isIn(KafkaStreams.State.CREATED, KafkaStreams.State.REBALANCING);

        broker.start();
        assertThat(app.awaitRunning(Duration.ofSeconds(120))).isTrue();
        try (OutputTail tail = tail(cfg, stances)) {
          List<String> ids = publish(cfg, 0, 10);
          await().atMost(Duration.ofSeconds(90)).until(() -> stances.keySet().containsAll(ids));
          assertThat(stances.values()).containsOnly(1);
          assertThat(app.failure()).isNull();
        }
      }
    }
  }

  @Test
  void stateStoresRestoreAfterAnAppRestartAndQueriesAnswerAgain() throws Exception {
    try (RestartableKafka broker = new RestartableKafka(dir.resolve("broker"), Map.of()).start()) {
      StanceStreamConfig cfg = config(broker, "restore-stores", dir.resolve("state-1"));
      TopicPlan.ensure(cfg, false, Duration.ofSeconds(60));
      Map<String, JsonNode> stances = new ConcurrentHashMap<>();
      Map<String, Long> expected;
      try (StanceStreamApp app = new StanceStreamApp(cfg, ANALYZER::analyze).start();
          OutputTail tail = tailValues(cfg, stances)) {
        assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
        List<String> ids = publish(cfg, 0, 25);
        await().atMost(Duration.ofSeconds(90)).until(() -> stances.keySet().containsAll(ids));
        expected = mentionsPerHour(stances.values());
        assertThat(expected).isNotEmpty();
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> mentionWindows(app.streams()), expected::equals);
      }

      // A new instance with an empty state dir: every store must come back from its changelog.
      StanceStreamConfig again = cfg.with("state.dir", dir.resolve("state-2").toString());
      try (StanceStreamApp app = new StanceStreamApp(again, ANALYZER::analyze).start()) {
        assertThat(app.awaitRunning(Duration.ofSeconds(120))).isTrue();
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> mentionWindows(app.streams()), expected::equals);
      }
    }
  }

  /** Mentions per topic and hour, summed from {@code article-stance} records. */
  private static Map<String, Long> mentionsPerHour(Iterable<JsonNode> stances) {
    Map<String, Long> out = new TreeMap<>();
    long hour = Duration.ofHours(1).toMillis();
    for (JsonNode s : stances) {
      long t = Instant.parse(s.path("publishedAt").asText()).toEpochMilli();
      long start = t - Math.floorMod(t, hour);
      s.path("mentions")
          .fields()
          .forEachRemaining(
              e -> out.merge(e.getKey() + "@" + start, e.getValue().asLong(), Long::sum));
    }
    out.values().removeIf(n -> n == 0);
    return out;
  }

  /** Every window of the tumbling mention store: {@code topic@start} to count. */
  private static Map<String, Long> mentionWindows(KafkaStreams streams) {
    ReadOnlyWindowStore<String, MentionCount> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                StanceTopology.TOPIC_MENTIONS_TUMBLING, QueryableStoreTypes.windowStore()));
    Map<String, Long> out = new TreeMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(
          kv -> out.put(kv.key.key() + "@" + kv.key.window().start(), kv.value.count()));
    }
    return out;
  }

  private static StanceStreamConfig config(RestartableKafka broker, String appId, Path state) {
    return StanceStreamConfig.of(
        Map.of(
            "bootstrap.servers", broker.bootstrapServers(),
            "application.id", appId,
            "state.dir", state.toString(),
            "config.dir", Path.of("..", "config").toAbsolutePath().normalize().toString()));
  }

  private static OutputTail tail(StanceStreamConfig cfg, Map<String, Integer> stances) {
    Topic<String, ?> topic = Topics.from(cfg).articleStance();
    OutputTail tail =
        new OutputTail(
            cfg.clientProperties("consumer."),
            List.of(topic.name()),
            o -> stances.merge(o.key(), 1, Integer::sum));
    tail.start();
    return tail;
  }

  private static OutputTail tailValues(StanceStreamConfig cfg, Map<String, JsonNode> stances) {
    OutputTail tail =
        new OutputTail(
            cfg.clientProperties("consumer."),
            List.of(Topics.from(cfg).articleStance().name()),
            o -> stances.put(o.key(), o.value()));
    tail.start();
    return tail;
  }

  /** Publishes {@code n} generated articles (indices from {@code first}); returns their ids. */
  private static List<String> publish(StanceStreamConfig cfg, int first, int n) throws Exception {
    Properties p = cfg.clientProperties("producer.");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    ArticleGenerator gen = new ArticleGenerator(first);
    List<String> ids = new ArrayList<>();
    String topic = Topics.from(cfg).articles().name();
    try (var producer =
        new KafkaProducer<>(p, new StringSerializer(), JsonSerde.of(Article.class).serializer())) {
      for (int i = first; i < first + n; i++) {
        Article a = gen.article(i, gen.randomLean(), 1_500, T0.plus(Duration.ofMinutes(5L * i)));
        producer.send(new ProducerRecord<>(topic, a.id(), a)).get(60, TimeUnit.SECONDS);
        ids.add(a.id());
      }
    }
    return ids;
  }

  private static boolean reachable(RestartableKafka broker) throws InterruptedException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    try (Admin admin = Admin.create(p)) {
      admin.listTopics().names().get();
      return true;
    } catch (ExecutionException e) {
      return false;
    }
  }
}
