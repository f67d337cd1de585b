package io.stancestream.analysis.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.analysis.lexicon.ConfigFiles;
import io.stancestream.analysis.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

/**
 * One test per rule family added in scorer revision 3 (genre prior, strawman rebuttal, embedded
 * questions, conditional actions, noun uses of verb cues, rejecting frames before a modal,
 * causative imperatives after a headline label, first-person rejection of a reported view,
 * unanchored evaluations, lower-case forum sentences), on short texts written for the purpose.
 */
class DocumentRulesTest {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();

  private static AnalysisResult analyze(String title, String body) {
    return ANALYZER.analyze(title, body);
  }

  private static AnalysisResult analyze(String body) {
    return ANALYZER.analyze(null, body);
  }

  @Test
  void opinionGenreNeedsLessEvidenceThanNews() {
    // The same weak author-voice cue (an evaluation without deontic force) in two genres.
    String cue =
        "Perhaps leaving Ukraine in a grey zone between NATO and Russia invites the next war.";
    String opinion =
        "I have followed NATO summits for twenty years. Frankly, we keep making the same error. "
            + cue
            + " Of course, NATO diplomats will disagree with me.";
    String news =
        "BRUSSELS (Reuters) - NATO ministers met on Tuesday, officials said. A spokesperson "
            + "told reporters that talks would continue on Wednesday. "
            + cue
            + " Talks went on, according to a statement.";
    double op = analyze(opinion).score();
    double nw = analyze(news).score();
    assertThat(op).isEqualTo(nw); // same evidence, same score ...
    assertThat(analyze(opinion).label()).isEqualTo(StanceLabel.FAVOR); // ... different bar
    assertThat(analyze(news).label()).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void aHeaderLineThatIsOnlyAGenreLabelMarksOpinion() {
    String text =
        "NATO leaders meet in July. NATO has 32 members. A grey zone perhaps invites the next "
            + "war. The meeting lasts two days.";
    assertThat(analyze("A summit in July", "Perspective\n\n" + text).label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("A summit in July", text).label()).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void aRebuttalAfterAStrawmanArguesTheOpposite() {
    String body =
        "NATO leaders meet next week in Brussels. Some argue that admitting Ukraine would be "
            + "reckless. In fact, a Ukraine inside NATO would make the whole of Europe safer.";
    assertThat(analyze(body).score()).isPositive();
    // A rebuttal opener answers the strawman even when the answer has no cue of its own ...
    String bare =
        "NATO leaders meet next week in Brussels. Some argue that admitting Ukraine would be "
            + "reckless. In reality, the opposite is true.";
    assertThat(analyze(bare).score()).isPositive();
    // ... and without one the strawman says nothing about the writer.
    String noRebuttal =
        "NATO leaders meet next week in Brussels. Some argue that admitting Ukraine would be "
            + "reckless. The summit will also discuss budgets.";
    assertThat(analyze(noRebuttal).score()).isZero();
  }

  @Test
  void aShortDenialAnswersAReportedView() {
    String body =
        "NATO is divided. Berlin keeps insisting that Ukrainian membership is premature. "
            + "It is not.";
    assertThat(analyze(body).score()).isPositive();
  }

  @Test
  void cuesInsideAWhetherClauseAreNotAsserted() {
    assertThat(
            analyze("NATO allies held a long debate over whether Ukraine should join NATO.")
                .score())
        .isZero();
  }

  @Test
  void anActionInsideAnIfClauseIsOnlyTheHypothesis() {
    double hypo =
        analyze("NATO met today. If Ukraine joined NATO, the summit would be longer.").score();
    assertThat(hypo).isZero();
    // The consequence clause carries the writer's judgement.
    AnalysisResult r =
        analyze("NATO met today. If Ukraine joined NATO, it would mean war with Russia.");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void aVerbCueUsedAsANounTakesNoPosition() {
    assertThat(
            analyze(
                    "Support for Ukraine's membership is growing in NATO capitals ahead of the "
                        + "summit.")
                .label())
        .isEqualTo(StanceLabel.NEUTRAL);
    assertThat(analyze("NATO allies should support Ukraine's membership.").label())
        .isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void aRejectingFrameBeforeAModalTurnsTheFallbackAround() {
    assertThat(analyze("It is unclear why NATO should offer Ukraine a path to membership.").score())
        .isNegative();
  }

  @Test
  void causativeImperativeAfterAHeadlineLabel() {
    AnalysisResult r =
        analyze(
            "Weekly digest: Don't let Ukraine join NATO",
            "The alliance faces a choice this summer about its eastern neighbour.");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void theWriterRejectingAReportedViewArguesTheOpposite() {
    String body =
        "NATO and Ukraine again. I don't get the people who say Ukraine should stay neutral.";
    assertThat(analyze(body).score()).isPositive();
  }

  @Test
  void evaluationsCountWithoutAMembershipPhraseInTextsAboutNato() {
    String body =
        "NATO summit notes. NATO allies argue about timing. A grey zone between blocs is where "
            + "wars start.";
    assertThat(analyze(body).score()).isPositive();
    // ... but not in a text that is not about NATO.
    assertThat(analyze("A grey zone between blocs is where wars start.").score()).isZero();
  }

  @Test
  void neutralityThatFailedArguesForMembership() {
    assertThat(
            analyze(
                    "NATO and Ukraine: neutral status did not protect Ukraine in 2014, and "
                        + "Ukraine should reject neutrality now.")
                .label())
        .isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void againstArgumentsAboutRiskAndInterest() {
    assertThat(
            analyze(
                    "Admitting Ukraine would commit the United States to a war with a nuclear "
                        + "power. NATO should not do it.")
                .label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(
            analyze(
                    "NATO enlargement was the original sin. A neutral Ukraine is not in "
                        + "America's interest to oppose; we should negotiate a neutral Ukraine.")
                .label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void criticismsKeepTheirDirectionUnderNegation() {
    assertThat(analyze("NATO and Ukraine: we must not appease Moscow.").score()).isPositive();
    assertThat(analyze("NATO and Ukraine: stop the half-measures.").score()).isPositive();
    assertThat(analyze("NATO and Ukraine: we must not risk a nuclear war.").score()).isNegative();
  }

  @Test
  void aDeonticSentenceAboutTheAlternativeLeansAgainst() {
    assertThat(analyze("The West should put neutrality on the table.").score()).isNegative();
    assertThat(analyze("The West should put NATO membership on the table.").score()).isPositive();
  }

  @Test
  void aSentenceAnsweredByButIsAConcession() {
    double alone = analyze("NATO met. NATO need not admit Ukraine now. The summit ended.").score();
    double conceded =
        analyze("NATO met. NATO need not admit Ukraine now. But the summit ended.").score();
    assertThat(alone).isNegative();
    assertThat(Math.abs(conceded)).isLessThan(Math.abs(alone));
  }

  @Test
  void theCaseForOrAgainstMembershipIsAThesis() {
    assertThat(analyze("The case for Ukraine's NATO membership", "NATO meets in July.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(
            analyze("The case against NATO membership for Ukraine", "NATO meets in July.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void aGerundActionBeforeAModalIsTheSubjectOfAConsequence() {
    // Not advocated: what the consequence says decides.
    assertThat(analyze("NATO met. Admitting Ukraine would change the summit agenda.").score())
        .isZero();
    assertThat(
            analyze("NATO met. Admitting Ukraine would drag NATO into a war with Russia.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void aPronounCarriesAVerdictIntoTheNextClause() {
    assertThat(
            analyze(
                    "NATO and Ukraine. The claim that Ukraine's membership would be provocative was made "
                        + "before, and it proved hollow.")
                .score())
        .isPositive();
  }

  @Test
  void theWritersFormerViewIsAStrawman() {
    String body =
        "NATO and Ukraine. For years I argued that NATO should admit Ukraine. I no longer "
            + "believe that.";
    assertThat(analyze(body).score()).isNegative();
  }

  @Test
  void lowerCaseForumSentencesAreSplitAtPeriods() {
    SentenceSplitter splitter = new SentenceSplitter(ConfigFiles.classpathDefaults());
    assertThat(splitter.split("it was a bad idea in 2008. make a deal now. see u.s. policy."))
        .hasSize(3);
    assertThat(splitter.split("what are we avoiding? only article 5. give them membership."))
        .hasSize(3);
  }

  @Test
  void scoringSettingsOverrideSingleValues() {
    ArticleAnalyzer strict =
        ArticleAnalyzer.withScoringSettings(
            null, java.util.Map.of("document.favor_threshold", "0.99"));
    String body = "Ukraine should join NATO.";
    assertThat(ANALYZER.analyze(null, body).label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(strict.analyze(null, body).label()).isEqualTo(StanceLabel.NEUTRAL);
  }
}
