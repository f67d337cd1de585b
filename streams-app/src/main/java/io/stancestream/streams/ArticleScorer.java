package io.stancestream.streams;

import io.stancestream.analysis.AnalysisResult;

/**
 * What the topology needs from the analysis module: text in, stance and mentions out. {@code
 * ArticleAnalyzer::analyze} satisfies it; the topology takes it as a parameter so that {@link
 * StanceTopology#build} stays pure.
 */
@FunctionalInterface
public interface ArticleScorer {

  /**
   * Scores one article.
   *
   * @param title the headline, empty when unknown
   * @param body the article text as published (the analyzer cleans it)
   */
  AnalysisResult analyze(String title, String body);
}
