package io.stancestream.analysis.learned;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.analysis.eval.LabelledArticle;
import io.stancestream.analysis.eval.LabelledSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the learned layer: {@code TrainLearnedLayer TRAIN.jsonl OUT.json}. Reads a labelled JSONL
 * file (schema of the eval files; {@code analysis/training/stance-train.jsonl} holds texts written
 * and labelled by the project's developers), takes for each text the sentences the rules select
 * ({@link ArticleAnalyzer#learnedInputs}), embeds them with MiniLM and fits a multinomial logistic
 * regression by full-batch gradient descent. Deterministic: the same file gives the same weights.
 * Run it with {@code analysis/training/train.sh}.
 */
public final class TrainLearnedLayer {

  static final int EPOCHS = 600;
  static final double LEARNING_RATE = 2.0;
  static final double L2 = 1e-3;

  private TrainLearnedLayer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: TrainLearnedLayer TRAIN.jsonl OUT.json");
      System.exit(2);
    }
    Path train = Path.of(args[0]);
    List<LabelledArticle> items = LabelledSet.read(train);
    ArticleAnalyzer rules = ArticleAnalyzer.withDefaults();
    SentenceEmbedder embedder = new MiniLmEmbedder();
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    List<StanceLabel> labels = List.of(StanceLabel.values());
    for (LabelledArticle a : items) {
      double[] x = LearnedStance.features(embedder, rules.learnedInputs(a.title(), a.text()));
      if (x != null) {
        xs.add(x);
        ys.add(labels.indexOf(a.label()));
      }
    }
    LearnedModel model = fit(xs, ys, labels, embedder.id(), provenance(train, items));
    Files.writeString(Path.of(args[1]), model.toJson() + "\n");
    int correct = 0;
    for (int i = 0; i < xs.size(); i++) {
      double[] p = model.probabilities(xs.get(i));
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        best = p[k] > p[best] ? k : best;
      }
      correct += best == ys.get(i) ? 1 : 0;
    }
    System.out.printf(
        "trained on %d texts, training accuracy %.3f, wrote %s%n",
        xs.size(), (double) correct / xs.size(), args[1]);
  }

  static LearnedModel fit(
      List<double[]> xs,
      List<Integer> ys,
      List<StanceLabel> labels,
      String embedder,
      Map<String, String> provenance) {
    int k = labels.size();
    int d = xs.get(0).length;
    double[][] w = new double[k][d];
    double[] b = new double[k];
    int n = xs.size();
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      double[][] gw = new double[k][d];
      double[] gb = new double[k];
      LearnedModel current = new LearnedModel(labels, w, b, embedder, provenance);
      for (int i = 0; i < n; i++) {
        double[] p = current.probabilities(xs.get(i));
        for (int c = 0; c < k; c++) {
          double err = p[c] - (ys.get(i) == c ? 1 : 0);
          gb[c] += err;
          double[] x = xs.get(i);
          for (int j = 0; j < d; j++) {
            gw[c][j] += err * x[j];
          }
        }
      }
      for (int c = 0; c < k; c++) {
        b[c] -= LEARNING_RATE * gb[c] / n;
        for (int j = 0; j < d; j++) {
          w[c][j] -= LEARNING_RATE * (gw[c][j] / n + L2 * w[c][j]);
        }
      }
    }
    return new LearnedModel(labels, w, b, embedder, provenance);
  }

  private static Map<String, String> provenance(Path train, List<LabelledArticle> items)
      throws Exception {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("training_file", train.getFileName().toString());
    p.put(
        "training_sha256",
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(train))));
    p.put("training_items", Integer.toString(items.size()));
    p.put(
        "source",
        "short texts written and labelled by the StanceStream developers; no evaluation data");
    p.put("method", "multinomial logistic regression on mean MiniLM sentence embeddings");
    p.put("epochs", Integer.toString(EPOCHS));
    p.put("l2", Double.toString(L2));
    return p;
  }
}
