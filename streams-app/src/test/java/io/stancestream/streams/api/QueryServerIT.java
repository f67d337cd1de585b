package io.stancestream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API against the real topology and analyzer on an embedded broker: the two seeds and a
 * neutral article are published once; each test reads through HTTP what the stores hold.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryServerIT {

  private static final Instant PUBLISHED =
      Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60);

  @TempDir static Path stateDir;

  private EmbeddedKafka kafka;
  private LiveStack stack;
  private LiveStack.Response readyBeforeStart;
  private List<Article> seeds;
  private Article neutral;

  @BeforeAll
  void start() {
    kafka = EmbeddedKafka.start();
    StanceStreamConfig cfg =
        LiveStack.config(
            kafka,
            stateDir,
            2,
            Map.of(
                "alert.strong-stance.min-abs-score", "0.1",
                "alert.strong-stance.min-confidence", "0.1"));
    stack = LiveStack.serve(cfg);
    readyBeforeStart = stack.get("/ready");
    stack.startApp();
    seeds = LiveStack.seeds(PUBLISHED);
    neutral =
        LiveStack.article(
            "weather-kyiv",
            "Mild weather in Kyiv",
            "Daily Weather",
            PUBLISHED.plusSeconds(30),
            "The weather in Kyiv was mild today. Farmers in the region expect a good harvest of"
                + " wheat and sunflowers this autumn, and markets were busy.");
    List<Article> all = new ArrayList<>(seeds);
    all.add(neutral);
    stack.publish(all);
    sendRaw("not-json", "{ this is not json");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> stack.get("/api/articles").json().path("count").asInt() == 3);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private void sendRaw(String key, String value) {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      p.send(new ProducerRecord<>(stack.app.topics().articles().name(), key, value));
      p.flush();
    }
  }

  private static String path(String id) {
    return "/api/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void readyIsServiceUnavailableUntilStreamsRunAndHealthIsAlwaysUp() {
    assertThat(readyBeforeStart.status()).isEqualTo(503);
    assertThat(readyBeforeStart.json().path("state").asText()).isEqualTo("CREATED");
    LiveStack.Response ready = stack.get("/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("state").asText()).isEqualTo("RUNNING");
    assertThat(stack.get("/health").status()).isEqualTo(200);
  }

  @Test
  void listsEveryArticleNewestFirstWithEvidence() {
    JsonNode body = stack.get("/api/articles").json();
    List<String> ids = new ArrayList<>();
    body.path("articles").forEach(a -> ids.add(a.path("articleId").asText()));
    // The neutral article is 30 s newer than the seeds.
    assertThat(ids.get(0)).isEqualTo(neutral.id());
    assertThat(ids).containsAll(seeds.stream().map(Article::id).toList());
    JsonNode first = body.path("articles").get(1);
    assertThat(first.path("stance").path("label").asText()).isEqualTo("AGAINST");
    assertThat(first.path("evidence")).isNotEmpty();
    assertThat(first.path("evidence").get(0).path("sentence").asText()).isNotBlank();
    assertThat(stack.get("/api/articles?limit=1").json().path("articles")).hasSize(1);
  }

  @Test
  void getsOneArticleByIdAnd404sAnUnknownOne() {
    for (Article seed : seeds) {
      LiveStack.Response r = stack.get(path(seed.id()));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().path("articleId").asText()).isEqualTo(seed.id());
      assertThat(r.json().path("title").asText()).isEqualTo(seed.title());
      assertThat(r.json().path("stance").path("label").asText()).isEqualTo("AGAINST");
    }
    LiveStack.Response missing = stack.get(path("https://nowhere.example/none"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("error").asText()).contains("nowhere.example");
  }

  @Test
  void filtersByStanceOutletTopicAndTime() {
    Set<String> against = ids(stack.get("/api/articles?stance=against").json());
    Set<String> expected = new HashSet<>();
    for (String id : List.of(seeds.get(0).id(), seeds.get(1).id(), neutral.id())) {
      if (stack.get(path(id)).json().path("stance").path("label").asText().equals("AGAINST")) {
        expected.add(id);
      }
    }
    assertThat(against).isEqualTo(expected).contains(seeds.get(0).id(), seeds.get(1).id());

    assertThat(ids(stack.get("/api/articles?outlet=daily%20weather").json()))
        .containsExactly(neutral.id());
    assertThat(ids(stack.get("/api/articles?topic=nato-membership").json()))
        .contains(seeds.get(0).id(), seeds.get(1).id())
        .doesNotContain(neutral.id());
    String from = PUBLISHED.plusSeconds(10).toString();
    assertThat(ids(stack.get("/api/articles?from=" + from).json())).containsExactly(neutral.id());
    assertThat(ids(stack.get("/api/articles?to=" + from).json()))
        .containsExactlyInAnyOrder(seeds.get(0).id(), seeds.get(1).id());
    LiveStack.Response bad = stack.get("/api/articles?stance=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").asText()).contains("FAVOR, AGAINST or NEUTRAL");
  }

  private static Set<String> ids(JsonNode list) {
    Set<String> out = new HashSet<>();
    list.path("articles").forEach(a -> out.add(a.path("articleId").asText()));
    return out;
  }

  @Test
  void topicCountsPerWindowMatchTheArticlesMentions() {
    Map<String, Integer> expected = new HashMap<>();
    stack
        .get("/api/articles")
        .json()
        .path("articles")
        .forEach(
            a ->
                a.path("mentions")
                    .fields()
                    .forEachRemaining(
                        e -> expected.merge(e.getKey(), e.getValue().asInt(), Integer::sum)));
    expected.values().removeIf(n -> n <= 0);
    assertThat(expected).containsKey("nato-membership");

    // Window counts are aggregated downstream of article-stance (after a repartition): await them.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(currentWindowCounts()).isEqualTo(expected));
    JsonNode topics = stack.get("/api/topics").json();
    JsonNode current = topics.path("tumbling").get(0);
    assertThat(current.path("windowStart").asText())
        .isEqualTo(PUBLISHED.truncatedTo(ChronoUnit.HOURS).toString());
    // Most mentioned first.
    assertThat(current.path("topics").get(0).path("count").asInt())
        .isEqualTo(expected.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
    // 24 h hopping windows advancing 1 h: the articles sit in 24 of them; ask for the newest 3.
    JsonNode hopping = stack.get("/api/topics?kind=hopping&windows=3").json().path("hopping");
    assertThat(hopping).hasSize(3);
    assertThat(topics.path("hoppingSize").asText()).isEqualTo("PT24H");
    assertThat(stack.get("/api/topics?kind=hopping").json().path("tumbling")).isEmpty();
    assertThat(stack.get("/api/topics?kind=weekly").status()).isEqualTo(400);
  }

  private Map<String, Integer> currentWindowCounts() {
    Map<String, Integer> counted = new HashMap<>();
    stack
        .get("/api/topics")
        .json()
        .path("tumbling")
        .get(0)
        .path("topics")
        .forEach(t -> counted.put(t.path("topic").asText(), t.path("count").asInt()));
    return counted;
  }

  @Test
  void trendsOverallAndPerOutlet() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stack
                        .get("/api/trends")
                        .json()
                        .path("series")
                        .get(0)
                        .path("points")
                        .get(0)
                        .path("n")
                        .asInt()
                    == 3);
    JsonNode series = stack.get("/api/trends").json().path("series");
    assertThat(series.get(0).path("outlet").asText()).isEqualTo("*");
    JsonNode overall = series.get(0).path("points").get(0);
    assertThat(overall.path("n").asInt()).isEqualTo(3);
    int against = ids(stack.get("/api/articles?stance=AGAINST").json()).size();
    assertThat(overall.path("counts").path("AGAINST").asInt()).isEqualTo(against);
    assertThat(overall.path("meanScore").asDouble()).isLessThan(0);
    Map<String, Integer> perOutlet = new HashMap<>();
    series.forEach(
        s -> perOutlet.put(s.path("outlet").asText(), s.path("points").get(0).path("n").asInt()));
    Map<String, Integer> articlesPerOutlet = new HashMap<>();
    articlesPerOutlet.put("*", 3);
    stack
        .get("/api/articles")
        .json()
        .path("articles")
        .forEach(a -> articlesPerOutlet.merge(a.path("outlet").asText(), 1, Integer::sum));
    assertThat(perOutlet).isEqualTo(articlesPerOutlet).containsEntry("Daily Weather", 1);
    JsonNode one = stack.get("/api/trends?outlet=Daily%20Weather").json().path("series");
    assertThat(one).hasSize(1);
    assertThat(one.get(0).path("outlet").asText()).isEqualTo("Daily Weather");
  }

  @Test
  void strongStanceAlertsForTheSeeds() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode alerts = stack.get("/api/alerts").json().path("alerts");
              Set<String> articles = new HashSet<>();
              alerts.forEach(
                  a -> {
                    assertThat(a.path("rule").asText()).isEqualTo("strong-stance");
                    a.path("articleIds").forEach(id -> articles.add(id.asText()));
                  });
              assertThat(articles).contains(seeds.get(0).id(), seeds.get(1).id());
            });
    assertThat(stack.get("/api/alerts?rule=mention-spike").json().path("alerts")).isEmpty();
  }

  @Test
  void metricsExposeStreamsJvmAndStanceStreamMeters() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              LiveStack.Response r = stack.get("/metrics");
              assertThat(r.status()).isEqualTo(200);
              assertThat(r.contentType()).startsWith("text/plain");
              String text = r.body();
              assertThat(value(text, "stancestream_articles_scored_total", "label=\"AGAINST\""))
                  .isGreaterThanOrEqualTo(2);
              assertThat(value(text, "stancestream_scorer_latency_seconds_count", ""))
                  .isGreaterThanOrEqualTo(3);
              assertThat(value(text, "stancestream_dlq_records_total", "reason=\"invalid-json\""))
                  .isEqualTo(1);
              assertThat(
                      value(text, "stancestream_end_to_end_lag_seconds_count", "from=\"ingested\""))
                  .isEqualTo(3);
              assertThat(value(text, "stancestream_alerts_total", "rule=\"strong-stance\""))
                  .isGreaterThanOrEqualTo(2);
              assertThat(text).contains("kafka_stream_").contains("jvm_memory_used_bytes");
            });
  }

  /** The value of the first sample of {@code name} whose labels contain {@code label}. */
  private static double value(String prometheus, String name, String label) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$")
            .matcher(prometheus);
    while (m.find()) {
      if (m.group(1).contains(label)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError(name + "{" + label + "} not in metrics");
  }

  @Test
  void bearerTokenGuardsTheApiWhenSet() {
    StanceStreamConfig guarded = stack.cfg.with("http.token", "s3cret").with("http.port", "0");
    try (QueryServer server = QueryServer.start(guarded, stack.app)) {
      assertThat(LiveStack.send(server, "/api/articles", null).status()).isEqualTo(401);
      assertThat(LiveStack.send(server, "/api/articles", "wrong").status()).isEqualTo(401);
      assertThat(LiveStack.send(server, "/api/alerts", null).status()).isEqualTo(401);
      assertThat(LiveStack.send(server, "/api/articles", "s3cret").json().path("count").asInt())
          .isEqualTo(3);
      assertThat(LiveStack.send(server, "/api/topics?access_token=s3cret", null).status())
          .isEqualTo(200);
      assertThat(LiveStack.send(server, "/health", null).status()).isEqualTo(200);
      assertThat(LiveStack.send(server, "/ready", null).status()).isEqualTo(200);
    }
    // The unguarded server answers without a token.
    assertThat(stack.get("/api/articles").status()).isEqualTo(200);
  }

  @Test
  void servesTheDashboardOpenApiAndNoWriteEndpointWithoutIngest() {
    LiveStack.Response page = stack.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("StanceStream");
    LiveStack.Response api = stack.get("/openapi.json");
    assertThat(api.json().path("openapi").asText()).startsWith("3.");
    assertThat(api.json().path("paths").has("/api/articles/{id}")).isTrue();
    assertThat(stack.get("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
  }
}
