package io.stancestream.analysis.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.Seeds;
import io.stancestream.analysis.StanceLabel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both seeds argue against membership while quoting pro-membership lines. */
class SeedStanceTest {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();

  @ParameterizedTest
  @ValueSource(strings = {Seeds.FOREIGN_AFFAIRS, Seeds.NSJ})
  void seedIsAgainstWithAuthorVoiceEvidence(String seed) {
    String body = Seeds.read(seed);
    AnalysisResult r = ANALYZER.analyze(null, body);

    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(r.score()).isBetween(-1.0, -0.3);
    assertThat(r.confidence()).isBetween(0.5, 1.0);
    List<EvidenceSentence> author =
        r.evidence().stream().filter(e -> e.speaker().equals("author")).toList();
    assertThat(author).hasSizeGreaterThanOrEqualTo(3);
    assertThat(author.get(0).contribution()).isNegative();
    assertThat(r.evidence())
        .allSatisfy(e -> assertThat(body.substring(e.start(), e.end())).isEqualTo(e.sentence()));
    assertThat(r.scorerVersion()).isEqualTo(ANALYZER.version());
  }

  @ParameterizedTest
  @ValueSource(strings = {Seeds.FOREIGN_AFFAIRS, Seeds.NSJ})
  void quotedProMembershipLinesAreNotCountedForTheAuthor(String seed) {
    String body = Seeds.read(seed);
    AnalysisResult r = ANALYZER.analyze(null, body);
    for (EvidenceSentence e : r.evidence()) {
      if (e.sentence().contains("future is in NATO") || e.sentence().contains("future in NATO")) {
        assertThat(e.speaker()).isNotEqualTo("author");
        assertThat(e.contribution()).isZero();
      }
      if (e.speaker().equals("author")) {
        assertThat(e.contribution()).isNegative();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Seeds.FOREIGN_AFFAIRS, Seeds.NSJ})
  void authorEvidenceHasNoChromeOrBio(String seed) {
    AnalysisResult r = ANALYZER.analyze(null, Seeds.read(seed));
    assertThat(r.evidence())
        .noneSatisfy(
            e -> assertThat(e.sentence()).containsAnyOf("Pingback", "Professor", "Listen"));
    assertThat(r.mentions()).containsKey("nato-membership");
  }

  @org.junit.jupiter.api.Test
  void pingbacksAndBiosDoNotCountAsTopicMentions() {
    AnalysisResult r = ANALYZER.analyze(null, Seeds.read(Seeds.NSJ));
    // "Putin" appears twice in the article and once more in a pingback title.
    assertThat(r.mentions()).containsEntry("putin", 2);
  }
}
