package io.stancestream.analysis.topics;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.lexicon.ConfigFiles;
import io.stancestream.analysis.lexicon.PhraseLexicon;
import io.stancestream.analysis.text.NormalizedText;
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
    return countHits(lexicon.find(text.folded()));
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
