package io.stancestream.streams.windows;

import io.stancestream.events.TopicMentionCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.Window;

/**
 * The running aggregate of one topic in one window, as kept in the window stores {@code
 * topic-mentions-tumbling} and {@code topic-mentions-hopping} (query them for the dashboard).
 * Articles are distinct because the topology drops re-published ids before counting.
 *
 * @param count mentions summed over the articles
 * @param articles articles that mention the topic
 * @param articleIds the first {@code sampleSize} article ids
 * @param links their URLs, where known
 */
public record MentionCount(long count, long articles, List<String> articleIds, List<String> links) {

  public static MentionCount empty() {
    return new MentionCount(0, 0, List.of(), List.of());
  }

  public MentionCount add(MentionEvent e, int sampleSize) {
    List<String> ids = articleIds;
    List<String> urls = links;
    if (articleIds.size() < sampleSize) {
      ids = new ArrayList<>(articleIds);
      ids.add(e.articleId());
      if (e.url() != null && !e.url().isBlank()) {
        urls = new ArrayList<>(links);
        urls.add(e.url());
      }
    }
    return new MentionCount(count + e.count(), articles + 1, ids, urls);
  }

  public TopicMentionCount toEvent(String topic, String kind, Window w, boolean isFinal) {
    return new TopicMentionCount(
        TopicMentionCount.SCHEMA_VERSION,
        topic,
        kind,
        Instant.ofEpochMilli(w.start()),
        Instant.ofEpochMilli(w.end()),
        count,
        articles,
        articleIds,
        links,
        isFinal);
  }
}
