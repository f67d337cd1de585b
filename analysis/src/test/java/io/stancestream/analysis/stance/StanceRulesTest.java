package io.stancestream.analysis.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
import org.junit.jupiter.api.Test;

/** One test per linguistic rule, on short sentences written for the purpose. */
class StanceRulesTest {

  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();

  private static AnalysisResult analyze(String body) {
    return ANALYZER.analyze(null, body);
  }

  private static double score(String body) {
    return analyze(body).score();
  }

  @Test
  void deonticCuesGiveTheAuthorsStance() {
    assertThat(analyze("Ukraine should join NATO.").label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("NATO must invite Ukraine at the next summit.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("NATO should close the door to Ukraine.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void negationFlipsTheCueInItsScope() {
    assertThat(analyze("Ukraine should not join NATO.").label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("NATO must not close the door on Ukraine.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("Ukraine will never join NATO.").label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void negationDoesNotReachIntoAnotherClause() {
    double flipped = score("It is not easy, but Ukraine should join NATO.");
    assertThat(flipped).isPositive();
  }

  @Test
  void modalityBareMentionsCountLittleDeonticOnesFully() {
    double bare = score("The ministers discussed inviting Ukraine during the summit.");
    double deontic = score("The ministers should agree on inviting Ukraine during the summit.");
    assertThat(Math.abs(bare)).isLessThan(Math.abs(deontic));
    assertThat(analyze("The ministers discussed inviting Ukraine during the summit.").label())
        .isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void reportedSpeechIsTheSpeakersStanceNotTheAuthors() {
    AnalysisResult r = analyze("Zelensky said Ukraine must join NATO without delay.");
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.speaker()).isEqualTo("Zelensky");
              assertThat(e.contribution()).isZero();
            });
  }

  @Test
  void accordingToAttributesToTheNamedSpeaker() {
    AnalysisResult r = analyze("According to Kuleba, NATO should invite Ukraine this year.");
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence()).extracting(EvidenceSentence::speaker).containsExactly("Kuleba");
  }

  @Test
  void quotationsBelongToTheirSpeaker() {
    AnalysisResult r =
        analyze("“Ukraine must join NATO now,” the foreign minister told reporters in Kyiv.");
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence()).allSatisfy(e -> assertThat(e.speaker()).isNotEqualTo("author"));
  }

  @Test
  void aSpeakerBeforeAHeadlineColonIsQuotedNotTheWriter() {
    AnalysisResult quoted = analyze("Moscow: the alliance should not admit Ukraine");
    assertThat(quoted.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(quoted.evidence()).extracting(EvidenceSentence::speaker).containsExactly("Moscow");
    AnalysisResult minister = analyze("Foreign Minister Sikorski: Ukraine must join NATO soon");
    assertThat(minister.label()).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void aSectionLabelOrAnOrderAfterTheColonStaysTheWritersHeadline() {
    AnalysisResult labelled = analyze("Analysis: the alliance should not admit Ukraine");
    assertThat(labelled.label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(labelled.evidence()).extracting(EvidenceSentence::speaker).containsOnly("author");
    assertThat(analyze("Morning Briefing: Don't let Ukraine join NATO").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void pollResultsAreReportedFactsNotTheWritersStance() {
    AnalysisResult pct = analyze("Some 71% of Ukrainians now say their country should join NATO.");
    assertThat(pct.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(pct.evidence()).extracting(EvidenceSentence::speaker).containsExactly("poll");
    String survey = "A new survey found that Ukraine should join NATO, most voters think.";
    assertThat(analyze(survey).label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(analyze("Ukraine should join NATO, and 71 per cent of voters agree.").label())
        .isEqualTo(StanceLabel.NEUTRAL);
    assertThat(analyze("Ukraine should join NATO.").label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void anIllusionCountsOnlyWhenMembershipIsWhatIsIllusory() {
    assertThat(analyze("NATO membership for Ukraine is an illusion.").label())
        .isEqualTo(StanceLabel.AGAINST);
    String other =
        "NATO and Ukraine met again. Moscow still clings to the illusion of a quick win.";
    assertThat(analyze(other).score()).isZero();
    assertThat(
            analyze(
                    "The illusion that Russia can outlast the West must end, and NATO should"
                        + " invite Ukraine.")
                .label())
        .isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void aReportingRelativeClauseDoesNotTakeTheMainClauseWithIt() {
    AnalysisResult main = analyze("NATO should invite Ukraine, which has asked to join for years.");
    assertThat(main.label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(main.evidence()).extracting(EvidenceSentence::speaker).containsExactly("author");
    // ... and the relative clause's view is not the writer's.
    assertThat(
            analyze("The envoy, who argues that Ukraine must join NATO, arrived in Kyiv on Monday.")
                .score())
        .isZero();
    // Another report in the sentence still attributes all of it.
    assertThat(
            analyze(
                    "Kyiv, which has asked to join, should be invited soon, the minister told"
                        + " reporters.")
                .label())
        .isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void strawmanOpenersAreOthersViews() {
    AnalysisResult r = analyze("Some argue that NATO should admit Ukraine immediately.");
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence()).extracting(EvidenceSentence::speaker).containsExactly("others");
  }

  @Test
  void firstPersonReportingIsTheAuthor() {
    assertThat(analyze("I argue that NATO should admit Ukraine.").label())
        .isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void rhetoricalQuestionsArgueTheOpposite() {
    assertThat(analyze("Why should Ukraine join NATO?").label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("Why shouldn't Ukraine join NATO?").label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void openQuestionsCountLittle() {
    double asked = score("Should Ukraine join NATO?");
    double said = score("Ukraine should join NATO.");
    assertThat(Math.abs(asked)).isLessThan(Math.abs(said) / 2);
  }

  @Test
  void hedgesSoftenACue() {
    double hedged = score("NATO should perhaps invite Ukraine at some point.");
    double plain = score("NATO should invite Ukraine.");
    assertThat(hedged).isPositive().isLessThan(plain);
  }

  @Test
  void ironyMarkersTurnFavorCuesAgainst() {
    assertThat(analyze("Let us stop pretending that Ukraine belongs in NATO.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void theClauseAfterButCarriesThePoint() {
    assertThat(
            analyze("Ukraine deserves membership, but NATO should close the door for now.").label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("Although Ukraine deserves membership, NATO should close the door.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void rejectingPredicatesFlipWhatCameBefore() {
    assertThat(analyze("Keeping Ukraine out of NATO is a mistake.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("It would be a mistake to invite Ukraine into NATO.").label())
        .isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void conditionalClausesAreNotAsserted() {
    double hypothetical = score("If NATO should invite Ukraine, Russia would react.");
    double asserted = score("NATO should invite Ukraine, and Russia would react.");
    assertThat(Math.abs(hypothetical)).isLessThan(Math.abs(asserted));
  }

  @Test
  void rejectingNeutralityIsFavor() {
    assertThat(analyze("For Ukraine, neutrality is a trap.").label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("Ukraine should accept neutrality.").label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void headlineWeighsMoreThanABodySentence() {
    String sentence = "NATO should invite Ukraine";
    double asTitle = ANALYZER.analyze(sentence, "The summit opens on Tuesday in Vilnius.").score();
    double inBody =
        analyze(
                "The summit opens on Tuesday in Vilnius. Delegations arrive on Monday. "
                    + "Hotels are full. "
                    + sentence
                    + ". Security is tight. Roads are closed. Talks run late.")
            .score();
    assertThat(asTitle).isGreaterThan(inBody).isPositive();
  }

  @Test
  void newsThatQuotesBothSidesIsNeutral() {
    String news =
        "NATO leaders met in Vilnius on Tuesday. “Ukraine must join NATO without delay,” "
            + "President Zelensky told reporters. Hungary’s foreign minister said the alliance "
            + "should close the door to Ukraine. According to diplomats, a decision is not expected "
            + "before the next summit. The talks continue on Wednesday.";
    AnalysisResult r = analyze(news);
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.contribution()).isZero());
  }

  @Test
  void sentencesWithoutMembershipBearingDoNotCount() {
    assertThat(analyze("The weather in Kyiv was a dangerous illusion of spring.").evidence())
        .isEmpty();
  }

  @Test
  void evaluativePredicatesJudgeTheMembershipPhraseBeforeThem() {
    assertThat(analyze("Admitting Ukraine would be reckless.").label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("Ukraine's membership is essential for European security.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("NATO membership for Ukraine is not realistic.").label())
        .isEqualTo(StanceLabel.AGAINST);
    // Without a membership phrase before it, the predicate says nothing about membership.
    assertThat(analyze("The weather in Brussels was dangerous for NATO diplomats.").evidence())
        .isEmpty();
  }

  @Test
  void passiveActionsCount() {
    assertThat(analyze("Ukraine will never be admitted to NATO.").label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("Ukraine should be invited to join the alliance.").label())
        .isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void framingWordsCountOnlyInTextsAboutNato() {
    String about =
        "NATO and Ukraine are at the centre of the debate in Brussels. NATO ministers met. "
            + "Behind it all is Russian imperialism, and the Kremlin apologists know it.";
    assertThat(analyze(about).score()).isPositive();
    assertThat(analyze("Behind it all is Russian imperialism.").evidence()).isEmpty();
  }

  @Test
  void invokingASpeakerInSupportIsTheAuthorsVoice() {
    AnalysisResult r = analyze("As Kennan warned, NATO expansion was a mistake.");
    assertThat(r.evidence()).extracting(EvidenceSentence::speaker).containsExactly("author");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void scareQuotesAroundAWordNextToTheCueReadAsIrony() {
    assertThat(analyze("So much for Ukraine's \"right\" to join NATO.").score()).isNegative();
  }

  @Test
  void repeatedParagraphsCountOnce() {
    String once = "NATO should invite Ukraine. The summit is in July. Talks went on.";
    String twice = once + "\n" + "NATO should invite Ukraine.";
    assertThat(analyze(twice).score()).isEqualTo(analyze(once + "\nThe end.").score());
  }

  @Test
  void aTitleRepeatedAsTheFirstBodyLineCountsOnce() {
    String title = "NATO should invite Ukraine";
    String body = "NATO should invite Ukraine.\nThe summit is in July. Talks went on. It rained.";
    AnalysisResult repeated = ANALYZER.analyze(title, body);
    AnalysisResult single =
        ANALYZER.analyze(null, "NATO should invite Ukraine\nThe summit is in July. Talks went on.");
    assertThat(repeated.label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(repeated.score()).isLessThan(1.0);
    assertThat(repeated.evidence()).hasSize(1);
    assertThat(single.label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void newsForecastsCountLittleWithoutOpinionMarkers() {
    String news =
        "Ukraine will not be invited to join the alliance at the summit, officials said on Monday. "
            + "Ukraine will join NATO talks on air defense.";
    String opinion = "Opinion: " + news;
    assertThat(Math.abs(analyze(news).score())).isLessThan(Math.abs(analyze(opinion).score()));
    assertThat(analyze(news).label()).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void verbsCountOnlyWithAMembershipObject() {
    assertThat(analyze("The United States should support Ukraine's membership.").label())
        .isEqualTo(StanceLabel.FAVOR);
    assertThat(analyze("Washington should block Ukraine's accession to NATO.").label())
        .isEqualTo(StanceLabel.AGAINST);
    assertThat(analyze("Washington should support the Ukrainian economy this year.").evidence())
        .isEmpty();
    AnalysisResult news = analyze("Hungary blocks Ukraine's bid to join NATO, officials said.");
    assertThat(news.label()).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void aDemonstrativeCarriesRelevanceFromThePreviousSentence() {
    AnalysisResult r =
        analyze("NATO is debating an invitation for Ukraine. That would be a dangerous mistake.");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(r.evidence().get(0).sentence()).isEqualTo("That would be a dangerous mistake.");
    assertThat(analyze("The weather is odd. That would be a dangerous mistake.").evidence())
        .isEmpty();
  }
}
