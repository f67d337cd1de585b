package io.stancestream.producer.parse;

import static io.stancestream.producer.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ParsedInput;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JSON, JSON arrays, news-API wrappers and JSONL, with default aliases and --map overrides. */
class JsonParsingTest {

  private static List<ParsedInput> parse(String fixture, ProduceOptions options) {
    return ArticleIngestor.parse(
        StanceStreamConfig.of(Map.of()), List.of(fixture(fixture).toString()), options);
  }

  private static List<Article> accepted(List<ParsedInput> parsed) {
    return parsed.stream().filter(p -> !p.isRejected()).map(ParsedInput::article).toList();
  }

  private static List<Rejection> rejected(List<ParsedInput> parsed) {
    return parsed.stream().filter(ParsedInput::isRejected).map(ParsedInput::rejection).toList();
  }

  @Test
  void newsApiWrapperWithNestedSourceNames() {
    List<Article> articles = accepted(parse("good/json/newsapi.json", ProduceOptions.defaults()));
    assertThat(articles).hasSize(2);
    Article first = articles.get(0);
    assertThat(first.title()).isEqualTo("Vienna Debates What Neutrality Means Now");
    assertThat(first.outlet()).isEqualTo("Danube Dispatch");
    assertThat(first.author()).isEqualTo("Katarina Novak");
    assertThat(first.url())
        .isEqualTo("https://danubedispatch.example/2025/06/neutrality-debate?id=42");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-06-19T11:00:00Z"));
    assertThat(first.source()).endsWith("newsapi.json[0]");
    assertThat(articles.get(1).publishedAt()).isEqualTo(Instant.parse("2025-06-20T07:30:00Z"));
  }

  @Test
  void jsonlWithOddFieldsBadLinesEmptyBodiesAndADuplicate() {
    List<ParsedInput> parsed = parse("bad/odd-fields.jsonl", ProduceOptions.defaults());
    List<Article> articles = accepted(parsed);

    Article helsinki = articles.get(0);
    assertThat(helsinki.title()).isEqualTo("Helsinki Two Years On");
    assertThat(helsinki.outlet()).isEqualTo("Nordic Wire");
    assertThat(helsinki.author()).isEqualTo("Aino Virtanen, Mikko Laine");
    assertThat(helsinki.publishedAt()).isEqualTo(Instant.parse("2025-06-16T00:00:00Z"));
    assertThat(helsinki.id()).isEqualTo("https://nordicwire.example/news/helsinki-two-years");
    assertThat(helsinki.source()).endsWith("odd-fields.jsonl:1");

    Article oped = articles.get(1);
    assertThat(oped.title()).isEqualTo("Op-ed: Keep the Door Shut");
    assertThat(oped.outlet()).isEqualTo("Atlantic Realist");
    assertThat(oped.author()).isEqualTo("R. Graves");
    assertThat(oped.language()).isEqualTo("en");
    assertThat(oped.publishedAt()).isEqualTo(Instant.parse("2025-06-18T08:00:00Z"));
    assertThat(oped.id()).startsWith("sha256:");

    // The syndicated copy on line 6 has the same canonical URL: same id, so a duplicate later.
    assertThat(articles.get(2).id()).isEqualTo(helsinki.id());
    assertThat(articles.get(2).source()).endsWith("odd-fields.jsonl:6");

    Article german = articles.get(3);
    assertThat(german.language()).isEqualTo("de");
    assertThat(german.outlet()).isEqualTo("Spree Zeitung");
    assertThat(german.publishedAt()).isEqualTo(Instant.parse("2025-06-20T08:00:00Z"));

    assertThat(rejected(parsed))
        .extracting(r -> r.location().replaceAll(".*/", ""), Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "odd-fields.jsonl:4",
                "invalid JSON: Unexpected end-of-input: expected close marker for Object"),
            org.assertj.core.groups.Tuple.tuple(
                "odd-fields.jsonl:5", "empty body (no article text after trimming)"),
            org.assertj.core.groups.Tuple.tuple(
                "odd-fields.jsonl:8", "expected a JSON object, got ARRAY"));
    assertThat(parsed).hasSize(7); // 8 lines, the blank line 3 is not an input
  }

  @Test
  void anInvalidUtf8LineIsRejectedAloneWithItsLine() {
    List<ParsedInput> parsed = parse("bad/bad-encoding.jsonl", ProduceOptions.defaults());
    assertThat(accepted(parsed))
        .extracting(Article::title)
        .containsExactly("Good before", "Good after");
    assertThat(rejected(parsed)).hasSize(1);
    assertThat(rejected(parsed).get(0).location()).endsWith("bad-encoding.jsonl:2");
    assertThat(rejected(parsed).get(0).reason())
        .startsWith("invalid UTF-8 at column 15 (byte 0xE9)");
  }

  @Test
  void fieldMappingNamesFieldsTheAliasesDoNotKnow() {
    assertThat(accepted(parse("mapped/custom-fields.json", ProduceOptions.defaults()))).isEmpty();

    ProduceOptions mapped =
        ProduceOptions.defaults()
            .withFieldMapping(
                Map.of("title", "hed", "body", "copy", "publishedAt", "when", "outlet", "pub"));
    List<Article> articles = accepted(parse("mapped/custom-fields.json", mapped));
    assertThat(articles)
        .extracting(Article::title)
        .containsExactly("Warsaw Wants a Timetable", "Budapest Says Not Now");
    assertThat(articles).extracting(Article::outlet).containsOnly("Vistula Post");
    assertThat(articles)
        .extracting(Article::publishedAt)
        .containsOnly(Instant.parse("2025-06-18T00:00:00Z"));
    assertThat(articles.get(0).source()).endsWith("custom-fields.json:2");
  }

  @Test
  void mappingToANestedPathAndUnknownFieldsFailClearly() {
    JsonArticleParser parser =
        new JsonArticleParser(FieldMapping.withOverrides(Map.of("author", "meta.writer.display")));
    Extracted e =
        parser.parseLine(
            "{\"text\":\"Body\",\"meta\":{\"writer\":{\"display\":\"Ola Nordmann\"}}}", "in:1");
    assertThat(e.article().author()).isEqualTo("Ola Nordmann");
    assertThatThrownBy(() -> FieldMapping.withOverrides(Map.of("headline", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown article field in --map: headline");
  }

  @Test
  void onlyAcceptedLanguagesPassWhenConfigured() {
    List<ParsedInput> parsed =
        parse("bad/odd-fields.jsonl", ProduceOptions.defaults().withLanguages(Set.of("en")));
    assertThat(rejected(parsed))
        .anySatisfy(
            r -> {
              assertThat(r.location()).endsWith("odd-fields.jsonl:7");
              assertThat(r.reason()).isEqualTo("language de is not in the accepted languages [en]");
            });
    assertThat(accepted(parsed)).extracting(Article::language).containsOnly("en");
  }
}
