package io.stancestream.producer.parse;

import static io.stancestream.producer.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ParsedInput;
import io.stancestream.producer.ProduceOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Web pages: metadata from JSON-LD, Open Graph and meta tags; main text without boilerplate. */
class HtmlArticleParserTest {

  private static Article parse(String fixture) {
    List<ParsedInput> parsed =
        ArticleIngestor.parse(
            StanceStreamConfig.of(Map.of()),
            List.of(fixture(fixture).toString()),
            ProduceOptions.defaults());
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).rejection()).isNull();
    return parsed.get(0).article();
  }

  @Test
  void jsonLdWinsAndTheCanonicalUrlIsNormalised() {
    Article a = parse("good/html/boilerplate-news.html");
    assertThat(a.title()).isEqualTo("Kyiv's Long Wait at NATO's Door");
    assertThat(a.author()).isEqualTo("Maria Lindqvist, Tomasz Nowak");
    assertThat(a.outlet()).isEqualTo("The Northern Ledger");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-06-21T06:30:00Z"));
    assertThat(a.url())
        .isEqualTo("https://www.northernledger.example/world/2025/06/kyiv-long-wait");
    assertThat(a.id()).isEqualTo(a.url());
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void mainTextKeepsTheArticleAndDropsEveryKindOfBoilerplate() {
    String body = parse("good/html/boilerplate-news.html").body();
    assertThat(body)
        .startsWith("Ukraine's bid to join the North Atlantic alliance")
        .contains("A promise without a date")
        .contains("\"We will not trade our sovereignty for a ceasefire,\"")
        .endsWith("can no longer be deferred.");
    assertThat(body)
        .doesNotContain("Advertisement")
        .doesNotContain("Share on")
        .doesNotContain("cookies")
        .doesNotContain("Photo: Agency")
        .doesNotContain("Five things to know")
        .doesNotContain("Sign up")
        .doesNotContain("Nordic correspondent")
        .doesNotContain("First! This is a disgrace")
        .doesNotContain("Celebrity chef")
        .doesNotContain("All rights reserved")
        .doesNotContain("Politics")
        .doesNotContain("dataLayer");
    assertThat(body.split("\n\n")).hasSize(6);
  }

  @Test
  void openGraphAndMetaTagsWithoutJsonLd() {
    Article a = parse("good/html/meta-only-opinion.html");
    assertThat(a.title()).isEqualTo("Why the Alliance Should Say No");
    assertThat(a.outlet()).isEqualTo("Baltic Review");
    assertThat(a.author()).isEqualTo("Jonas Petrauskas");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-06-18T00:00:00Z"));
    assertThat(a.url()).isEqualTo("https://balticreview.example/opinion/why-say-no");
    assertThat(a.body())
        .startsWith("It is time for the alliance to be honest with Kyiv")
        .endsWith("no government intends to keep.")
        .doesNotContain("Subscribe now")
        .doesNotContain("Tweet")
        .doesNotContain("midsummer")
        .doesNotContain("Load comments")
        .doesNotContain("Vilnius");
  }

  @Test
  void aBarePageTakesItsHeadingAndIsKeyedByContent() {
    Article a = parse("good/html/bare.htm");
    assertThat(a.title()).isEqualTo("A Neutral Briefing on Enlargement");
    assertThat(a.url()).isNull();
    assertThat(a.outlet()).isNull();
    assertThat(a.id()).isEqualTo(ArticleIds.contentHash(a.body()));
    assertThat(a.body())
        .doesNotContain("A Neutral Briefing")
        .startsWith("The alliance has admitted");
  }

  @Test
  void titleSuffixWithTheSiteNameIsRemovedFromTheTitleTag() {
    RawArticle raw =
        new HtmlArticleParser()
            .parse(
                "<html><head><title>Talks Resume | Daily Wire Example</title>"
                    + "<meta property='og:site_name' content='Daily Wire Example'></head>"
                    + "<body><div><p>Talks resumed on Monday.</p></div></body></html>",
                "x.html",
                "https://dailywire.example/talks");
    assertThat(raw.title()).isEqualTo("Talks Resume");
    assertThat(raw.url()).isEqualTo("https://dailywire.example/talks");
  }

  @Test
  void aDeclaredLegacyCharsetIsHonouredAndUndeclaredBadBytesRejected() {
    DocumentParser parser = new DocumentParser(FieldMapping.defaults(), null, 500);
    String page =
        "<html><head><meta charset=\"windows-1252\"><title>Café Diplomacy</title></head>"
            + "<body><article><p>Talks in the café went on past midnight.</p></article></body></html>";
    byte[] cp1252 = page.getBytes(java.nio.charset.Charset.forName("windows-1252"));
    List<Extracted> ok = parser.parse(Document.of("cafe.html", cp1252, "cafe.html"));
    assertThat(ok.get(0).article().title()).isEqualTo("Café Diplomacy");
    assertThat(ok.get(0).article().body()).isEqualTo("Talks in the café went on past midnight.");

    byte[] undeclared =
        page.replace(" charset=\"windows-1252\"", "")
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    List<Extracted> bad = parser.parse(Document.of("cafe.html", undeclared, "cafe.html"));
    assertThat(bad.get(0).rejection().location()).isEqualTo("cafe.html:1");
    assertThat(bad.get(0).rejection().reason()).startsWith("invalid UTF-8 at line 1");
  }
}
