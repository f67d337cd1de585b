package io.stancestream.analysis.topics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.lexicon.ConfigFiles;
import io.stancestream.analysis.lexicon.PhraseLexicon;
import io.stancestream.analysis.text.NormalizedText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts topic mentions (NATO membership, Article 5, ceasefire talks, Zelensky, ...) with one
 * Aho-Corasick pass over a text, case-insensitively and on whole words. The lexicon, topic id to
 * aliases, is the analyst-editable {@code topics.yaml}. Immutable and thread-safe.
 */
public final class TopicMatcher {

  private final PhraseLexicon<String> lexicon;

  public TopicMatcher(ConfigFiles files) {
    JsonNode topics = files.yaml("topics.yaml").path("topics");
    if (!topics.isObject() || topics.isEmpty()) {
      throw new IllegalStateException("topics.yaml has no 'topics' map");
    }
    PhraseLexicon.Builder<String> b = PhraseLexicon.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = topics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> topic = it.next();
      for (JsonNode alias : topic.getValue()) {
        b.add(ConfigFiles.entry(alias, "topics.yaml"), topic.getKey());
      }
    }
    this.lexicon = b.build();
  }

  /** Topic id -> number of mentions in {@code text} (topics never mentioned are absent). */
  public Map<String, Integer> count(String text) {
    return count(NormalizedText.of(text));
  }

  /** Same as {@link #count(String)} on an already normalized text. */
  public Map<String, Integer> count(NormalizedText text) {
    return countHits(lexicon.find(text));
  }

  /**
   * Counts mentions in {@code title} (may be null) plus the parts of an already normalized text
   * that lie inside the given {@code [start, end)} spans (e.g. the kept segments of a cleaned
   * body).
   */
  public Map<String, Integer> count(String title, NormalizedText text, List<int[]> spans) {
    List<PhraseLexicon.Hit<String>> inside = new ArrayList<>();
    for (PhraseLexicon.Hit<String> h : lexicon.find(text)) {
      if (within(h, spans)) {
        inside.add(h);
      }
    }
    Map<String, Integer> counts = countHits(inside);
    if (title != null && !title.isBlank()) {
      count(title).forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }
    return counts;
  }

  private static boolean within(PhraseLexicon.Hit<String> h, List<int[]> spans) {
    int lo = 0;
    int hi = spans.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int[] s = spans.get(mid);
      if (h.start() < s[0]) {
        hi = mid - 1;
      } else if (h.start() >= s[1]) {
        lo = mid + 1;
      } else {
        return h.end() <= s[1];
      }
    }
    return false;
  }

  private static Map<String, Integer> countHits(List<PhraseLexicon.Hit<String>> hits) {
    Map<String, Integer> counts = new TreeMap<>();
    // Overlapping aliases of one topic at one place ("nato", "nato summit") count once: a mention
    // is counted unless it lies inside the previous counted mention of the same topic.
    Map<String, int[]> lastSpan = new TreeMap<>();
    hits.sort((a, b) -> a.start() != b.start() ? a.start() - b.start() : b.end() - a.end());
    for (PhraseLexicon.Hit<String> hit : hits) {
      for (String topic : hit.payloads()) {
        int[] last = lastSpan.get(topic);
        if (last != null && hit.start() < last[1]) {
          continue;
        }
        lastSpan.put(topic, new int[] {hit.start(), hit.end()});
        counts.merge(topic, 1, Integer::sum);
      }
    }
    return counts;
  }
}
