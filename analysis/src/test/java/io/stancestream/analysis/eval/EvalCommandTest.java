package io.stancestream.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tiny file has 7 items; by construction the scorer gets t1-t5 right, calls t6 (gold NEUTRAL)
 * FAVOR and t7 (gold FAVOR) NEUTRAL. Figures worked out by hand:
 *
 * <pre>
 * confusion  FAVOR: F2 A0 N1   AGAINST: F0 A2 N0   NEUTRAL: F1 A0 N1
 * FAVOR    P 2/3  R 2/3  F1 2/3     AGAINST P 1 R 1 F1 1     NEUTRAL P 1/2 R 1/2 F1 1/2
 * macro-F1 (2/3 + 1 + 1/2) / 3 = 13/18 = 0.7222
 * majority class FAVOR (3 of 7): FAVOR P 3/7 R 1 F1 0.6, others 0 -> macro-F1 0.2
 * </pre>
 */
class EvalCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path tiny() throws URISyntaxException {
    return Path.of(EvalCommandTest.class.getResource("/eval/tiny.jsonl").toURI());
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new EvalCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void jsonFiguresMatchTheHandComputedOnes() throws Exception {
    Run r = run(tiny().toString(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode j = JSON.readTree(r.out());

    assertThat(j.get("n").asInt()).isEqualTo(7);
    assertThat(j.get("macro_f1").asDouble()).isCloseTo(13.0 / 18.0, within(1e-3));
    JsonNode favor = j.get("per_class").get("FAVOR");
    assertThat(favor.get("precision").asDouble()).isCloseTo(2.0 / 3.0, within(1e-3));
    assertThat(favor.get("recall").asDouble()).isCloseTo(2.0 / 3.0, within(1e-3));
    assertThat(favor.get("support").asInt()).isEqualTo(3);
    assertThat(j.get("per_class").get("AGAINST").get("f1").asDouble()).isEqualTo(1.0);
    assertThat(j.get("per_class").get("NEUTRAL").get("f1").asDouble()).isEqualTo(0.5);
    assertThat(j.get("confusion").get("FAVOR").get("NEUTRAL").asInt()).isEqualTo(1);
    assertThat(j.get("confusion").get("NEUTRAL").get("FAVOR").asInt()).isEqualTo(1);
    assertThat(j.get("confusion").get("AGAINST").get("AGAINST").asInt()).isEqualTo(2);
    assertThat(JSON.convertValue(j.get("misclassified"), String[].class))
        .containsExactly("t6", "t7");
    JsonNode majority = j.get("baselines").get("majority");
    assertThat(majority.get("label").asText()).isEqualTo("FAVOR");
    assertThat(majority.get("macro_f1").asDouble()).isCloseTo(0.2, within(1e-3));
    assertThat(j.get("baselines").get("sentiment_lexicon").get("macro_f1").asDouble())
        .isBetween(0.0, 1.0);
  }

  @Test
  void readableReportAndExplainShowFiguresAndEvidence() throws Exception {
    Run r = run(tiny().toString(), "--explain");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("macro-F1 0.722")
        .contains("misclassified (2): t6 t7")
        .contains("majority class (FAVOR)")
        .contains("t6  gold NEUTRAL, predicted FAVOR")
        .contains("[author] Ukraine must join NATO.");
  }

  @Test
  void missingFileIsAUsageError() {
    Run r = run("/nonexistent/dev.jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("file not found");
  }

  @Test
  void badJsonlNamesTheLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"id\":\"a\",\"text\":\"x\",\"label\":\"FAVOR\"}\n{not json\n");
    Run r = run(bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("line 2");

    Files.writeString(bad, "{\"id\":\"a\",\"text\":\"x\",\"label\":\"MAYBE\"}\n");
    Run r2 = run(bad.toString(), "--json");
    assertThat(r2.exit()).isEqualTo(2);
    assertThat(r2.err()).contains("line 1").contains("MAYBE");
    assertThat(r2.out()).isEmpty();
  }

  @Test
  void setOverridesAScoringValue() throws Exception {
    // Thresholds no score in [-1, 1] reaches turn every call into NEUTRAL.
    Run r =
        run(
            tiny().toString(),
            "--json",
            "--set",
            "document.favor_threshold=2",
            "--set",
            "document.against_threshold=-2");
    assertThat(r.exit()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("confusion").get("FAVOR").get("FAVOR").asInt()).isZero();
    assertThat(j.get("confusion").get("AGAINST").get("AGAINST").asInt()).isZero();
  }

  @Test
  void fitConfidencePrintsRefittedParametersAndLeavesLabelsAlone() throws Exception {
    Run plain = run(tiny().toString(), "--json");
    Run r = run(tiny().toString(), "--json", "--fit-confidence");
    assertThat(r.exit()).isZero();
    JsonNode j = JSON.readTree(r.out());
    JsonNode before = JSON.readTree(plain.out());
    assertThat(j.get("confusion")).isEqualTo(before.get("confusion"));
    JsonNode fit = j.get("confidence_fit");
    // 4 of 5 polar calls and 1 of 2 NEUTRAL calls are right (see the class comment).
    assertThat(fit.get("polar").get("n").asInt()).isEqualTo(5);
    assertThat(fit.get("polar").get("correct").asInt()).isEqualTo(4);
    assertThat(fit.get("neutral").get("n").asInt()).isEqualTo(2);
    assertThat(fit.get("neutral").get("correct").asInt()).isEqualTo(1);
    assertThat(fit.get("confidence").get("b_neutral").isNumber()).isTrue();

    Run text = run(tiny().toString(), "--fit-confidence");
    assertThat(text.out()).contains("confidence refit").contains("  a_neutral: ");
    assertThat(before.has("confidence_fit")).isFalse();
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertThat(run().exit()).isEqualTo(2);
  }
}
