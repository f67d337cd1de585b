package io.stancestream.analysis.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
import org.junit.jupiter.api.Test;

/**
 * Revision-6 rules about how a text presents and answers the other side, on sentences written for
 * the purpose: a presented case ("The case against ... rests on ..."), a verdict answering a
 * reported view a sentence later ("But I am not persuaded."), the alliance's name as a modifier
 * ("outside NATO headquarters") and questions inside two-sentence headlines.
 */
class ArgumentStructureRulesTest {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();

  /** Two NATO mentions make the text one about NATO, as most real articles are. */
  private static final String NATO_CONTEXT = "NATO ministers met in Brussels. NATO talks go on.\n";

  private static AnalysisResult analyze(String body) {
    return ANALYZER.analyze(null, body);
  }

  private static EvidenceSentence evidence(AnalysisResult r, String prefix) {
    return r.evidence().stream()
        .filter(e -> e.sentence().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPresentedCaseIsTheOtherSidesViewNotTheWriters() {
    AnalysisResult r =
        analyze(
            NATO_CONTEXT
                + "The argument against inviting Ukraine boils down to one worry: escalation with"
                + " a nuclear power. I have weighed that worry for years. NATO should invite"
                + " Ukraine this summer.");
    assertThat(r.label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(evidence(r, "The argument against").speaker()).isEqualTo("others");
    assertThat(evidence(r, "NATO should invite").speaker()).isEqualTo(StanceScorer.AUTHOR);
    // A colon after the subject states the case as well.
    assertThat(
            evidence(
                    analyze(
                        NATO_CONTEXT
                            + "The case for admitting Ukraine in one line: Russia never attacks"
                            + " a member, so Ukraine should join NATO."),
                    "The case for")
                .speaker())
        .isEqualTo("others");
  }

  @Test
  void judgingTheCaseIsTheWritersOwnVerdict() {
    AnalysisResult r = analyze(NATO_CONTEXT + "The case for admitting Ukraine is overwhelming.");
    assertThat(evidence(r, "The case for").speaker()).isEqualTo(StanceScorer.AUTHOR);
    assertThat(r.label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void aVerdictAnswersAReportedViewOneSentenceLater() {
    String report = "A minister argued on Monday that Ukraine should join NATO at once. ";
    AnalysisResult answered =
        analyze(NATO_CONTEXT + report + "I respect his passion. But I am not persuaded.");
    assertThat(answered.score()).isNegative();
    assertThat(evidence(answered, "But I am not persuaded").contribution()).isNegative();
    // Not when the sentence goes on to argue something else, nor two quiet sentences later.
    assertThat(
            analyze(
                    NATO_CONTEXT
                        + report
                        + "I respect his passion. But I am not persuaded, and the budget is tight.")
                .score())
        .isZero();
    assertThat(
            analyze(
                    NATO_CONTEXT
                        + report
                        + "He spoke in Kyiv. The hall was full. But I am not persuaded.")
                .score())
        .isZero();
  }

  @Test
  void theAllianceAsAModifierIsNotTheObjectOfACue() {
    assertThat(analyze(NATO_CONTEXT + "Protesters gathered outside NATO headquarters.").score())
        .isZero();
    assertThat(analyze(NATO_CONTEXT + "Kyiv joined NATO allies in condemning the strike.").score())
        .isZero();
    assertThat(analyze(NATO_CONTEXT + "Ukraine must stay outside NATO.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void aQuestionInsideATwoSentenceHeadlineIsAsked() {
    String body = NATO_CONTEXT + "The panel discussed the summit.";
    double twoSentences =
        ANALYZER.analyze("Should Ukraine join NATO? Two scholars disagree", body).score();
    double questionOnly = ANALYZER.analyze("Should Ukraine join NATO?", body).score();
    double statement =
        ANALYZER.analyze("Ukraine should join NATO. Two scholars agree", body).score();
    assertThat(twoSentences).isEqualTo(questionOnly);
    assertThat(twoSentences).isLessThan(statement);
  }

  @Test
  void questionAtLooksAtTheSentenceAroundAPosition() {
    String text = "Should Ukraine join NATO? Two scholars disagree";
    assertThat(StanceScorer.questionAt(text, 20, text.length(), false)).isTrue();
    assertThat(StanceScorer.questionAt(text, 26, text.length(), false)).isFalse();
    String two = "Ukraine should join. Or should it?";
    assertThat(StanceScorer.questionAt(two, 15, two.length(), true)).isFalse();
    // An abbreviation's period ("U.S.") does not end the sentence.
    String abbr = "Will the U.S. back it?";
    assertThat(StanceScorer.questionAt(abbr, 5, abbr.length(), true)).isTrue();
  }
}
