package io.stancestream.analysis.eval;

import io.stancestream.analysis.StanceLabel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Classification figures over the three stance classes: per-class precision, recall, F1 and
 * support, macro-F1 (unweighted mean of the three F1s; a class with no gold and no predicted items
 * still counts, with F1 0) and the confusion matrix gold -> predicted -> count.
 */
public record Metrics(
    int n,
    double macroF1,
    double accuracy,
    Map<StanceLabel, ClassFigures> perClass,
    Map<StanceLabel, Map<StanceLabel, Integer>> confusion) {

  /** Precision, recall, F1 and support (number of gold items) of one class. */
  public record ClassFigures(double precision, double recall, double f1, int support) {}

  /** Computes the figures for parallel lists of gold and predicted labels. */
  public static Metrics of(List<StanceLabel> gold, List<StanceLabel> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold and predicted differ in length");
    }
    Map<StanceLabel, Map<StanceLabel, Integer>> confusion = new EnumMap<>(StanceLabel.class);
    for (StanceLabel g : StanceLabel.values()) {
      Map<StanceLabel, Integer> row = new EnumMap<>(StanceLabel.class);
      for (StanceLabel p : StanceLabel.values()) {
        row.put(p, 0);
      }
      confusion.put(g, row);
    }
    int correct = 0;
    for (int i = 0; i < gold.size(); i++) {
      confusion.get(gold.get(i)).merge(predicted.get(i), 1, Integer::sum);
      if (gold.get(i) == predicted.get(i)) {
        correct++;
      }
    }
    Map<StanceLabel, ClassFigures> perClass = new EnumMap<>(StanceLabel.class);
    double f1Sum = 0;
    for (StanceLabel c : StanceLabel.values()) {
      int tp = confusion.get(c).get(c);
      int support = 0;
      int predictedAs = 0;
      for (StanceLabel o : StanceLabel.values()) {
        support += confusion.get(c).get(o);
        predictedAs += confusion.get(o).get(c);
      }
      double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
      double recall = support == 0 ? 0 : (double) tp / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.put(c, new ClassFigures(precision, recall, f1, support));
      f1Sum += f1;
    }
    int n = gold.size();
    return new Metrics(
        n,
        f1Sum / StanceLabel.values().length,
        n == 0 ? 0 : (double) correct / n,
        perClass,
        confusion);
  }
}
