package io.stancestream.producer.parse;

import io.stancestream.events.Article;
import io.stancestream.producer.ParsedInput;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The normalise and validate steps, shared by every source. Normalising gives each article its
 * stable id ({@link ArticleIds}), a UTC publication instant ({@link NewsDates}), an outlet (the
 * site name, else the URL's domain), a title (else the first line of the body) and a language (as
 * declared, else detected). Validation rejects an empty body, a body over {@code maxBodyChars},
 * and, when {@code onlyLanguages} is not empty, any other language.
 */
public final class ArticleNormaliser {

  private static final int TITLE_FROM_BODY_MAX = 200;

  private final Clock clock;
  private final int maxBodyChars;
  private final Set<String> onlyLanguages;
  private final boolean detectLanguage;

  public ArticleNormaliser(
      Clock clock, int maxBodyChars, Set<String> onlyLanguages, boolean detectLanguage) {
    this.clock = clock;
    this.maxBodyChars = maxBodyChars;
    this.onlyLanguages = Set.copyOf(onlyLanguages);
    this.detectLanguage = detectLanguage;
  }

  public ParsedInput normalise(Extracted extracted) {
    if (extracted.rejection() != null) {
      return ParsedInput.rejected(extracted.location(), extracted.rejection().reason());
    }
    RawArticle raw = extracted.article();
    String location = raw.location();
    String body =
        raw.body() == null ? "" : raw.body().replace("\r\n", "\n").replace('\r', '\n').strip();
    if (body.isEmpty()) {
      return ParsedInput.rejected(location, "empty body (no article text after trimming)");
    }
    if (body.length() > maxBodyChars) {
      return ParsedInput.rejected(
          location,
          "body too large: " + body.length() + " chars > article.max.body.chars=" + maxBodyChars);
    }
    String url = ArticleIds.canonicalUrl(raw.url()).orElse(null);
    String language = LanguageDetection.normaliseTag(raw.language());
    if (language == null && detectLanguage) {
      language = LanguageDetection.detect(body).orElse(null);
    }
    if (!onlyLanguages.isEmpty() && (language == null || !onlyLanguages.contains(language))) {
      return ParsedInput.rejected(
          location,
          "language "
              + (language == null ? "unknown" : language)
              + " is not in the accepted languages "
              + onlyLanguages);
    }
    Instant publishedAt = NewsDates.parse(raw.publishedAt()).orElse(null);
    String outlet = collapse(raw.outlet());
    if (outlet == null && url != null) {
      outlet = Outlets.domainOf(url).orElse(null);
    }
    String title = collapse(raw.title());
    if (title == null) {
      title = titleFromBody(body);
    }
    Article article =
        new Article(
            Article.SCHEMA_VERSION,
            ArticleIds.idFor(url, body),
            url,
            title,
            outlet,
            collapse(raw.author()),
            publishedAt,
            language,
            body,
            location,
            clock.instant());
    return ParsedInput.accepted(location, article);
  }

  private static String titleFromBody(String body) {
    String firstLine = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    if (firstLine.length() <= TITLE_FROM_BODY_MAX) {
      return firstLine;
    }
    int cut = firstLine.lastIndexOf(' ', TITLE_FROM_BODY_MAX);
    return firstLine.substring(0, cut > 0 ? cut : TITLE_FROM_BODY_MAX) + "…";
  }

  private static String collapse(String s) {
    if (s == null) {
      return null;
    }
    String c = s.strip().replaceAll("\\s+", " ");
    return c.isEmpty() ? null : c;
  }
}
