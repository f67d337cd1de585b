package io.stancestream.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://WWW.Example.COM/News/Story/|https://www.example.com/News/Story",
        "https://example.com/a?utm_source=rss&utm_medium=feed#comments|https://example.com/a",
        "https://example.com/a?id=7&utm_campaign=x&page=2|https://example.com/a?id=7&page=2",
        "https://example.com/a?fbclid=abc&gclid=def|https://example.com/a",
        "HTTP://example.com:80/a/|http://example.com/a",
        "https://example.com:443/|https://example.com",
        "https://example.com:8443/a|https://example.com:8443/a",
      })
  void canonicalUrlsDropWhatDoesNotNameTheArticle(String url, String canonical) {
    assertThat(ArticleIds.canonicalUrl(url)).contains(canonical);
    assertThat(ArticleIds.idFor(url, "any body")).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "not a url", "ftp://example.com/a", "/relative/path", "mailto:a@b.c"})
  void nonHttpUrlsAreNotIds(String url) {
    assertThat(ArticleIds.canonicalUrl(url)).isEmpty();
    assertThat(ArticleIds.idFor(url, "Body")).startsWith("sha256:");
  }

  @Test
  void contentHashIgnoresCaseAndWhitespaceButNotWords() {
    String id = ArticleIds.contentHash("Ukraine should not join NATO.\nNot now.");
    assertThat(id).matches("sha256:[0-9a-f]{64}");
    assertThat(ArticleIds.contentHash("  ukraine SHOULD not   join nato.  not now.\n"))
        .isEqualTo(id);
    assertThat(ArticleIds.contentHash("Ukraine should join NATO.\nNot now.")).isNotEqualTo(id);
  }

  @Test
  void contentHashIsTheSha256OfTheNormalisedText() {
    // sha256("abc") is a published test vector.
    assertThat(ArticleIds.contentHash(" A\tB  C "))
        .isEqualTo(ArticleIds.contentHash("a b c"))
        .isNotEqualTo(ArticleIds.contentHash("abc"));
    assertThat(ArticleIds.contentHash("ABC"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
