package io.stancestream.analysis.stance;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.lexicon.ConfigFiles;

/** Weights and thresholds from {@code stance/scoring.yaml}; see that file for their meaning. */
record ScoringParams(
    int revision,
    int docNatoMentions,
    int negationWindow,
    int ironyWindow,
    int modalityWindow,
    double deontic,
    double imperative,
    double future,
    double bare,
    double hedge,
    double intensifier,
    double question,
    double rhetoricalQuestion,
    double conditional,
    double concession,
    double afterContrast,
    double ironyFlip,
    double scareQuote,
    double endorsed,
    double sentenceCap,
    double genericDeonticTarget,
    double titleWeight,
    double headerLineWeight,
    double sectionHeaderWeight,
    int ledeSentences,
    double ledeWeight,
    int closingSentences,
    double closingWeight,
    double scale,
    double favorThreshold,
    double againstThreshold,
    double newsAttributedShare,
    double newsDamping,
    double newsPredictive,
    double confA,
    double confB,
    double confC,
    double confNeutralA,
    double confNeutralB,
    int maxAuthorEvidence,
    int maxAttributedEvidence,
    java.util.List<String> opinionLabels,
    double conditionalAction,
    double embeddedQuestion,
    double rebuttal,
    double unanchoredEvaluation,
    double ironicTarget,
    Genre genre) {

  /** Document genre prior (stance/genre.yaml): see that file for the meaning of each value. */
  record Genre(
      double opinionAt,
      double newsAt,
      double opinionFavorThreshold,
      double opinionAgainstThreshold,
      double newsFavorThreshold,
      double newsAgainstThreshold,
      double opinionFraming,
      double newsFraming,
      double newsPredictive) {

    static Genre load(JsonNode g) {
      JsonNode t = g.path("thresholds");
      JsonNode f = g.path("framing_factor");
      return new Genre(
          g.path("opinion_at").asDouble(2.0),
          g.path("news_at").asDouble(-2.0),
          t.path("opinion_favor").asDouble(0.2),
          t.path("opinion_against").asDouble(-0.2),
          t.path("news_favor").asDouble(0.2),
          t.path("news_against").asDouble(-0.2),
          f.path("opinion").asDouble(1.0),
          f.path("news").asDouble(1.0),
          g.path("news_predictive_factor").asDouble(0.25));
    }
  }

  static ScoringParams load(ConfigFiles files) {
    JsonNode n = files.yaml("stance/scoring.yaml");
    JsonNode w = n.path("windows");
    JsonNode m = n.path("action_modality");
    JsonNode f = n.path("factors");
    JsonNode p = n.path("position");
    JsonNode d = n.path("document");
    JsonNode c = n.path("confidence");
    JsonNode e = n.path("evidence");
    return new ScoringParams(
        n.path("revision").asInt(1),
        n.path("relevance").path("doc_nato_mentions").asInt(2),
        w.path("negation").asInt(5),
        w.path("irony").asInt(10),
        w.path("modality").asInt(6),
        m.path("deontic").asDouble(1.0),
        m.path("imperative").asDouble(1.0),
        m.path("future").asDouble(0.8),
        m.path("bare").asDouble(0.25),
        f.path("hedge").asDouble(0.6),
        f.path("intensifier").asDouble(1.25),
        f.path("question").asDouble(0.3),
        f.path("rhetorical_question").asDouble(0.8),
        f.path("conditional").asDouble(0.3),
        f.path("concession").asDouble(0.5),
        f.path("after_contrast").asDouble(1.2),
        f.path("irony_flip").asDouble(0.8),
        f.path("scare_quote").asDouble(0.0),
        f.path("endorsed_attribution").asDouble(0.7),
        f.path("sentence_cap").asDouble(2.5),
        n.path("generic_deontic_target").asDouble(0.5),
        p.path("title").asDouble(2.0),
        p.path("header_line").asDouble(1.5),
        p.path("section_header").asDouble(1.2),
        p.path("lede_sentences").asInt(2),
        p.path("lede").asDouble(1.3),
        p.path("closing_sentences").asInt(4),
        p.path("closing").asDouble(1.5),
        d.path("scale").asDouble(2.5),
        d.path("favor_threshold").asDouble(0.3),
        d.path("against_threshold").asDouble(-0.3),
        d.path("news_attributed_share").asDouble(0.5),
        d.path("news_damping").asDouble(0.6),
        d.path("news_predictive_factor").asDouble(0.4),
        c.path("a").asDouble(4.0),
        c.path("b").asDouble(-1.2),
        c.path("c").asDouble(0.15),
        c.path("a_neutral").asDouble(1.4),
        c.path("b_neutral").asDouble(1.6),
        e.path("max_author").asInt(6),
        e.path("max_attributed").asInt(3),
        labels(n.path("opinion_labels")),
        f.path("conditional_action").asDouble(0.3),
        f.path("embedded_question").asDouble(0.3),
        f.path("rebuttal").asDouble(0.0),
        f.path("unanchored_evaluation").asDouble(0.0),
        f.path("ironic_target").asDouble(0.0),
        Genre.load(files.yaml("stance/genre.yaml")));
  }

  private static java.util.List<String> labels(JsonNode list) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonNode v : list) {
      out.add(
          io.stancestream.analysis.text.NormalizedText.foldPhrase(
              ConfigFiles.entry(v, "stance/scoring.yaml")));
    }
    return java.util.List.copyOf(out);
  }
}
