package io.stancestream.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.StanceLabel;
import org.junit.jupiter.api.Test;

class SentimentLexiconBaselineTest {

  private final SentimentLexiconBaseline vader = new SentimentLexiconBaseline();

  @Test
  void loadsTheFullVaderLexicon() {
    assertThat(vader.size()).isGreaterThan(7000);
  }

  @Test
  void mapsSentimentToStance() {
    assertThat(vader.predict(null, "A great and wonderful success.")).isEqualTo(StanceLabel.FAVOR);
    assertThat(vader.predict(null, "A terrible, horrible failure.")).isEqualTo(StanceLabel.AGAINST);
    assertThat(vader.predict(null, "The summit is in July.")).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void negationDampsAndFlips() {
    assertThat(vader.compound("not good")).isNegative();
    assertThat(vader.compound("good")).isPositive();
  }
}
