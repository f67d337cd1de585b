package io.stancestream.analysis.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
import org.junit.jupiter.api.Test;

/**
 * Revision-5 rules for implicit stances, one test per rule family, on short sentences written for
 * the purpose: alternatives judged by a predicate, irony nouns, opponent frames, disclaimers,
 * extended strawmen, interview write-ups, fronted rhetorical questions, anaphora after an opener
 * and the lexicon entries for alternatives preferred to membership.
 */
class ImplicitStanceRulesTest {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();

  /** Two NATO mentions make the text one about NATO, as most real articles are. */
  private static final String NATO_CONTEXT = "NATO ministers met in Brussels. NATO talks go on.\n";

  private static AnalysisResult analyze(String body) {
    return ANALYZER.analyze(null, body);
  }

  @Test
  void aPredicateJudgingAnAlternativeJudgesMembershipTheOtherWay() {
    assertThat(analyze("Neutrality would be dangerous for Ukraine.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("A neutral status is the answer for Ukraine.").label())
        .isEqualTo(StanceLabel.AGAINST);
    // The membership phrase nearest to the predicate is what it judges.
    assertThat(analyze("Ukraine's membership would be dangerous.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void alternativesPreferredToMembershipArgueAgainst() {
    assertThat(
            analyze(
                    NATO_CONTEXT
                        + "An armed neutral Ukraine is safer than a membership that never comes.")
                .label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("Washington should tell Kyiv that NATO membership is not coming.").label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(
            analyze(
                    NATO_CONTEXT
                        + "Putting aside the membership question for a decade is the price of peace.")
                .label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void anIronyNounMocksTheMembershipPhraseItNames() {
    AnalysisResult mocked =
        analyze(
            NATO_CONTEXT
                + "Kyiv needs shells this spring, not more chapters of the membership fantasy.");
    assertThat(mocked.label()).isEqualTo(StanceLabel.AGAINST);
    AnalysisResult alternative =
        ANALYZER.analyze("The myth of neutrality", NATO_CONTEXT + "Kyiv has heard it all before.");
    assertThat(alternative.score()).isPositive();
    // "The myth of NATO expansion" is about the causes of the war, not about Ukraine joining.
    assertThat(analyze("The myth of NATO expansion has a long life.").score()).isZero();
  }

  @Test
  void aCueInsideAnOpponentFrameIsTheirPositionAndChallengedInAQuestion() {
    AnalysisResult challenged =
        analyze("What do those who want to close the door on Ukraine offer in its place?");
    assertThat(challenged.score()).isPositive();
    AnalysisResult described =
        analyze(NATO_CONTEXT + "Those who want to close the door on Ukraine met in Vienna.");
    assertThat(described.score()).isZero();
  }

  @Test
  void aDisclaimedCriticismCountsForNothing() {
    assertThat(analyze(NATO_CONTEXT + "This does not mean abandoning Ukraine.").score()).isZero();
    assertThat(analyze(NATO_CONTEXT + "We must not abandon Ukraine.").score()).isPositive();
  }

  @Test
  void anAnnouncedExpositionAttributesTheNextParagraphToTheOtherSide() {
    AnalysisResult r =
        analyze(
            "The case against membership deserves a hearing. At its strongest it runs like this.\n"
                + "NATO should close the door to Ukraine. Admitting Kyiv would be reckless.\n"
                + "In fact, Ukraine belongs in NATO.");
    assertThat(r.evidence())
        .filteredOn(e -> e.sentence().startsWith("NATO should close"))
        .extracting(EvidenceSentence::speaker)
        .containsExactly("others");
    assertThat(r.label()).isEqualTo(StanceLabel.FAVOR);
    // A plain "Some say ..." covers only its own sentence: the writer's answer may follow at once.
    AnalysisResult plain =
        analyze("Some say membership would provoke Moscow. Ukraine must join NATO now.");
    assertThat(plain.label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void answersInAnInterviewAreTheGuestsNotTheOutlets() {
    String interview =
        "Interview\n"
            + "We spoke to a retired diplomat about the summit.\n"
            + "Will the allies invite Ukraine this year?\n"
            + "They should. NATO must invite Ukraine now.\n"
            + "Is that realistic?\n"
            + "Yes. Ukraine belongs in NATO.";
    AnalysisResult r = analyze(interview);
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence())
        .extracting(EvidenceSentence::speaker)
        .doesNotContain("author")
        .contains("interviewee");
  }

  @Test
  void aRhetoricalOpenerAfterFrontedPhrasesStillMarksTheQuestion() {
    AnalysisResult r =
        analyze(
            NATO_CONTEXT
                + "After Irpin, after Kherson, who can seriously insist that Ukraine wait outside"
                + " the door?");
    assertThat(r.label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void talkOfAnAlternativeIsReportedAndAButRebutsIt() {
    AnalysisResult r =
        analyze(
            NATO_CONTEXT
                + "There is growing talk of guarantees instead of membership for Ukraine. "
                + "But the allies should not let Moscow trade away Ukraine's seat in the alliance.");
    assertThat(r.evidence())
        .filteredOn(e -> e.sentence().startsWith("There is"))
        .extracting(EvidenceSentence::speaker)
        .containsExactly("others");
    assertThat(r.label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void aDemonstrativeAfterAnOpenerCarriesRelevance() {
    AnalysisResult r =
        analyze(
            "The allies insist that Ukraine's future lies in NATO. "
                + "In our view this position is not realistic.");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void aGerundSubjectBehindAHeadlineLabelIsJudgedNotAdvocated() {
    AnalysisResult r =
        ANALYZER.analyze(
            "Letter: Inviting Ukraine would drag NATO into a war with Russia",
            "I write as a veteran. The summit is next week.");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void neutralityThatNeverProtectedArguesForMembership() {
    assertThat(analyze(NATO_CONTEXT + "Neutral status has never protected Ukraine.").label())
        .isEqualTo(StanceLabel.FAVOR);
  }
}
