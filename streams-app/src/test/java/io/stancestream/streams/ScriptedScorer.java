package io.stancestream.streams;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.StanceLabel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test double for the window and alert tests only (enrich tests use the real analyzer): the body
 * states the result, e.g. {@code "stance AGAINST -0.8 0.9\nmentions nato-membership=2 putin=1"}, so
 * each test controls exactly the figures the windows and rules see.
 */
final class ScriptedScorer implements ArticleScorer {

  static final String VERSION = "scripted-1";

  static String body(StanceLabel label, double score, double confidence, String... mentions) {
    return "stance "
        + label
        + " "
        + score
        + " "
        + confidence
        + "\nmentions "
        + String.join(" ", mentions);
  }

  @Override
  public AnalysisResult analyze(String title, String body) {
    StanceLabel label = StanceLabel.NEUTRAL;
    double score = 0;
    double confidence = 0;
    Map<String, Integer> mentions = new TreeMap<>();
    for (String line : body.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts[0].equals("stance")) {
        label = StanceLabel.valueOf(parts[1]);
        score = Double.parseDouble(parts[2]);
        confidence = Double.parseDouble(parts[3]);
      } else if (parts[0].equals("mentions")) {
        for (int i = 1; i < parts.length; i++) {
          String[] kv = parts[i].split("=");
          mentions.put(kv[0], Integer.parseInt(kv[1]));
        }
      }
    }
    return new AnalysisResult(label, score, confidence, List.of(), mentions, VERSION);
  }
}
