package io.stancestream.analysis.eval;

import static io.stancestream.analysis.StanceLabel.AGAINST;
import static io.stancestream.analysis.StanceLabel.FAVOR;
import static io.stancestream.analysis.StanceLabel.NEUTRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void perfectPredictionsScoreOne() {
    Metrics m = Metrics.of(List.of(FAVOR, AGAINST, NEUTRAL), List.of(FAVOR, AGAINST, NEUTRAL));
    assertThat(m.macroF1()).isEqualTo(1.0);
    assertThat(m.accuracy()).isEqualTo(1.0);
  }

  @Test
  void classNeverPredictedNorPresentCountsAsZeroF1() {
    Metrics m = Metrics.of(List.of(FAVOR, FAVOR), List.of(FAVOR, FAVOR));
    assertThat(m.perClass().get(FAVOR).f1()).isEqualTo(1.0);
    assertThat(m.perClass().get(AGAINST).f1()).isZero();
    assertThat(m.macroF1()).isCloseTo(1.0 / 3.0, within(1e-9));
  }

  @Test
  void handWorkedExample() {
    // gold    F F A N ; predicted F N A F
    Metrics m =
        Metrics.of(
            List.of(FAVOR, FAVOR, AGAINST, NEUTRAL), List.of(FAVOR, NEUTRAL, AGAINST, FAVOR));
    // FAVOR: P 1/2 R 1/2 F1 1/2; AGAINST 1; NEUTRAL: P 0 R 0 F1 0 -> macro 1.5/3
    assertThat(m.perClass().get(FAVOR).precision()).isEqualTo(0.5);
    assertThat(m.perClass().get(NEUTRAL).support()).isEqualTo(1);
    assertThat(m.macroF1()).isCloseTo(0.5, within(1e-9));
    assertThat(m.confusion().get(FAVOR).get(NEUTRAL)).isEqualTo(1);
  }
}
