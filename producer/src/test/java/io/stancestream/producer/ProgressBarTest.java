package io.stancestream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalTheBarRedrawsOneLine() {
    ProgressBar bar = new ProgressBar(out, 4, true, true);
    bar.update(1, 1, 0);
    bar.update(2, 1, 1);
    bar.finish();
    assertThat(printed())
        .isEqualTo(
            "\r[#######.......................] 1/4 inputs · 1 published · 0 rejected"
                + "\r[###############...............] 2/4 inputs · 1 published · 1 rejected"
                + System.lineSeparator());
  }

  @Test
  void withManyInputsAndNoTerminalItPrintsALineAtEachTenth() {
    ProgressBar bar = new ProgressBar(out, 100, false, true);
    for (int i = 1; i <= 100; i++) {
      bar.update(i, i, 0);
    }
    assertThat(printed().lines())
        .hasSize(10)
        .first()
        .isEqualTo("progress: 10/100 inputs · 10 published · 0 rejected");
  }

  @Test
  void fewInputsOffATerminalOrWhenTurnedOffShowNothing() {
    new ProgressBar(out, 10, false, true).update(5, 5, 0);
    new ProgressBar(out, 1000, true, false).update(5, 5, 0);
    assertThat(printed()).isEmpty();
  }
}
