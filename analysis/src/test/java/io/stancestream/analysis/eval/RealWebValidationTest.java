package io.stancestream.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.ArticleAnalyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Regression floor on {@code eval/realweb-validation.jsonl}: 60 real web pages about Ukraine's NATO
 * membership (news, op-eds, explainers, forums, aggregators, scraped as stored), labelled by a
 * helper that saw neither the rules nor the dev file (see its README). It scored 0.711 blind under
 * revision 7; its errors were then read for revision 8, so the floor guards those fixes and is no
 * estimate of quality.
 */
class RealWebValidationTest {

  @Test
  void realWebSetStaysAboveItsFloor() throws Exception {
    Path file =
        Path.of(RealWebValidationTest.class.getResource("/eval/realweb-validation.jsonl").toURI());
    Evaluator.Report report = new Evaluator(ArticleAnalyzer.withDefaults()).evaluate(file);
    assertThat(report.metrics().n()).isEqualTo(60);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.82);
  }
}
