package io.stancestream.producer;

import static io.stancestream.producer.Fixtures.fixture;
import static io.stancestream.producer.Fixtures.seeds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run without a broker: counts, duplicates, rejections and the rejects file. */
class PublishSessionTest {

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

  private ProduceSummary run(RecordingSink sink, ProduceOptions options, String... inputs) {
    try (ArticleIngestor ingestor =
        new ArticleIngestor(StanceStreamConfig.of(Map.of()), options, sink, err)) {
      return ingestor.run(List.of(inputs));
    }
  }

  @Test
  void goodFixturesAndSeedsAreAllPublishedOnceEach() {
    RecordingSink sink = new RecordingSink();
    ProduceSummary s =
        run(sink, ProduceOptions.defaults(), fixture("good").toString(), seeds().toString());
    // 2 atom + 2 rss + 3 html + 2 newsapi + 2 jsonl + 1 scrape + 2 seeds
    assertThat(s.read()).isEqualTo(14);
    assertThat(s.published()).isEqualTo(14);
    assertThat(s.duplicates()).isZero();
    assertThat(s.rejected()).isZero();
    assertThat(s.exitCode()).isZero();
    assertThat(sink.sent).extracting(Article::id).doesNotHaveDuplicates().hasSize(14);
    assertThat(s.publishedIds())
        .containsExactlyElementsOf(sink.sent.stream().map(Article::id).toList());
    assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("rejected");
  }

  @Test
  void aSecondPassOverTheSameInputsIsAllDuplicates() {
    RecordingSink sink = new RecordingSink();
    String good = fixture("good").toString();
    ProduceSummary s = run(sink, ProduceOptions.defaults(), good, good);
    assertThat(s.read()).isEqualTo(24);
    assertThat(s.published()).isEqualTo(12);
    assertThat(s.duplicates()).isEqualTo(12);
    assertThat(s.exitCode()).isZero();
  }

  @Test
  void everyRejectionIsReportedWithItsLocationAndWrittenToTheRejectsFile(@TempDir Path tmp)
      throws Exception {
    RecordingSink sink = new RecordingSink();
    Path rejects = tmp.resolve("rejects.jsonl");
    ProduceSummary s =
        run(
            sink,
            ProduceOptions.defaults().withRejectsFile(rejects),
            fixture("bad").toString(),
            tmp.resolve("missing.txt").toString());
    // bad-encoding.jsonl: 2 ok + 1 bad; empty-body.txt: 1 bad; latin1-scrape.txt: 1 bad;
    // odd-fields.jsonl: 4 ok (one a duplicate) + 3 bad; missing.txt: 1 bad.
    assertThat(s.read()).isEqualTo(13);
    assertThat(s.published()).isEqualTo(5);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.rejected()).isEqualTo(7);
    assertThat(s.read()).isEqualTo(s.published() + s.duplicates() + s.rejected());
    assertThat(s.exitCode()).isEqualTo(1);
    assertThat(s.rejections())
        .extracting(r -> r.location().replaceAll(".*/", ""))
        .containsExactly(
            "bad-encoding.jsonl:2",
            "empty-body.txt",
            "latin1-scrape.txt:3",
            "odd-fields.jsonl:4",
            "odd-fields.jsonl:5",
            "odd-fields.jsonl:8",
            "missing.txt");
    assertThat(s.rejections().get(6).reason()).isEqualTo("no such file or directory");

    String printed = stderr.toString(StandardCharsets.UTF_8);
    for (Rejection r : s.rejections()) {
      assertThat(printed).contains("rejected " + r.location() + ": " + r.reason());
    }
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(7);
    JsonNode first = JsonSerde.MAPPER.readTree(lines.get(0));
    assertThat(first.get("location").asText()).endsWith("bad-encoding.jsonl:2");
    assertThat(first.get("reason").asText()).startsWith("invalid UTF-8");
    assertThat(first.has("at")).isTrue();
  }

  @Test
  void aFailedSendIsARejectionNotASilentLoss() {
    RecordingSink sink = new RecordingSink(a -> a.title().startsWith("Close NATO"));
    ProduceSummary s = run(sink, ProduceOptions.defaults(), seeds().toString());
    assertThat(s.published()).isEqualTo(1);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.rejections().get(0).location()).endsWith("000_154f23de60aedeb5.txt");
    assertThat(s.rejections().get(0).reason())
        .contains("publish failed")
        .contains("broker said no");
  }

  @Test
  void stdinIsReadWithFormatSniffing() {
    RecordingSink sink = new RecordingSink();
    String jsonl =
        "{\"headline\":\"One\",\"content\":\"First piped article body.\"}\n"
            + "{\"headline\":\"Two\",\"content\":\"Second piped article body.\"}\n";
    try (ArticleIngestor ingestor =
        new ArticleIngestor(
            StanceStreamConfig.of(Map.of()), ProduceOptions.defaults(), sink, err)) {
      ingestor.stdin(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
      ProduceSummary s = ingestor.run(List.of("-"));
      assertThat(s.published()).isEqualTo(2);
    }
    assertThat(sink.sent).extracting(Article::title).containsExactly("One", "Two");
    assertThat(sink.sent).extracting(Article::source).containsExactly("stdin:1", "stdin:2");
  }

  @Test
  void filesWithoutExtensionsAreSniffedAndBinariesRejected(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("page"),
        "<!doctype html><html><body><article><p>Sniffed page text.</p></article></body></html>");
    Files.write(tmp.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.writeString(tmp.resolve(".hidden.txt"), "not an input");
    RecordingSink sink = new RecordingSink();
    ProduceSummary s = run(sink, ProduceOptions.defaults(), tmp.toString());
    assertThat(sink.sent).extracting(Article::body).containsExactly("Sniffed page text.");
    assertThat(s.rejections()).hasSize(1);
    assertThat(s.rejections().get(0).location()).endsWith("photo.png");
    assertThat(s.rejections().get(0).reason()).startsWith("unsupported input");
  }

  @Test
  void speedReplaysInPublicationOrder() {
    RecordingSink sink = new RecordingSink();
    // 1e9 times faster than real time: the order matters here, not the waiting.
    ProduceSummary s =
        run(
            sink,
            ProduceOptions.defaults().withSpeed(1e9),
            fixture("good/feeds").toString(),
            fixture("good/json").toString());
    assertThat(s.published()).isEqualTo(8);
    List<java.time.Instant> times = sink.sent.stream().map(Article::publishedAt).toList();
    assertThat(times).isSorted();
  }
}
