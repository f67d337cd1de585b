package io.stancestream.producer.parse;

import static io.stancestream.producer.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ParsedInput;
import io.stancestream.producer.ProduceOptions;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RSS 2.0 and Atom files whose items carry their full text. */
class FeedParsingTest {

  private static List<Article> parse(String fixture) {
    List<ParsedInput> parsed =
        ArticleIngestor.parse(
            StanceStreamConfig.of(Map.of()),
            List.of(fixture(fixture).toString()),
            ProduceOptions.defaults());
    assertThat(parsed).allSatisfy(p -> assertThat(p.rejection()).isNull());
    return parsed.stream().map(ParsedInput::article).toList();
  }

  @Test
  void rss2ItemsWithContentEncodedAndLongDescriptions() {
    List<Article> items = parse("good/feeds/rss-full.xml");
    assertThat(items).hasSize(2);
    Article first = items.get(0);
    assertThat(first.title()).isEqualTo("The Case for an Invitation This Year");
    assertThat(first.url()).isEqualTo("https://easternflank.example/2025/06/case-for-invitation");
    assertThat(first.id()).isEqualTo(first.url());
    assertThat(first.author()).isEqualTo("Ilona Varga");
    assertThat(first.outlet()).isEqualTo("Eastern Flank Weekly");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-06-17T09:15:00Z"));
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.body())
        .startsWith("Every year the alliance delays")
        .contains("\n\n")
        .doesNotContain("<p>")
        .doesNotContain("Share this");

    Article second = items.get(1);
    assertThat(second.author()).isEqualTo("Pavel Horak");
    assertThat(second.publishedAt()).isEqualTo(Instant.parse("2025-06-19T16:00:00Z"));
    assertThat(second.body()).startsWith("Armed neutrality").endsWith("it must be verifiable.");
  }

  @Test
  void atomEntriesWithRelativeLinksAndOffsets() {
    List<Article> entries = parse("good/feeds/atom.xml");
    assertThat(entries)
        .extracting(Article::url)
        .containsExactly(
            "https://alliancewatch.example/posts/communique-open",
            "https://alliancewatch.example/posts/article-5-at-war");
    assertThat(entries).extracting(Article::outlet).containsOnly("Alliance Watch");
    assertThat(entries).extracting(Article::author).containsOnly("Sofia Marin");
    assertThat(entries.get(0).publishedAt()).isEqualTo(Instant.parse("2025-06-20T18:45:00Z"));
    assertThat(entries.get(1).publishedAt()).isEqualTo(Instant.parse("2025-06-22T07:00:00Z"));
    assertThat(entries.get(0).body()).startsWith("The final communiqué").doesNotContain("&lt;");
  }

  @Test
  void aFeedIsRecognisedByContentWhateverItsName() throws Exception {
    byte[] atom = Files.readAllBytes(fixture("good/feeds/atom.xml"));
    assertThat(InputFormat.detect(Document.of("x", atom, "download"))).isEqualTo(InputFormat.FEED);
    assertThat(InputFormat.detect(new Document("x", atom, null, "text/xml", null)))
        .isEqualTo(InputFormat.FEED);
  }

  @Test
  void summaryOnlyItemsAreRejectedWhenLinksCannotBeFollowed() {
    FeedParser offline = new FeedParser(null, 500);
    byte[] rss =
        ("<rss version='2.0'><channel><title>T</title><item><title>Short</title>"
                + "<link>https://x.example/a</link><description>Teaser only.</description></item>"
                + "</channel></rss>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<Extracted> items = offline.parse(rss, "feed.xml", null);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).rejection().location()).isEqualTo("https://x.example/a");
    assertThat(items.get(0).rejection().reason())
        .isEqualTo("feed item has only a summary and link fetching is off");
  }
}
