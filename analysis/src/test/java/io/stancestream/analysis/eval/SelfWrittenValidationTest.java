package io.stancestream.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.ArticleAnalyzer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Generality guard on two further sets of texts written for this project (not taken from any
 * evaluation file or web page): {@code eval/validation-selfwritten.jsonl} (24 texts) and {@code
 * eval/validation2-selfwritten.jsonl} (22 texts), {@code eval/validation3-selfwritten.jsonl} (18
 * longer, page-like texts with boilerplate), {@code eval/validation4-selfwritten.jsonl} (12) and
 * {@code eval/validation5-selfwritten.jsonl} (12), in the styles of the held-out data (op-eds,
 * letters, forum replies, editorials, wire reports quoting one side, explainers, polls). Each set
 * was scored once before any rule was changed with it in view (see docs/stance.md for those first
 * figures); afterwards the errors were read and general rules added, so the figures below are
 * regression floors, not estimates of quality.
 */
class SelfWrittenValidationTest {

  private static Evaluator.Report evaluate(String resource) throws Exception {
    Path file = Path.of(SelfWrittenValidationTest.class.getResource(resource).toURI());
    return new Evaluator(ArticleAnalyzer.withDefaults()).evaluate(file);
  }

  @Test
  void firstSelfWrittenSetStaysAboveItsFloor() throws Exception {
    Evaluator.Report report = evaluate("/eval/validation-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(24);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void thirdSelfWrittenSetStaysAboveItsFloor() throws Exception {
    Evaluator.Report report = evaluate("/eval/validation3-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(18);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void fourthSelfWrittenSetStaysAboveItsFloor() throws Exception {
    Evaluator.Report report = evaluate("/eval/validation4-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(12);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void fifthSelfWrittenSetStaysAboveItsFloor() throws Exception {
    // The last blind set: it scored 0.33 blind (below the previous rules' 0.44); the floor only
    // guards the figure after the general fixes of revisions 3 and 4 (headline "Speaker: ..."
    // attribution, targeted "illusion"), it is no claim of quality.
    Evaluator.Report report = evaluate("/eval/validation5-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(12);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void sixthSelfWrittenSetStaysAboveItsFloor() throws Exception {
    // Scored 0.50 blind under revision 4; its errors were read for revision 5 (alternatives judged
    // by predicates, irony nouns, interview write-ups, ...), so 0.93 now is a floor, not an
    // estimate.
    Evaluator.Report report = evaluate("/eval/validation6-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(30);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void seventhSelfWrittenSetStaysAboveItsFloor() throws Exception {
    // Read, not an estimate: scored blind 0.526 (revision 4) and 0.560 (revision 5); its errors
    // were read for revision 6 (presented cases, late denials, the alliance as a modifier), which
    // scores 0.661 on it.
    Evaluator.Report report = evaluate("/eval/validation7-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(30);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.62);
  }

  @Test
  void secondSelfWrittenSetStaysAboveItsFloor() throws Exception {
    Evaluator.Report report = evaluate("/eval/validation2-selfwritten.jsonl");
    assertThat(report.metrics().n()).isEqualTo(22);
    assertThat(report.metrics().macroF1()).isGreaterThanOrEqualTo(0.85);
    assertThat(report.metrics().macroF1())
        .isGreaterThan(report.baselines().get("majority").macroF1())
        .isGreaterThan(report.baselines().get("sentiment_lexicon").macroF1());
  }
}
