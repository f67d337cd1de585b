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
}
