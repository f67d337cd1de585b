package io.stancestream.streams.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleParserTest {

  private final ArticleParser parser = new ArticleParser(1_000);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Article article(String id, String body) {
    return new Article(
        1,
        id,
        "https://example.org/a",
        "Title",
        "Outlet",
        "Author",
        Instant.parse("2025-06-20T10:15:00Z"),
        "en",
        body,
        "test",
        Instant.parse("2025-06-20T11:00:00Z"));
  }

  private RejectReason reasonFor(byte[] value) {
    ArticleParser.Result r = parser.parse(value);
    assertThat(r).isInstanceOf(ArticleParser.Rejected.class);
    return ((ArticleParser.Rejected) r).reason();
  }

  @Test
  void acceptsAValidArticleAndKeepsEveryField() {
    Article a = article("https://example.org/a", "Ukraine should not join NATO.");
    ArticleParser.Result r = parser.parse(JsonSerde.of(Article.class).serialize("t", a));
    assertThat(r).isEqualTo(new ArticleParser.Accepted(a));
  }

  @Test
  void readsAMissingSchemaVersionAsTheCurrentOneAndIgnoresUnknownFields() {
    ArticleParser.Result r =
        parser.parse(utf8("{\"id\":\"x\",\"body\":\"text\",\"futureField\":{\"a\":[1,2]}}"));
    assertThat(r).isInstanceOf(ArticleParser.Accepted.class);
    Article a = ((ArticleParser.Accepted) r).article();
    assertThat(a.schemaVersion()).isEqualTo(Article.SCHEMA_VERSION);
    assertThat(a.id()).isEqualTo("x");
    assertThat(a.publishedAt()).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"x\",\"body\":\"text\"                    | INVALID_JSON",
        "not json at all                                    | INVALID_JSON",
        "''                                                 | INVALID_JSON",
        "{\"id\":\"x\",\"body\":\"text\"} trailing            | INVALID_JSON",
        "[1,2,3]                                            | NOT_AN_OBJECT",
        "\"just a string\"                                  | NOT_AN_OBJECT",
        "{\"id\":\"x\",\"body\":{\"nested\":true}}           | WRONG_TYPE",
        "{\"id\":\"x\",\"body\":\"t\",\"publishedAt\":\"June 20\"} | WRONG_TYPE",
        "{\"id\":\"x\",\"body\":\"t\",\"schemaVersion\":\"one\"} | WRONG_TYPE",
        "{\"id\":\"x\",\"body\":\"t\",\"schemaVersion\":2}   | UNSUPPORTED_SCHEMA_VERSION",
        "{\"id\":\"x\",\"body\":\"t\",\"schemaVersion\":-1}  | UNSUPPORTED_SCHEMA_VERSION",
        "{\"body\":\"text\"}                                 | MISSING_ID",
        "{\"id\":\"  \",\"body\":\"text\"}                   | MISSING_ID",
        "{\"id\":\"x\"}                                      | MISSING_BODY",
        "{\"id\":\"x\",\"body\":\"\"}                        | EMPTY_BODY",
        "{\"id\":\"x\",\"body\":\" \\n\\t \"}                | EMPTY_BODY",
        "{\"id\":\"x\",\"body\":\"bell\\u0007here\"}         | CONTROL_CHARACTERS",
        "{\"id\":\"x\",\"title\":\"nul\\u0000\",\"body\":\"ok\"} | CONTROL_CHARACTERS",
        "{\"id\":\"x\",\"body\":\"lone \\ud800 surrogate\"}  | INVALID_UTF8",
      })
  void rejectsWithASpecificReason(String json, RejectReason expected) {
    assertThat(reasonFor(utf8(json.strip()))).isEqualTo(expected);
  }

  @Test
  void keepsTabsAndNewlinesInABody() {
    assertThat(parser.parse(utf8("{\"id\":\"x\",\"body\":\"a\\tb\\r\\nc\"}")))
        .isInstanceOf(ArticleParser.Accepted.class);
  }

  @Test
  void rejectsANullValue() {
    assertThat(reasonFor(null)).isEqualTo(RejectReason.NULL_VALUE);
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(reasonFor(bad)).isEqualTo(RejectReason.INVALID_UTF8);
  }

  @Test
  void rejectsRandomBytes() {
    byte[] noise = new byte[256];
    new java.util.Random(7).nextBytes(noise);
    assertThat(reasonFor(noise)).isIn(RejectReason.INVALID_UTF8, RejectReason.INVALID_JSON);
  }

  @Test
  void rejectsDeeplyNestedJsonWithoutBlowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(reasonFor(utf8(deep))).isEqualTo(RejectReason.JSON_LIMITS_EXCEEDED);
  }

  @Test
  void rejectsABodyOverTheLimitButAcceptsOneAtIt() {
    String atLimit = "a".repeat(1_000);
    assertThat(parser.parse(utf8("{\"id\":\"x\",\"body\":\"" + atLimit + "\"}")))
        .isInstanceOf(ArticleParser.Accepted.class);
    ArticleParser.Result over = parser.parse(utf8("{\"id\":\"x\",\"body\":\"" + atLimit + "b\"}"));
    assertThat(over).isInstanceOf(ArticleParser.Rejected.class);
    assertThat(((ArticleParser.Rejected) over).reason()).isEqualTo(RejectReason.BODY_TOO_LARGE);
    assertThat(((ArticleParser.Rejected) over).detail()).contains("1001 chars");
  }

  @Test
  void rejectsAHugeRecordWithoutParsingIt() {
    byte[] huge = new byte[4 * 1_000 + 1_048_577];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertThat(reasonFor(huge)).isEqualTo(RejectReason.BODY_TOO_LARGE);
  }
}
