package io.stancestream.streams.api;

import io.stancestream.events.ArticleStance;
import io.stancestream.events.StanceLabel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The filters of {@code GET /api/articles}: stance label, outlet, topic, event-time range and a
 * limit. Every field is optional (null matches all). Time is the article's event time ({@code
 * publishedAt}, else {@code ingestedAt}); {@code from} is inclusive, {@code to} exclusive.
 */
public record ArticleFilter(
    StanceLabel stance, String outlet, String topic, Instant from, Instant to, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  /** Newest event time first; ties broken by processing time, then id. */
  public static final Comparator<ArticleStance> NEWEST_FIRST =
      Comparator.comparing(
              (ArticleStance s) -> s.eventTime(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(
              ArticleStance::processedAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(ArticleStance::articleId, Comparator.nullsLast(Comparator.naturalOrder()));

  /**
   * Parses query parameters ({@code stance}, {@code outlet}, {@code topic}, {@code from}, {@code
   * to}, {@code limit}); times are ISO-8601 instants or dates (a date means its start, UTC).
   *
   * @throws IllegalArgumentException naming the parameter that is wrong
   */
  public static ArticleFilter parse(Function<String, String> param) {
    String stance = blankToNull(param.apply("stance"));
    StanceLabel label = null;
    if (stance != null) {
      try {
        label = StanceLabel.valueOf(stance.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("stance must be FAVOR, AGAINST or NEUTRAL: " + stance);
      }
    }
    String limit = blankToNull(param.apply("limit"));
    int n = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        n = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a whole number: " + limit);
      }
      if (n < 1 || n > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
      }
    }
    return new ArticleFilter(
        label,
        blankToNull(param.apply("outlet")),
        blankToNull(param.apply("topic")),
        instant("from", param.apply("from")),
        instant("to", param.apply("to")),
        n);
  }

  public boolean matches(ArticleStance s) {
    if (stance != null && (s.stance() == null || s.stance().label() != stance)) {
      return false;
    }
    if (outlet != null && (s.outlet() == null || !s.outlet().strip().equalsIgnoreCase(outlet))) {
      return false;
    }
    if (topic != null) {
      Integer n = s.mentions() == null ? null : s.mentions().get(topic);
      if (n == null || n <= 0) {
        return false;
      }
    }
    Instant t = s.eventTime();
    if (from != null && (t == null || t.isBefore(from))) {
      return false;
    }
    return to == null || (t != null && t.isBefore(to));
  }

  static Instant instant(String name, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return v.length() == 10
          ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant (2025-06-01T12:00:00Z) or date (2025-06-01): " + v);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
