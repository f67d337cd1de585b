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

  /**
   * What this count added to an earlier state of the same window: the differences of the counts,
   * and the sampled ids and links past those already in {@code before} (samples only grow).
   */
  public MentionCount since(MentionCount before) {
    return new MentionCount(
        count - before.count,
        articles - before.articles,
        tail(articleIds, before.articleIds.size()),
        tail(links, before.links.size()));
  }

  /** This count plus an increment from {@link #since}, samples topped up to {@code sampleSize}. */
  public MentionCount plus(MentionCount delta, int sampleSize) {
    List<String> ids = topUp(articleIds, delta.articleIds, sampleSize);
    List<String> urls = topUp(links, delta.links, sampleSize);
    return new MentionCount(count + delta.count, articles + delta.articles, ids, urls);
  }

  private static List<String> tail(List<String> list, int from) {
    return from >= list.size() ? List.of() : List.copyOf(list.subList(from, list.size()));
  }

  private static List<String> topUp(List<String> sample, List<String> more, int sampleSize) {
    if (more.isEmpty() || sample.size() >= sampleSize) {
      return sample;
    }
    List<String> out = new ArrayList<>(sample);
    for (int i = 0; i < more.size() && out.size() < sampleSize; i++) {
      out.add(more.get(i));
    }
    return out;
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
