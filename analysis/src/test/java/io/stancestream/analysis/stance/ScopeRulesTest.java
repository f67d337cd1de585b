package io.stancestream.analysis.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.ArticleAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Rules added in scorer revision 8: what a sentence asserts about Ukraine's membership, as opposed
 * to what it asks, names as someone's statement, or says about another country. Short texts written
 * for the purpose; each pairs the case with a control that still counts.
 */
class ScopeRulesTest {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();

  private static double score(String body) {
    return ANALYZER.analyze(null, body).score();
  }

  @Test
  void aModalInsideAWhetherClauseIsAskedNotArgued() {
    // No explicit cue: only the generic "should ... member" reading could count, and it must not.
    assertThat(
            score(
                "The allies have been debating whether Ukraine should be a member of the"
                    + " alliance for years."))
        .isZero();
    assertThat(score("Ukraine should be a member of the alliance.")).isPositive();
  }

  @Test
  void theThatClauseOfAReportingNounIsNotTheWritersClaim() {
    assertThat(
            score(
                "The minister's assertion that NATO membership for Ukraine is unrealistic has"
                    + " started a debate."))
        .isZero();
    assertThat(score("The claim that Ukraine must join NATO now is heard at every summit."))
        .isZero();
    // Without the reporting noun the writer says it.
    assertThat(score("NATO membership for Ukraine is unrealistic.")).isNegative();
  }

  @Test
  void actionsOnAnotherCountrysMembershipDoNotCount() {
    assertThat(score("At the 2008 summit, Croatia and Albania were invited to join the alliance."))
        .isZero();
    assertThat(score("An invitation to join the alliance was not extended to Macedonia.")).isZero();
    // Naming Ukraine as well keeps the sentence about Ukraine.
    assertThat(score("Like Finland, Ukraine should be invited to join the alliance.")).isPositive();
  }

  @Test
  void offeringAMembershipActionPlanIsAStepTowardsMembership() {
    assertThat(score("NATO must offer Ukraine a Membership Action Plan this year.")).isPositive();
  }

  @Test
  void aHeadlineEndingInADashAndASourceRelaysIt() {
    String body = "The editors published a long piece on Monday.";
    assertThat(
            ANALYZER
                .analyze("Ukraine shouldn't join NATO due to risks of war \u2014 magazine", body)
                .score())
        .isZero();
    assertThat(ANALYZER.analyze("Membership for Ukraine is unrealistic - Peskov", body).score())
        .isZero();
    // The outlet's own headline, and a dash that does not introduce a source, still count.
    assertThat(ANALYZER.analyze("Ukraine shouldn't join NATO", body).score()).isNegative();
    assertThat(
            ANALYZER.analyze("Ukraine shouldn't join NATO \u2014 not now, not ever", body).score())
        .isNegative();
  }

  @Test
  void aViewSomeoneHoldsIsTheirs() {
    assertThat(score("President Putin sees Ukraine's wish to join NATO as a threat to Russia."))
        .isZero();
  }

  @Test
  void verdictsKeepTheirMeaningWithAdjectives() {
    assertThat(score("Inviting Ukraine to join NATO would be a significant strategic mistake."))
        .isNegative();
  }

  @Test
  void ukrainesOwnWarIsNotTheWarTheAllianceWouldRisk() {
    assertThat(
            score(
                "NATO and Ukraine. The leaders met to discuss the ongoing war with Russia and"
                    + " support from the alliance."))
        .isZero();
    assertThat(score("NATO and Ukraine. Admitting Ukraine would mean a war with Russia."))
        .isNegative();
  }

  @Test
  void aShortVerdictJudgesTheViewJustReported() {
    // The view reported leans against membership; calling it a mistake leans for it.
    assertThat(
            score(
                "NATO and Ukraine. Critics say Ukraine should never join NATO. This would be a"
                    + " grave mistake."))
        .isPositive();
    assertThat(
            score(
                "NATO and Ukraine. Critics say Ukraine must join NATO now. This would be a"
                    + " grave mistake."))
        .isNegative();
  }

  @Test
  void anOptionDiscussedIsNotAdopted() {
    assertThat(
            score(
                "NATO and Ukraine. The leadership has discussed the idea of Ukraine adopting a"
                    + " neutral status."))
        .isZero();
  }

  @Test
  void aVerdictJudgesTheWholeActionPhraseBeforeIt() {
    assertThat(score("Inviting Ukraine to join NATO would be a strategic error.")).isNegative();
    assertThat(score("Letting Ukraine join NATO is essential.")).isPositive();
  }

  @Test
  void aGenreLabelBeforeAColonIsNotASpeaker() {
    assertThat(
            ANALYZER
                .analyze(
                    "Guest Commentary: Here's why Ukraine must join NATO",
                    "The editors published a long piece on Monday.")
                .score())
        .isPositive();
  }

  @Test
  void aNeutralStateIsAnAlternativeToMembership() {
    assertThat(score("Trying to turn Ukraine into a neutral state would be a disaster."))
        .isPositive();
  }

  @Test
  void howAnyCountryJoinsIsTheProcedureNotAStance() {
    assertThat(score("Countries who wish to join NATO must follow a Membership Action Plan."))
        .isZero();
    assertThat(score("Ukraine and other countries should join NATO.")).isPositive();
  }
}
