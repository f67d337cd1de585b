package io.stancestream.analysis.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
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
 * line).
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

  /** Public no-arg constructor for registration as a picocli subcommand. */
  public EvalCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Evaluator.Report report;
    try {
      ArticleAnalyzer analyzer = ArticleAnalyzer.withScoringSettings(configDir, settings);
      report = new Evaluator(analyzer).evaluate(file);
    } catch (LabelledSet.InvalidInputException
        | IllegalArgumentException
        | IllegalStateException e) {
      err.println("eval: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (json) {
      out.println(toJson(report, explain));
    } else {
      out.print(render(report, explain));
    }
    out.flush();
    return 0;
  }

  /** The JSON object printed by {@code --json}. */
  public static String toJson(Evaluator.Report report, boolean explain) {
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
