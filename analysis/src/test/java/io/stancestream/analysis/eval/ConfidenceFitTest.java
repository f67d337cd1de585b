package io.stancestream.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.StanceLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfidenceFitTest {

  private static Evaluator.ScoredItem item(StanceLabel gold, StanceLabel predicted, double conf) {
    LabelledArticle a = new LabelledArticle("x", "t", "body", gold);
    AnalysisResult r = new AnalysisResult(predicted, 0.5, conf, List.of(), Map.of(), "test");
    return new Evaluator.ScoredItem(a, r);
  }

  /** n items at confidence conf, of which `right` are correct. */
  private static List<Evaluator.ScoredItem> polar(int n, int right, double conf) {
    List<Evaluator.ScoredItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StanceLabel gold = i < right ? StanceLabel.FAVOR : StanceLabel.AGAINST;
      items.add(item(gold, StanceLabel.FAVOR, conf));
    }
    return items;
  }

  @Test
  void overConfidentCallsAreScaledDownToTheirAccuracy() {
    // 100 calls at 0.9 of which 60 are right: the fitted confidence at 0.9 is close to 0.6.
    ConfidenceFit.Scaling s = ConfidenceFit.platt(rows(polar(100, 60, 0.9)));
    assertThat(s.apply(0.9)).isCloseTo(0.6, within(0.02));
    assertThat(s.n()).isEqualTo(100);
    assertThat(s.correct()).isEqualTo(60);
  }

  @Test
  void underConfidentCallsAreScaledUp() {
    ConfidenceFit.Scaling s = ConfidenceFit.platt(rows(polar(100, 95, 0.6)));
    assertThat(s.apply(0.6)).isCloseTo(0.95, within(0.02));
  }

  @Test
  void withoutItemsThePriorKeepsTheIdentity() {
    ConfidenceFit.Scaling s = ConfidenceFit.platt(List.of());
    assertThat(s.alpha()).isCloseTo(1, within(1e-9));
    assertThat(s.beta()).isCloseTo(0, within(1e-9));
  }

  @Test
  void fittedParametersReproduceTheScaledConfidence() {
    List<Evaluator.ScoredItem> items = new ArrayList<>(polar(40, 25, 0.85));
    items.addAll(polar(20, 18, 0.65));
    for (int i = 0; i < 30; i++) {
      items.add(item(i < 12 ? StanceLabel.NEUTRAL : StanceLabel.FAVOR, StanceLabel.NEUTRAL, 0.8));
    }
    double[] current = {4.0, -0.65, 1.05, 1.45, 1.9};
    ConfidenceFit.Result fit = ConfidenceFit.fit(items, current);
    assertThat(fit.polar().n()).isEqualTo(60);
    assertThat(fit.neutral().n()).isEqualTo(30);
    // The same call (|score| 0.4, 3 evidence sentences) under old and new parameters.
    double oldPolar = ConfidenceFit.logistic(current[0] * 0.4 + current[1] + current[2] * 3);
    double newPolar = ConfidenceFit.logistic(fit.a() * 0.4 + fit.b() + fit.c() * 3);
    assertThat(newPolar).isCloseTo(fit.polar().apply(oldPolar), within(1e-9));
    double oldNeutral = ConfidenceFit.logistic(current[3] - current[4] * 0.5);
    double newNeutral = ConfidenceFit.logistic(fit.aNeutral() - fit.bNeutral() * 0.5);
    assertThat(newNeutral).isCloseTo(fit.neutral().apply(oldNeutral), within(1e-9));
    // 12 of 30 NEUTRAL calls right at 0.8: the refit lowers them.
    assertThat(fit.neutral().apply(0.8)).isLessThan(0.5);
    assertThat(fit.yaml()).startsWith("confidence:").contains("a_neutral:");
  }

  private static List<double[]> rows(List<Evaluator.ScoredItem> items) {
    List<double[]> rows = new ArrayList<>();
    for (Evaluator.ScoredItem s : items) {
      rows.add(new double[] {ConfidenceFit.logit(s.result().confidence()), s.correct() ? 1 : 0});
    }
    return rows;
  }
}
