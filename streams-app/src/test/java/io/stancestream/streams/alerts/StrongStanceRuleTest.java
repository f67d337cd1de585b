package io.stancestream.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Stance;
import io.stancestream.events.StanceLabel;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StrongStanceRuleTest {

  @Test
  void messageMatchesTheFormatItReplaces() {
    double[] values = {-0.914, -0.005, 0, 0.004, 0.995, 0.8, 1, -1, 0.125, 0.07};
    for (double score : values) {
      for (double conf : new double[] {0.97, 0.805, 1.0}) {
        Stance s = new Stance(score < 0 ? StanceLabel.AGAINST : StanceLabel.FAVOR, score, conf);
        String expected =
            String.format(
                Locale.ROOT,
                "Strongly %s: \"%s\"%s (score %+.2f, confidence %.2f)",
                s.label(),
                "T",
                " in Outlet",
                score,
                conf);
        if (expected.contains("score -0.00")) {
          expected = expected.replace("score -0.00", "score +0.00"); // sign of a rounded zero
        }
        assertThat(StrongStanceRule.message(s, "T", "Outlet")).isEqualTo(expected);
      }
    }
    assertThat(StrongStanceRule.message(new Stance(StanceLabel.FAVOR, 0.9, 0.9), "T", null))
        .isEqualTo("Strongly FAVOR: \"T\" (score +0.90, confidence 0.90)");
  }
}
