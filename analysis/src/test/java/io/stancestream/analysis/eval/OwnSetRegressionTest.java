package io.stancestream.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.ArticleAnalyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on {@code eval/own-set.jsonl}: 24 short texts (8 per label) written for this
 * project by its developers, in the styles the scorer must handle (op-eds for and against,
 * anti-neutrality pieces, letters, straight news quoting both sides, explainers). The texts were
 * written while the rules were developed, so the figure is not an unbiased estimate of quality; it
 * catches rule changes that break cases that used to work.
 */
class OwnSetRegressionTest {

  @Test
  void scorerKeepsItsOwnSetRight() throws Exception {
    Path file = Path.of(OwnSetRegressionTest.class.getResource("/eval/own-set.jsonl").toURI());
    Evaluator.Report report = new Evaluator(ArticleAnalyzer.withDefaults()).evaluate(file);

    assertThat(report.metrics().n()).isEqualTo(24);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.metrics().macroF1())
        .isGreaterThan(report.baselines().get("majority").macroF1())
        .isGreaterThan(report.baselines().get("sentiment_lexicon").macroF1());
  }
}
