package io.stancestream.producer.parse;

/**
 * The fields a format parser found in one article, as text and before normalisation. Any field but
 * {@code location} may be null; {@code publishedAt} is the date as written in the source.
 */
public record RawArticle(
    String location,
    String url,
    String title,
    String outlet,
    String author,
    String publishedAt,
    String language,
    String body) {

  public RawArticle withLocation(String newLocation) {
    return new RawArticle(newLocation, url, title, outlet, author, publishedAt, language, body);
  }

  public RawArticle withBody(String newBody) {
    return new RawArticle(location, url, title, outlet, author, publishedAt, language, newBody);
  }

  /** Fills each field this article lacks from {@code other}; this article's values win. */
  public RawArticle orElse(RawArticle other) {
    return new RawArticle(
        location,
        first(url, other.url),
        first(title, other.title),
        first(outlet, other.outlet),
        first(author, other.author),
        first(publishedAt, other.publishedAt),
        first(language, other.language),
        first(body, other.body));
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
