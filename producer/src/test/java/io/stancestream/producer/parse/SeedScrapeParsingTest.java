package io.stancestream.producer.parse;

import static io.stancestream.producer.Fixtures.fixture;
import static io.stancestream.producer.Fixtures.seeds;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ParsedInput;
import io.stancestream.producer.ProduceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed scrape format: metadata from the header and bio lines, the whole scrape as body. */
class SeedScrapeParsingTest {

  private static List<ParsedInput> parse(Path... paths) {
    return ArticleIngestor.parse(
        StanceStreamConfig.of(Map.of()),
        java.util.Arrays.stream(paths).map(Path::toString).toList(),
        ProduceOptions.defaults());
  }

  private static Article only(Path path) {
    List<ParsedInput> parsed = parse(path);
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).rejection()).isNull();
    return parsed.get(0).article();
  }

  @Test
  void foreignAffairsSeedHasTitleOutletDateAndAuthorFromItsHeader() throws Exception {
    Path seed = seeds().resolve("000_154f23de60aedeb5.txt");
    Article a = only(seed);
    assertThat(a.title()).isEqualTo("Close NATO’s Door to Ukraine");
    assertThat(a.outlet()).isEqualTo("Foreign Affairs");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-06-20T00:00:00Z"));
    assertThat(a.author()).isEqualTo("Charles Kupchan");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.url()).isNull();
    assertThat(a.body()).isEqualTo(Files.readString(seed, StandardCharsets.UTF_8).strip());
    assertThat(a.id()).isEqualTo(ArticleIds.contentHash(a.body()));
    assertThat(a.source()).endsWith("000_154f23de60aedeb5.txt");
    assertThat(a.schemaVersion()).isEqualTo(Article.SCHEMA_VERSION);
  }

  @Test
  void headerlessSeedTakesItsFirstLineAsTitleAndTheAboutTheAuthorLine() throws Exception {
    Path seed = seeds().resolve("003_a15b071a06281571.txt");
    Article a = only(seed);
    assertThat(a.title())
        .isEqualTo(
            "There is no polite way to say this, so let’s not bother trying: Ukraine is not going"
                + " to join NATO.");
    assertThat(a.author()).isEqualTo("Andrew Latham");
    assertThat(a.outlet()).isEqualTo("National Security Journal");
    assertThat(a.publishedAt()).isNull();
    assertThat(a.body()).isEqualTo(Files.readString(seed, StandardCharsets.UTF_8).strip());
  }

  @Test
  void aByLineAndADayMonthYearDateAreRead() {
    Article a = only(fixture("good/text/by-line-scrape.txt"));
    assertThat(a.title()).isEqualTo("The Alliance Cannot Wait Forever");
    assertThat(a.outlet()).isEqualTo("The Northern Ledger");
    assertThat(a.author()).isEqualTo("Jane Holloway");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-06-20T00:00:00Z"));
  }

  @Test
  void aHeaderWithoutAnOutletLineFallsBackToTheDomain() {
    RawArticle raw =
        new ScrapeTextParser()
            .parse(
                "www.example-news.org\nBorder Talks Stall\nMarch 3, 2025\nBody text follows here.",
                "x.txt");
    assertThat(raw.outlet()).isEqualTo("example-news.org");
    assertThat(raw.title()).isEqualTo("Border Talks Stall");
    assertThat(raw.publishedAt()).isEqualTo("March 3, 2025");
  }

  @Test
  void bioNamesInCapitalsBecomeTitleCase() {
    assertThat(ScrapeTextParser.titleCase("JEAN-PIERRE O’NEIL")).isEqualTo("Jean-Pierre O’Neil");
    RawArticle raw =
        new ScrapeTextParser()
            .parse(
                "site.com\nSite\nA Title\nMay 1, 2025\nANNA KOVAL and PETRO SHEVCHENKO are fellows"
                    + " at an institute.\nBody.",
                "x.txt");
    assertThat(raw.author()).isEqualTo("Anna Koval and Petro Shevchenko");
  }

  @Test
  void parsingTheSameSeedTwiceGivesTheSameId() {
    Path seed = seeds().resolve("000_154f23de60aedeb5.txt");
    assertThat(only(seed).id()).isEqualTo(only(seed).id());
  }
}
