package io.stancestream.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The enriched result for one article on the {@code article-stance} topic (key: article id).
 *
 * <p>Carries the article's metadata so consumers need no join, the stance call, the evidence
 * sentences that decided it and the topic mention counts.
 */
public record ArticleStance(
    int schemaVersion,
    String articleId,
    String title,
    String outlet,
    String url,
    String author,
    Instant publishedAt,
    Instant ingestedAt,
    Stance stance,
    List<Evidence> evidence,
    Map<String, Integer> mentions,
    String scorerVersion,
    Instant processedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** Event time: publication, else ingestion. */
  public Instant eventTime() {
    return publishedAt != null ? publishedAt : ingestedAt;
  }
}
