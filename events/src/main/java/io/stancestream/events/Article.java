package io.stancestream.events;

import java.time.Instant;

/**
 * One published piece of news or commentary, as it travels on the {@code articles} topic.
 *
 * <p>The key on the topic is {@link #id()}: the canonical URL when known, else a hash of the
 * normalised text, so re-publishing the same article never creates a second identity.
 */
public record Article(
    int schemaVersion,
    String id,
    String url,
    String title,
    String outlet,
    String author,
    Instant publishedAt,
    String language,
    String body,
    String source,
    Instant ingestedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** The same article with another body (corrections, generated variants, test fixtures). */
  public Article withBody(String newBody) {
    return new Article(
        schemaVersion,
        id,
        url,
        title,
        outlet,
        author,
        publishedAt,
        language,
        newBody,
        source,
        ingestedAt);
  }

  /** This article under another id. */
  public Article withId(String newId) {
    return new Article(
        schemaVersion,
        newId,
        url,
        title,
        outlet,
        author,
        publishedAt,
        language,
        body,
        source,
        ingestedAt);
  }

  /** This article with another title. */
  public Article withTitle(String newTitle) {
    return new Article(
        schemaVersion,
        id,
        url,
        newTitle,
        outlet,
        author,
        publishedAt,
        language,
        body,
        source,
        ingestedAt);
  }

  /** This article stamped with another schema version. */
  public Article withSchemaVersion(int version) {
    return new Article(
        version, id, url, title, outlet, author, publishedAt, language, body, source, ingestedAt);
  }

  /** Event time: when the article was published, falling back to when it was ingested. */
  public Instant eventTime() {
    return publishedAt != null ? publishedAt : ingestedAt;
  }
}
