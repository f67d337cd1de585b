package io.stancestream.streams.api;

import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.StanceTrend;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of the list endpoints. Each instance answers with the same shapes for its own
 * stores ({@code ?local=true}), so the instance that fans a query out can merge them.
 */
public final class Views {

  private Views() {}

  /**
   * {@code GET /api/articles}: newest first.
   *
   * @param unavailable instances that did not answer (their articles are missing)
   */
  public record Articles(int count, List<ArticleStance> articles, List<String> unavailable) {}

  /** {@code GET /api/alerts}: newest window first. */
  public record Alerts(int count, List<Alert> alerts, List<String> unavailable) {}

  /** One topic's figures in one window. */
  public record TopicCount(String topic, long count, long articles) {}

  /** Topic mentions in one window, most mentioned first. */
  public record TopicWindow(
      String kind, Instant windowStart, Instant windowEnd, List<TopicCount> topics) {}

  /**
   * {@code GET /api/topics}: the newest windows of each kind (the current one first), each with its
   * topics.
   */
  public record Topics(
      String tumblingSize,
      String hoppingSize,
      String hoppingAdvance,
      List<TopicWindow> tumbling,
      List<TopicWindow> hopping,
      List<String> unavailable) {}

  /** One outlet's (or {@code *}'s) stance per window, oldest window first. */
  public record TrendSeries(String outlet, List<StanceTrend> points) {}

  /** {@code GET /api/trends}: the overall series {@code *} first, then outlets by name. */
  public record Trends(String windowSize, List<TrendSeries> series, List<String> unavailable) {}
}
