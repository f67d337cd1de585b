package io.stancestream.analysis.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.lexicon.ConfigFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

  private final TopicMatcher matcher = new TopicMatcher(ConfigFiles.classpathDefaults());

  @Test
  void countsTopicsCaseInsensitivelyWithInflectionsAndTypographicApostrophes() {
    Map<String, Integer> counts =
        matcher.count(
            "Zelensky’s push to JOIN NATO met Putin's threats. Ukraine joined talks on a ceasefire; "
                + "Rutte mentioned Article 5 and the Crimea question, plus new sanctions.");
    assertThat(counts)
        .containsEntry("zelensky", 1)
        .containsEntry("nato-membership", 1)
        .containsEntry("putin", 1)
        .containsEntry("ceasefire-peace-talks", 1)
        .containsEntry("rutte", 1)
        .containsEntry("article-5", 1)
        .containsEntry("territory", 1)
        .containsEntry("sanctions", 1);
  }

  @Test
  void matchesWholeWordsOnly() {
    assertThat(matcher.count("Putinism and Trumpian sanctionless Crimean wines")).isEmpty();
  }

  @Test
  void overlappingAliasesOfOneTopicCountOnce() {
    assertThat(matcher.count("Ukraine's membership in NATO and NATO membership."))
        .containsEntry("nato-membership", 2);
  }

  @Test
  void absentTopicsAreAbsent() {
    assertThat(matcher.count("The weather was mild.")).isEmpty();
  }
}
