package io.stancestream.streams.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import io.stancestream.streams.StanceStreamApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One real StanceStream instance for API tests: the app (real topology, real analyzer) on an
 * embedded broker with its own topics and application id, and a {@link QueryServer} on a free port;
 * plus a producer for articles and a small HTTP client.
 */
final class LiveStack implements AutoCloseable {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static ArticleAnalyzer analyzer;

  final StanceStreamConfig cfg;
  final StanceStreamApp app;
  final QueryServer server;

  private LiveStack(StanceStreamConfig cfg, StanceStreamApp app, QueryServer server) {
    this.cfg = cfg;
    this.app = app;
    this.server = server;
  }

  static synchronized ArticleAnalyzer analyzer() {
    if (analyzer == null) {
      analyzer = ArticleAnalyzer.withDefaults();
    }
    return analyzer;
  }

  /**
   * Settings with a unique application id and unique topic names (created here, {@code partitions}
   * each), state in {@code stateDir}, the server on a free port.
   */
  static StanceStreamConfig config(
      EmbeddedKafka kafka, Path stateDir, int partitions, Map<String, String> extra) {
    String prefix = "api" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "-";
    Map<String, String> s = new LinkedHashMap<>();
    s.put("bootstrap.servers", kafka.bootstrapServers());
    s.put("application.id", prefix + "app");
    s.put("state.dir", stateDir.toString());
    s.put("http.port", "0");
    s.put("commit.interval", "PT0.1S");
    s.put("streams.statestore.cache.max.bytes", "0");
    for (String t :
        List.of(
            "articles",
            "articles-dlq",
            "article-stance",
            "topic-mentions",
            "topic-mentions-final",
            "stance-trends",
            "alerts")) {
      s.put("topic." + t, prefix + t);
    }
    s.putAll(extra);
    StanceStreamConfig cfg = StanceStreamConfig.of(s);
    kafka.createTopics(
        Topics.from(cfg).all().stream()
            .map(t -> new NewTopic(t.name(), partitions, (short) 1))
            .toList());
    return cfg;
  }

  /** Builds the app and serves it; the app is not started (see {@link #startApp()}). */
  static LiveStack serve(StanceStreamConfig cfg) {
    StanceStreamConfig served = QueryServer.withServerAddress(cfg);
    StanceStreamApp app = new StanceStreamApp(served, analyzer()::analyze);
    QueryServer server = QueryServer.start(served, app);
    return new LiveStack(served, app, server);
  }

  LiveStack startApp() {
    app.start();
    await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
    return this;
  }

  /** The two seed files as articles: the first line is the title, the file the body. */
  static List<Article> seeds(Instant publishedAt) {
    try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
      return files
          .filter(p -> p.toString().endsWith(".txt"))
          .sorted()
          .map(p -> seed(p, publishedAt))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Article seed(Path file, Instant publishedAt) {
    try {
      String body = Files.readString(file, StandardCharsets.UTF_8);
      List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      // A scrape may start with the site's domain: that is the outlet, the title comes after it.
      boolean domainFirst = lines.get(0).matches("[\\w.-]+\\.[a-z]{2,}");
      String outlet = domainFirst ? lines.get(0) : "seed-blog.example";
      String title =
          lines.stream()
              .skip(domainFirst ? 1 : 0)
              .filter(l -> l.split(" ").length >= 5)
              .findFirst()
              .orElse(lines.get(0));
      if (title.length() > 100) {
        title = title.substring(0, 97) + "...";
      }
      String name = file.getFileName().toString().replace(".txt", "");
      return article(
          "https://" + outlet + "/seed/" + name + "?src=test", title, outlet, publishedAt, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article article(String id, String title, String outlet, Instant publishedAt, String body) {
    return new Article(
        Article.SCHEMA_VERSION,
        id,
        id.startsWith("http") ? id : "https://news.example/" + id,
        title,
        outlet,
        "A. Writer",
        publishedAt,
        "en",
        body,
        "test",
        Instant.now());
  }

  /** Publishes articles as JSON, keyed by id, and waits for the broker's acks. */
  void publish(List<Article> articles) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cfg.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (Article a : articles) {
        producer.send(
            new ProducerRecord<>(
                app.topics().articles().name(), a.id(), JsonSerde.MAPPER.writeValueAsString(a)));
      }
      producer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response get(String pathAndQuery) {
    return get(pathAndQuery, null);
  }

  Response get(String pathAndQuery, String bearer) {
    return send(server, pathAndQuery, bearer);
  }

  static Response send(QueryServer server, String pathAndQuery, String bearer) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1)))
            .timeout(Duration.ofSeconds(20))
            .GET();
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  record Response(int status, String body, String contentType) {
    JsonNode json() {
      try {
        return JsonSerde.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  @Override
  public void close() {
    server.close();
    app.close();
  }
}
