package io.stancestream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.streams.StanceStreamApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /articles} through an {@link IngestEndpoint} (guarded by the bearer token) and the
 * result arriving on {@code /api/stream} as an SSE {@code article} event, with its strong-stance
 * {@code alert}, once the topology has committed them.
 */
@Tag("integration")
class StreamAndIngestIT {

  @TempDir Path tmp;

  @Test
  void ingestedArticleArrivesOnTheEventStream() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      StanceStreamConfig cfg =
          QueryServer.withServerAddress(
              LiveStack.config(
                  kafka,
                  tmp,
                  2,
                  Map.of(
                      "http.token", "t0ken",
                      "alert.strong-stance.min-abs-score", "0.1",
                      "alert.strong-stance.min-confidence", "0.1")));
      try (StanceStreamApp app = new StanceStreamApp(cfg, LiveStack.analyzer()::analyze);
          KafkaProducer<String, String> producer =
              new KafkaProducer<>(
                  Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                  new StringSerializer(),
                  new StringSerializer());
          QueryServer server = QueryServer.start(cfg, app, publishingTo(producer, app))) {
        app.start();
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> LiveStack.send(server, "/ready", null).status() == 200);

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream =
            http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "api/stream?access_token=t0ken"))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
            .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> readLines(stream.body(), lines), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.streamClients() == 1);

        Article article =
            LiveStack.article(
                "https://ingest.example/opinion/1",
                "No NATO seat for Kyiv",
                "Ingest Daily",
                Instant.now(),
                "Ukraine should not join NATO. Membership for Ukraine would drag the alliance into"
                    + " war, and the author opposes it firmly.");
        String json = JsonSerde.MAPPER.writeValueAsString(article);
        assertThat(post(server, json, null).statusCode()).isEqualTo(401);
        HttpResponse<String> accepted = post(server, json, "t0ken");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains(article.id());

        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  int event = lines.indexOf("event: article");
                  assertThat(event).isNotNegative();
                  assertThat(lines.get(event + 1)).startsWith("data: ").contains(article.id());
                  assertThat(lines).contains("event: alert");
                });
        // The event carries the same committed record the API serves.
        String data = lines.get(lines.indexOf("event: article") + 1).substring("data: ".length());
        assertThat(JsonSerde.MAPPER.readTree(data).path("stance").path("label").asText())
            .isEqualTo(
                LiveStack.send(server, "/api/articles?limit=1", "t0ken")
                    .json()
                    .path("articles")
                    .get(0)
                    .path("stance")
                    .path("label")
                    .asText());
        stream.body().close();
      }
    }
  }

  /** A minimal ingest endpoint for the test: one Article JSON in, published as it is. */
  private static IngestEndpoint publishingTo(
      KafkaProducer<String, String> producer, StanceStreamApp app) {
    return (body, type, headers) -> {
      try {
        Article a = JsonSerde.MAPPER.readValue(body, Article.class);
        producer
            .send(
                new ProducerRecord<>(
                    app.topics().articles().name(),
                    a.id(),
                    new String(body, StandardCharsets.UTF_8)))
            .get();
        return new IngestEndpoint.Reply(
            200,
            "application/json",
            ("{\"ids\":[\"" + a.id() + "\"]}").getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        return new IngestEndpoint.Reply(
            400, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  private static HttpResponse<String> post(QueryServer server, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(server.url() + "articles"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void readLines(InputStream in, List<String> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException closed) {
      // The test closed the stream.
    }
  }
}
