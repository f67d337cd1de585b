package io.stancestream.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something changed that a user wants to be told about, on {@code alerts}. Key: {@link #id()},
 * {@code rule@key@windowStart}; at most one alert per id is ever published.
 *
 * @param id {@code rule@key@windowStart} (window start as an ISO-8601 instant)
 * @param rule {@code mention-spike}, {@code stance-shift} or {@code strong-stance}
 * @param key what the rule watched: a topic id, an outlet (or {@code *}), or an article id
 * @param figures the numbers that triggered the rule and their thresholds, by name
 * @param articleIds the articles behind the alert (a sample for windowed rules)
 * @param links their URLs, where known
 * @param message one human-readable line
 */
public record Alert(
    int schemaVersion,
    String id,
    String rule,
    String key,
    Instant windowStart,
    Instant windowEnd,
    Map<String, Double> figures,
    List<String> articleIds,
    List<String> links,
    String message) {

  public static final int SCHEMA_VERSION = 1;
  public static final String MENTION_SPIKE = "mention-spike";
  public static final String STANCE_SHIFT = "stance-shift";
  public static final String STRONG_STANCE = "strong-stance";

  /** The alert key: {@code rule@key@windowStart}. */
  public static String idOf(String rule, String key, Instant windowStart) {
    return rule + "@" + key + "@" + windowStart;
  }
}
