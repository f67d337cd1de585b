package io.stancestream.analysis.learned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancestream.analysis.StanceLabel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights of the learned stance layer: a multinomial logistic regression over the mean sentence
 * embedding of a document. Stored as JSON ({@code config/stance/learned-model.json}) with the
 * provenance of its training data.
 *
 * @param labels class order of the rows of {@code weights}
 * @param weights one row of feature weights per class
 * @param bias one bias per class
 * @param embedder id of the sentence encoder the weights were trained on
 * @param provenance where the training data came from, its size and checksum
 */
public record LearnedModel(
    List<StanceLabel> labels,
    double[][] weights,
    double[] bias,
    String embedder,
    Map<String, String> provenance) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Class probabilities for a feature vector. */
  public double[] probabilities(double[] x) {
    double[] z = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < z.length; k++) {
      double v = bias[k];
      for (int j = 0; j < x.length; j++) {
        v += weights[k][j] * x[j];
      }
      z[k] = v;
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  /** Parses the JSON form. */
  public static LearnedModel fromJson(JsonNode n) {
    List<StanceLabel> labels = new ArrayList<>();
    n.path("labels").forEach(l -> labels.add(StanceLabel.valueOf(l.asText())));
    double[][] w = new double[labels.size()][];
    for (int k = 0; k < labels.size(); k++) {
      JsonNode row = n.path("weights").path(k);
      w[k] = new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        w[k][j] = row.path(j).asDouble();
      }
    }
    double[] b = new double[labels.size()];
    for (int k = 0; k < b.length; k++) {
      b[k] = n.path("bias").path(k).asDouble();
    }
    Map<String, String> prov = new LinkedHashMap<>();
    n.path("provenance")
        .fields()
        .forEachRemaining(e -> prov.put(e.getKey(), e.getValue().asText()));
    if (labels.isEmpty() || w[0].length == 0) {
      throw new IllegalStateException("learned model has no labels or weights");
    }
    return new LearnedModel(labels, w, b, n.path("embedder").asText(), prov);
  }

  /** The JSON form. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("embedder", embedder);
    ArrayNode l = root.putArray("labels");
    labels.forEach(x -> l.add(x.name()));
    ArrayNode b = root.putArray("bias");
    for (double v : bias) {
      b.add(round(v));
    }
    ArrayNode w = root.putArray("weights");
    for (double[] row : weights) {
      ArrayNode r = w.addArray();
      for (double v : row) {
        r.add(round(v));
      }
    }
    ObjectNode p = root.putObject("provenance");
    provenance.forEach(p::put);
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
