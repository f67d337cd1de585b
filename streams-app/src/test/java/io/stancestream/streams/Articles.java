package io.stancestream.streams;

import io.stancestream.analysis.StanceLabel;
import io.stancestream.events.Article;
import java.time.Instant;

/** Deterministic test articles. */
final class Articles {

  private Articles() {}

  static Article article(String id, Instant publishedAt, String title, String body) {
    return article(id, publishedAt, "Example Outlet", title, body);
  }

  static Article article(String id, Instant publishedAt, String outlet, String title, String body) {
    return new Article(
        Article.SCHEMA_VERSION,
        id,
        id.startsWith("http") ? id : "https://news.example/" + id,
        title,
        outlet,
        "A. Writer",
        publishedAt,
        "en",
        body,
        "test",
        publishedAt == null ? null : publishedAt.plusSeconds(60));
  }

  /** An article for {@link ScriptedScorer}: its stance and mentions are given. */
  static Article scripted(
      String id,
      Instant publishedAt,
      String outlet,
      StanceLabel label,
      double score,
      double confidence,
      String... mentions) {
    return article(
        id,
        publishedAt,
        outlet,
        "Title " + id,
        ScriptedScorer.body(label, score, confidence, mentions));
  }

  /** A neutral article mentioning the given topics ({@code topic=count}). */
  static Article mentioning(String id, Instant publishedAt, String... mentions) {
    return scripted(id, publishedAt, "Example Outlet", StanceLabel.NEUTRAL, 0.0, 0.5, mentions);
  }
}
