package io.stancestream.producer.ingest;

import static io.stancestream.producer.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.ProduceSummary;
import io.stancestream.producer.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /articles}: the handler on its own and behind the standalone server. */
class IngestEndpointTest {

  private final RecordingSink sink = new RecordingSink();
  private final ArticleIngestor ingestor =
      new ArticleIngestor(
          StanceStreamConfig.of(Map.of("ingest.http.max.bytes", "100000")),
          ProduceOptions.defaults(),
          sink,
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  private final IngestHandler handler = ingestor.ingestHandler();

  @AfterEach
  void close() {
    ingestor.close();
  }

  private static JsonNode json(IngestHandler.Response r) throws Exception {
    return JsonSerde.MAPPER.readTree(r.body());
  }

  @Test
  void aJsonArrayIsPublishedAndAResendIsAllDuplicates() throws Exception {
    byte[] body = Files.readAllBytes(fixture("mapped/custom-fields.json"));
    byte[] mapped =
        new String(body, StandardCharsets.UTF_8)
            .replace("\"hed\"", "\"title\"")
            .replace("\"copy\"", "\"text\"")
            .replace("\"when\"", "\"date\"")
            .getBytes(StandardCharsets.UTF_8);
    IngestHandler.Response first = handler.handle(mapped, "application/json", Map.of());
    assertThat(first.status()).isEqualTo(200);
    JsonNode report = json(first);
    assertThat(report.get("published").asInt()).isEqualTo(2);
    assertThat(report.get("ids")).hasSize(2);
    assertThat(sink.sent)
        .extracting(Article::title)
        .containsExactly("Warsaw Wants a Timetable", "Budapest Says Not Now");

    IngestHandler.Response again = handler.handle(mapped, "application/json", Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(json(again).get("duplicates").asInt()).isEqualTo(2);
    assertThat(json(again).get("ids")).isEqualTo(report.get("ids"));
    assertThat(sink.sent).hasSize(2);
  }

  @Test
  void rawTextWithAContentLocationIsKeyedByThatUrl() throws Exception {
    IngestHandler.Response r =
        handler.handle(
            "Ukraine will not join the alliance this decade, officials said."
                .getBytes(StandardCharsets.UTF_8),
            "text/plain; charset=utf-8",
            Map.of("Content-Location", List.of("https://Example.org/wire/123/?utm_source=push")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(json(r).get("ids").get(0).asText()).isEqualTo("https://example.org/wire/123");
    assertThat(sink.sent.get(0).source()).isEqualTo("POST /articles");
  }

  @Test
  void anHtmlPageIsReadLikeAFile() throws Exception {
    IngestHandler.Response r =
        handler.handle(
            Files.readAllBytes(fixture("good/html/boilerplate-news.html")), "text/html", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(sink.sent.get(0).title()).isEqualTo("Kyiv's Long Wait at NATO's Door");
  }

  @Test
  void rejectionsAndBadRequestsGetTheirOwnStatus() throws Exception {
    IngestHandler.Response partly =
        handler.handle(
            Files.readAllBytes(fixture("bad/odd-fields.jsonl")), "application/x-ndjson", null);
    assertThat(partly.status()).isEqualTo(422);
    JsonNode report = json(partly);
    assertThat(report.get("published").asInt()).isEqualTo(3);
    assertThat(report.get("duplicates").asInt()).isEqualTo(1);
    assertThat(report.get("rejected").asInt()).isEqualTo(3);
    assertThat(report.get("rejections").get(0).get("location").asText())
        .isEqualTo("POST /articles:4");
    assertThat(report.get("rejections").get(0).get("reason").asText()).startsWith("invalid JSON");

    assertThat(handler.handle(new byte[0], "text/plain", null).status()).isEqualTo(400);
    assertThat(handler.handle(new byte[100_001], "text/plain", null).status()).isEqualTo(413);
    assertThat(handler.handle(new byte[] {1, 2, 3}, "image/png", null).status()).isEqualTo(415);
    assertThat(handler.handle("   ".getBytes(StandardCharsets.UTF_8), "text/plain", null).status())
        .isEqualTo(422);
  }

  @Test
  void theStandaloneServerServesPostArticlesOnLoopback() throws Exception {
    RecordingSink served = new RecordingSink();
    ArticleIngestor listening =
        new ArticleIngestor(
            StanceStreamConfig.of(Map.of()),
            ProduceOptions.defaults().withListen(new InetSocketAddress("127.0.0.1", 0)),
            served,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    CompletableFuture<ProduceSummary> run =
        CompletableFuture.supplyAsync(() -> listening.run(List.of()));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> listening.listenAddress() != null);
    InetSocketAddress address = listening.listenAddress();
    assertThat(address.getAddress().isLoopbackAddress()).isTrue();
    String base = "http://127.0.0.1:" + address.getPort();
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> posted =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/articles"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Pushed\",\"body\":\"An article pushed over HTTP about the alliance.\",\"url\":\"https://push.example/a\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(JsonSerde.MAPPER.readTree(posted.body()).get("ids").get(0).asText())
        .isEqualTo("https://push.example/a");

    HttpResponse<String> get =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/articles")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");

    listening.stop();
    ProduceSummary summary = run.get();
    listening.close();
    assertThat(summary.published()).isEqualTo(1);
    assertThat(served.sent).extracting(Article::title).containsExactly("Pushed");
  }
}
