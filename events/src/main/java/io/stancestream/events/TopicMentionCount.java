package io.stancestream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * How often one topic was mentioned in one time window, on {@code topic-mentions} (live, updated
 * with every article) and {@code topic-mentions-final} (once per window, after it closed).
 *
 * <p>Key: {@code topic@windowStart} for tumbling windows and {@code topic@windowStart/windowEnd}
 * for hopping windows (ISO-8601 instants), so both kinds can share a compacted topic.
 *
 * @param topic the topic id from the lexicon, e.g. {@code nato-membership}
 * @param window {@link #TUMBLING} or {@link #HOPPING}
 * @param windowStart event-time start of the window (inclusive)
 * @param windowEnd event-time end of the window (exclusive)
 * @param count mentions of the topic summed over the window's articles
 * @param articles distinct articles that mention the topic in the window
 * @param articleIds a sample of those articles' ids (the first ones seen)
 * @param links the sampled articles' URLs, where known
 * @param isFinal {@code true} only on the one record emitted after the window closed
 */
public record TopicMentionCount(
    int schemaVersion,
    String topic,
    String window,
    Instant windowStart,
    Instant windowEnd,
    long count,
    long articles,
    List<String> articleIds,
    List<String> links,
    @JsonProperty("final") boolean isFinal) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TUMBLING = "tumbling";
  public static final String HOPPING = "hopping";
}
