package io.stancestream.producer;

import static io.stancestream.producer.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.source.LocalSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --follow}: feeds polled and directories watched until the run is stopped. */
class FollowTest {

  static final String NEW_ENTRY =
      "<entry><title>Allies Agree a Training Mission</title>"
          + "<link href=\"https://alliancewatch.example/posts/training-mission\"/>"
          + "<id>tag:alliancewatch.example,2025:training-mission</id>"
          + "<published>2025-06-23T09:00:00Z</published>"
          + "<content type=\"html\">&lt;p&gt;"
          + "The allies agreed to expand a training mission for Ukrainian forces. ".repeat(10)
          + "&lt;/p&gt;</content></entry></feed>";

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private ArticleIngestor ingestor(RecordingSink sink, ProduceOptions options) {
    return new ArticleIngestor(
        StanceStreamConfig.of(Map.of("ingest.follow.settle", "PT0.1S")),
        options,
        sink,
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @Test
  void aPolledFeedPublishesNewItemsWithoutRestartingAndSurvivesAnError() throws Exception {
    try (LocalSite site = new LocalSite()) {
      String atom = Files.readString(fixture("good/feeds/atom.xml"));
      site.put("/atom.xml", "application/atom+xml", atom, "\"v1\"", null);
      RecordingSink sink = new RecordingSink();
      ArticleIngestor ingestor =
          ingestor(
              sink,
              ProduceOptions.defaults().withFollow(true).withPollInterval(Duration.ofMillis(50)));
      CompletableFuture<ProduceSummary> run =
          CompletableFuture.supplyAsync(() -> ingestor.run(List.of(site.base() + "/atom.xml")));

      await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> site.hits.stream().anyMatch(h -> h.status() == 304));

      site.failNext(2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> site.hits.stream().filter(h -> h.status() == 500).count() == 2);
      site.put(
          "/atom.xml", "application/atom+xml", atom.replace("</feed>", NEW_ENTRY), "\"v2\"", null);

      await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 3);
      assertThat(sink.sent.get(2).title()).isEqualTo("Allies Agree a Training Mission");

      ingestor.stop();
      ProduceSummary summary = run.get();
      ingestor.close();
      assertThat(summary.published()).isEqualTo(3);
      assertThat(summary.duplicates()).isZero();
      assertThat(summary.rejected()).isZero();
      assertThat(stderr.toString(StandardCharsets.UTF_8))
          .contains("HTTP 500 (1 in a row)")
          .contains("HTTP 500 (2 in a row)");
    }
  }

  @Test
  void anUnreachableUrlWithoutFollowIsARejection() throws Exception {
    try (LocalSite site = new LocalSite()) {
      site.failNext(1);
      RecordingSink sink = new RecordingSink();
      try (ArticleIngestor ingestor = ingestor(sink, ProduceOptions.defaults())) {
        ProduceSummary s = ingestor.run(List.of(site.base() + "/feed.xml"));
        assertThat(s.rejections())
            .containsExactly(new Rejection(site.base() + "/feed.xml", "HTTP 500"));
      }
    }
  }

  @Test
  void aWatchedDirectoryPublishesFilesThatAppearInIt(@TempDir Path dir) throws Exception {
    Files.copy(fixture("good/html/bare.htm"), dir.resolve("first.htm"));
    RecordingSink sink = new RecordingSink();
    ArticleIngestor ingestor = ingestor(sink, ProduceOptions.defaults().withFollow(true));
    CompletableFuture<ProduceSummary> run =
        CompletableFuture.supplyAsync(() -> ingestor.run(List.of(dir.toString())));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() == 1);

    Files.createDirectories(dir.resolve("later"));
    Files.copy(fixture("good/json/wire.jsonl"), dir.resolve("later/wire.jsonl"));
    Files.writeString(dir.resolve(".partial.tmp"), "hidden files are not inputs");
    await().atMost(Duration.ofSeconds(15)).until(() -> sink.sent.size() == 3);
    assertThat(sink.sent).extracting(Article::source).last().asString().endsWith("wire.jsonl:2");

    ingestor.stop();
    ProduceSummary summary = run.get();
    ingestor.close();
    assertThat(summary.published()).isEqualTo(3);
    assertThat(summary.rejected()).isZero();
  }
}
