package io.stancestream.analysis.eval;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.StanceLabel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a labelled set with an {@link ArticleAnalyzer} and with two peer baselines on the same
 * items: the majority class of the set, and a general-purpose sentiment lexicon mapped to stance
 * ({@link SentimentLexiconBaseline}).
 */
public final class Evaluator {

  /** One item with its gold label and the analyzer's full result. */
  public record ScoredItem(LabelledArticle item, AnalysisResult result) {
    public boolean correct() {
      return item.label() == result.label();
    }
  }

  /**
   * Everything an evaluation run produces.
   *
   * @param metrics the analyzer's figures
   * @param items every item with its result, in file order
   * @param baselines baseline name ("majority", "sentiment_lexicon") -> figures
   * @param majorityLabel the majority class used by the majority baseline
   * @param scorerVersion the analyzer's version
   */
  public record Report(
      Metrics metrics,
      List<ScoredItem> items,
      Map<String, Metrics> baselines,
      StanceLabel majorityLabel,
      String scorerVersion) {

    /**
     * Expected calibration error of the analyzer's confidence over {@code bins} equal-width bins:
     * the item-weighted mean gap between mean confidence and accuracy per bin.
     */
    public double expectedCalibrationError(int bins) {
      double[] conf = new double[bins];
      int[] correct = new int[bins];
      int[] count = new int[bins];
      for (ScoredItem s : items) {
        int b = Math.min(bins - 1, (int) (s.result().confidence() * bins));
        conf[b] += s.result().confidence();
        correct[b] += s.correct() ? 1 : 0;
        count[b]++;
      }
      double ece = 0;
      for (int b = 0; b < bins; b++) {
        if (count[b] > 0) {
          ece += Math.abs(conf[b] / count[b] - (double) correct[b] / count[b]) * count[b];
        }
      }
      return items.isEmpty() ? 0 : ece / items.size();
    }

    /** Mean confidence over all items. */
    public double meanConfidence() {
      return items.stream().mapToDouble(s -> s.result().confidence()).average().orElse(0);
    }

    /** Ids of misclassified items, in file order. */
    public List<String> misclassified() {
      List<String> ids = new ArrayList<>();
      for (ScoredItem s : items) {
        if (!s.correct()) {
          ids.add(s.item().id());
        }
      }
      return ids;
    }
  }

  private final ArticleAnalyzer analyzer;
  private final SentimentLexiconBaseline sentiment;

  public Evaluator(ArticleAnalyzer analyzer) {
    this.analyzer = analyzer;
    this.sentiment = new SentimentLexiconBaseline();
  }

  /** Reads and scores {@code file}. */
  public Report evaluate(Path file) throws LabelledSet.InvalidInputException {
    return evaluate(LabelledSet.read(file));
  }

  /** Scores the given items. */
  public Report evaluate(List<LabelledArticle> items) {
    List<StanceLabel> gold = new ArrayList<>();
    List<StanceLabel> predicted = new ArrayList<>();
    List<StanceLabel> sentimentPredicted = new ArrayList<>();
    List<ScoredItem> scored = new ArrayList<>();
    for (LabelledArticle a : items) {
      AnalysisResult r = analyzer.analyze(a.title(), a.text());
      scored.add(new ScoredItem(a, r));
      gold.add(a.label());
      predicted.add(r.label());
      sentimentPredicted.add(sentiment.predict(a.title(), a.text()));
    }
    StanceLabel majority = majority(gold);
    List<StanceLabel> majorityPredicted = new ArrayList<>();
    gold.forEach(g -> majorityPredicted.add(majority));
    Map<String, Metrics> baselines = new LinkedHashMap<>();
    baselines.put("majority", Metrics.of(gold, majorityPredicted));
    baselines.put("sentiment_lexicon", Metrics.of(gold, sentimentPredicted));
    return new Report(
        Metrics.of(gold, predicted), List.copyOf(scored), baselines, majority, analyzer.version());
  }

  /** Most frequent gold label; ties go to the earlier label in FAVOR, AGAINST, NEUTRAL order. */
  static StanceLabel majority(List<StanceLabel> gold) {
    Map<StanceLabel, Integer> counts = new EnumMap<>(StanceLabel.class);
    gold.forEach(g -> counts.merge(g, 1, Integer::sum));
    StanceLabel best = StanceLabel.NEUTRAL;
    int bestCount = -1;
    for (StanceLabel l : StanceLabel.values()) {
      int c = counts.getOrDefault(l, 0);
      if (c > bestCount) {
        best = l;
        bestCount = c;
      }
    }
    return best;
  }
}
