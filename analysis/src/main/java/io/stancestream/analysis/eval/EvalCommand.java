package io.stancestream.analysis.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.analysis.lexicon.ConfigFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval FILE.jsonl [--json] [--explain]}: scores a labelled JSONL file (schema of {@code
 * shared/eval/dev.jsonl}) and prints macro-F1, per-class precision/recall/F1/support, the confusion
 * matrix, the misclassified ids and the same figures for two peer baselines (majority class and a
 * general-purpose sentiment lexicon mapped to stance). {@code --json} prints exactly one JSON
 * object; {@code --explain} adds, for each misclassified item, its score and evidence with
 * speakers. Exit codes: 0 success, 2 usage error (missing file, bad JSONL: the message names the
 * line). {@code --fit-confidence} also refits the confidence parameters on the file ({@link
 * ConfidenceFit}) and prints them as a {@code stance/scoring.yaml} block.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score a labelled JSONL file and compare with peer baselines.")
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Labelled JSONL file.")
  Path file;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Option(
      names = "--explain",
      description = "Show score, evidence and speakers of each misclassified item.")
  boolean explain;

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description =
          "Directory overriding the packaged lexicons and rules (same layout as config/).")
  Path configDir;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one value of stance/scoring.yaml, e.g. --set learned.enabled=true (needs the"
              + " MiniLM embeddings on the classpath, as the CLI has). Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--fit-confidence",
      description =
          "Also refit the confidence parameters on this file (Platt scaling) and print the"
              + " stance/scoring.yaml block that would make confidence match accuracy here. Use a"
              + " file the rules were not developed on.")
  boolean fitConfidence;

  /** Public no-arg constructor for registration as a picocli subcommand. */
  public EvalCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Evaluator.Report report;
    ConfidenceFit.Result fit = null;
    try {
      ArticleAnalyzer analyzer = ArticleAnalyzer.withScoringSettings(configDir, settings);
      report = new Evaluator(analyzer).evaluate(file);
      if (fitConfidence) {
        fit = ConfidenceFit.fit(report.items(), currentConfidence());
      }
    } catch (LabelledSet.InvalidInputException
        | IllegalArgumentException
        | IllegalStateException e) {
      err.println("eval: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (json) {
      out.println(toJson(report, explain, fit));
    } else {
      out.print(render(report, explain));
      if (fit != null) {
        out.print(render(fit));
      }
    }
    out.flush();
    return 0;
  }

  private double[] currentConfidence() {
    JsonNode c =
        ConfigFiles.withScoringSettings(configDir, settings)
            .yaml("stance/scoring.yaml")
            .path("confidence");
    String[] keys = {"a", "b", "c", "a_neutral", "b_neutral"};
    double[] values = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      if (!c.path(keys[i]).isNumber()) {
        throw new IllegalStateException("stance/scoring.yaml: confidence." + keys[i] + " missing");
      }
      values[i] = c.path(keys[i]).asDouble();
    }
    return values;
  }

  private static String render(ConfidenceFit.Result fit) {
    return String.format(
            Locale.ROOT,
            "%nconfidence refit on this file (Platt scaling, labels unchanged)%n"
                + "  FAVOR/AGAINST calls: %d, correct %d, alpha %.3f, beta %+.3f%n"
                + "  NEUTRAL calls:       %d, correct %d, alpha %.3f, beta %+.3f%n"
                + "stance/scoring.yaml:%n",
            fit.polar().n(),
            fit.polar().correct(),
            fit.polar().alpha(),
            fit.polar().beta(),
            fit.neutral().n(),
            fit.neutral().correct(),
            fit.neutral().alpha(),
            fit.neutral().beta())
        + fit.yaml();
  }

  /** The JSON object printed by {@code --json}. */
  public static String toJson(Evaluator.Report report, boolean explain) {
    return toJson(report, explain, null);
  }

  private static String toJson(Evaluator.Report report, boolean explain, ConfidenceFit.Result fit) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("n", report.metrics().n());
    root.put("macro_f1", round(report.metrics().macroF1()));
    root.put("accuracy", round(report.metrics().accuracy()));
    root.put("per_class", perClass(report.metrics()));
    root.put("confusion", confusion(report.metrics()));
    root.put("misclassified", report.misclassified());
    Map<String, Object> baselines = new LinkedHashMap<>();
    report
        .baselines()
        .forEach(
            (name, m) -> {
              Map<String, Object> b = new LinkedHashMap<>();
              b.put("macro_f1", round(m.macroF1()));
              b.put("accuracy", round(m.accuracy()));
              if (name.equals("majority")) {
                b.put("label", report.majorityLabel().name());
              }
              b.put("per_class", perClass(m));
              b.put("confusion", confusion(m));
              baselines.put(name, b);
            });
    root.put("baselines", baselines);
    Map<String, Object> calibration = new LinkedHashMap<>();
    calibration.put("mean_confidence", round(report.meanConfidence()));
    calibration.put("accuracy", round(report.metrics().accuracy()));
    calibration.put("ece_5_bins", round(report.expectedCalibrationError(5)));
    root.put("calibration", calibration);
    root.put("scorer_version", report.scorerVersion());
    if (fit != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("polar", scaling(fit.polar()));
      f.put("neutral", scaling(fit.neutral()));
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("a", round(fit.a()));
      c.put("b", round(fit.b()));
      c.put("c", round(fit.c()));
      c.put("a_neutral", round(fit.aNeutral()));
      c.put("b_neutral", round(fit.bNeutral()));
      f.put("confidence", c);
      root.put("confidence_fit", f);
    }
    if (explain) {
      root.put(
          "explain",
          report.items().stream().filter(s -> !s.correct()).map(EvalCommand::explainJson).toList());
    }
    try {
      return new ObjectMapper()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> scaling(ConfidenceFit.Scaling s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.n());
    m.put("correct", s.correct());
    m.put("alpha", round(s.alpha()));
    m.put("beta", round(s.beta()));
    return m;
  }

  private static Map<String, Object> explainJson(Evaluator.ScoredItem s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.item().id());
    m.put("gold", s.item().label().name());
    m.put("predicted", s.result().label().name());
    m.put("score", s.result().score());
    m.put("confidence", s.result().confidence());
    m.put("evidence", s.result().evidence());
    return m;
  }

  private static Map<String, Object> perClass(Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.perClass()
        .forEach(
            (label, f) -> {
              Map<String, Object> c = new LinkedHashMap<>();
              c.put("precision", round(f.precision()));
              c.put("recall", round(f.recall()));
              c.put("f1", round(f.f1()));
              c.put("support", f.support());
              out.put(label.name(), c);
            });
    return out;
  }

  private static Map<String, Object> confusion(Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.confusion()
        .forEach(
            (gold, row) -> {
              Map<String, Integer> r = new LinkedHashMap<>();
              row.forEach((pred, count) -> r.put(pred.name(), count));
              out.put(gold.name(), r);
            });
    return out;
  }

  /** The human-readable report. */
  public static String render(Evaluator.Report report, boolean explain) {
    StringBuilder sb = new StringBuilder();
    Metrics m = report.metrics();
    sb.append(
        String.format(
            Locale.ROOT,
            "Stance evaluation: %d items, scorer %s%n",
            m.n(),
            report.scorerVersion()));
    sb.append(
        String.format(Locale.ROOT, "macro-F1 %.3f   accuracy %.3f%n%n", m.macroF1(), m.accuracy()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-8s %9s %9s %9s %8s%n",
            "class",
            "precision",
            "recall",
            "F1",
            "support"));
    m.perClass()
        .forEach(
            (label, f) ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "%-8s %9.3f %9.3f %9.3f %8d%n",
                        label.name(),
                        f.precision(),
                        f.recall(),
                        f.f1(),
                        f.support())));
    sb.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-8s", ""));
    for (StanceLabel p : StanceLabel.values()) {
      sb.append(String.format(Locale.ROOT, " %8s", p.name()));
    }
    sb.append('\n');
    m.confusion()
        .forEach(
            (gold, row) -> {
              sb.append(String.format(Locale.ROOT, "%-8s", gold.name()));
              row.forEach((pred, count) -> sb.append(String.format(Locale.ROOT, " %8d", count)));
              sb.append('\n');
            });
    sb.append("\nbaselines on the same items\n");
    sb.append(String.format(Locale.ROOT, "  %-34s macro-F1 %.3f%n", "StanceStream", m.macroF1()));
    report
        .baselines()
        .forEach(
            (name, b) -> {
              String label =
                  name.equals("majority")
                      ? "majority class (" + report.majorityLabel() + ")"
                      : name.equals("sentiment_lexicon")
                          ? "sentiment lexicon (VADER) -> stance"
                          : name;
              sb.append(String.format(Locale.ROOT, "  %-34s macro-F1 %.3f%n", label, b.macroF1()));
            });
    sb.append(
        String.format(
            Locale.ROOT,
            "%ncalibration: mean confidence %.3f, accuracy %.3f, ECE (5 bins) %.3f%n",
            report.meanConfidence(),
            m.accuracy(),
            report.expectedCalibrationError(5)));
    List<String> wrong = report.misclassified();
    sb.append(
        String.format(
            Locale.ROOT, "%nmisclassified (%d): %s%n", wrong.size(), String.join(" ", wrong)));
    if (explain) {
      for (Evaluator.ScoredItem s : report.items()) {
        if (s.correct()) {
          continue;
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "%n%s  gold %s, predicted %s (score %.3f, confidence %.2f)  %s%n",
                s.item().id(),
                s.item().label(),
                s.result().label(),
                s.result().score(),
                s.result().confidence(),
                s.item().title() == null ? "" : s.item().title()));
        if (s.result().evidence().isEmpty()) {
          sb.append("    (no stance-bearing sentence found)\n");
        }
        for (EvidenceSentence e : s.result().evidence()) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "    %+.2f [%s] %s%n",
                  e.contribution(),
                  e.speaker(),
                  abbreviate(e.sentence().replace('\n', ' '), 160)));
        }
      }
    }
    return sb.toString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }
}
